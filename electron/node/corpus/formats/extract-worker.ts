import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SkipReason } from '../../../common/corpus/skip-reasons';

/** What the extraction thread reads: a PDF's positioned text (PdfRaw) or a DOCX's HTML (mammoth). */
export type ExtractKind = 'pdf' | 'docx';

export type ExtractResult = { ok: true; value: unknown } | { ok: false; reason: SkipReason; message: string };

export type ExtractJob = {
  /** The answer once there is one; waits at most waitMs for it (blocking this thread). */
  poll(waitMs: number): ExtractResult | undefined;
};

export type Extractor = {
  start(kind: ExtractKind, bytes: Uint8Array): ExtractJob;
  /** Ends the thread (a build calls it when done, whatever happened). */
  close(): void;
};

/** Longest a file may take to be read (PDF, DOCX) before it is skipped. */
export const DEFAULT_EXTRACT_TIMEOUT_MS = 60_000;
/** Heap of the extraction thread: a file that needs more is skipped, the build goes on. */
const WORKER_HEAP_MB = 768;
/** Most pages read from a PDF. */
export const MAX_PDF_PAGES = 5000;
/** Most characters of text read from one file. */
const MAX_TEXT_CHARS = 64 * 1024 * 1024;
/** Most runs of text read from one PDF: the layout (in the build's thread) stays within seconds. */
export const MAX_PDF_RUNS = 2_000_000;

/**
 * The extraction thread, as plain JavaScript source (as read-ahead.ts's, so that it runs the
 * same under Node, Vitest and the bundled app). pdf.js runs with eval off, no font faces, no
 * system fonts, no WebAssembly, no fetching of any kind (the data is given, nothing is read by
 * address), and its own worker in this same thread. counters[0] counts the answers posted.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, counters, pdfUrl, pdfWorkerUrl, mammothPath, maxPages, maxChars, maxRuns } = workerData;
let pdfjs;
const fail = (reason, message) => ({ ok: false, reason, message });
const str = (value) => (typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : '');
async function pdf(data) {
  if (!pdfjs) {
    pdfjs = await import(pdfUrl);
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  }
  const task = pdfjs.getDocument({
    data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, useWasm: false,
    useWorkerFetch: false, disableAutoFetch: true, disableStream: true, disableRange: true,
    enableXfa: false, isOffscreenCanvasSupported: false, isImageDecoderSupported: false,
    maxImageSize: 0, verbosity: 0, stopAtErrors: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    if (error && error.name === 'PasswordException') return fail('encrypted', 'password-protected PDF: save a copy without the password to read it');
    return fail('malformed', 'not a readable PDF (' + String((error && error.message) || error).split('\\n')[0] + ')');
  }
  try {
    if (doc.numPages > maxPages) return fail('too-many-entries', doc.numPages + ' pages, over the limit of ' + maxPages);
    const pages = [];
    let chars = 0;
    let runs = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || item.str === '') continue;
        const t = item.transform;
        chars += item.str.length;
        if (++runs > maxRuns) return fail('too-many-entries', 'more than ' + maxRuns + ' runs of text');
        items.push({ s: item.str, x: t[4] - x0, y: t[5] - y0, w: item.width, size: Math.hypot(t[2], t[3]) || item.height });
      }
      if (chars > maxChars) return fail('too-large', 'more text than one document may hold');
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    let labels = null;
    try { labels = await doc.getPageLabels(); } catch {}
    const info = {};
    const xmp = {};
    try {
      const meta = await doc.getMetadata();
      for (const [key, value] of Object.entries(meta.info || {})) if (str(value)) info[key] = str(value);
      // pdf.js 5's Metadata is iterable ([name, value] pairs, names as in the packet: dc:title…).
      if (meta.metadata) for (const [key, value] of meta.metadata) {
        const text = Array.isArray(value) ? value.map(str).filter(Boolean).join('; ') : str(value);
        if (text) xmp[key] = text;
      }
    } catch {}
    return { ok: true, value: { pages, labels: Array.isArray(labels) ? labels.map(String) : null, info, xmp } };
  } finally {
    await doc.destroy();
  }
}
async function docx(data) {
  const mammoth = require(mammothPath);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      { convertImage: mammoth.images.imgElement(() => ({ src: '' })), includeDefaultStyleMap: true },
    );
    return { ok: true, value: result.value };
  } catch (error) {
    return fail('malformed', 'not a readable Word document (' + String((error && error.message) || error).split('\\n')[0] + ')');
  }
}
port.on('message', async ({ id, kind, data }) => {
  let answer;
  try {
    answer = kind === 'pdf' ? await pdf(data) : await docx(data);
  } catch (error) {
    answer = fail('parse-failed', 'could not be read (' + String((error && error.message) || error).split('\\n')[0] + ')');
  }
  port.postMessage({ id, answer });
  Atomics.add(counters, 0, 1);
  Atomics.notify(counters, 0);
});
`;

const requireHere = createRequire(__filename);

/** In the packaged app pdf.js lies beside the archive (asarUnpack): ES modules cannot be imported from inside it. */
function unpacked(file: string): string {
  const outside = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return outside !== file && fs.existsSync(outside) ? outside : file;
}

function modulePaths() {
  const pdf = unpacked(requireHere.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  return {
    pdfUrl: pathToFileURL(pdf).href,
    pdfWorkerUrl: pathToFileURL(pdf.replace(/pdf\.mjs$/, 'pdf.worker.mjs')).href,
    mammothPath: requireHere.resolve('mammoth'),
  };
}

type Thread = { worker: Worker; port: MessagePort; counters: Int32Array; dead: { reason?: string } };

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * Reads PDFs and Word documents in a second thread, one at a time, bounded in time and memory:
 * a file that takes longer than timeoutMs, or needs more memory than the thread has, is
 * skipped with its reason and the thread replaced, so a hostile file cannot hang or stop a
 * build. The answers are waited for in short blocking polls, so the caller decides when to let
 * its event loop turn (a build yields between polls).
 */
export function createExtractor(timeoutMs = DEFAULT_EXTRACT_TIMEOUT_MS, limits: { maxPages?: number; maxRuns?: number } = {}): Extractor {
  let thread: Thread | undefined;
  let nextId = 0;

  const startThread = (): Thread => {
    const counters = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2, counters, ...modulePaths(), maxPages: limits.maxPages ?? MAX_PDF_PAGES, maxChars: MAX_TEXT_CHARS, maxRuns: limits.maxRuns ?? MAX_PDF_RUNS },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: true,
      stderr: true,
    });
    const dead: Thread['dead'] = {};
    worker.unref();
    worker.on('error', (error) => {
      dead.reason = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : error.message;
    });
    worker.on('exit', () => {
      dead.reason ??= 'exited';
    });
    return { worker, port: port1, counters, dead };
  };

  const stopThread = () => {
    if (!thread) return;
    thread.port.close();
    void thread.worker.terminate();
    thread = undefined;
  };

  return {
    start(kind, bytes) {
      thread ??= startThread();
      const current = thread;
      const id = nextId++;
      const data = new Uint8Array(bytes);
      current.port.postMessage({ id, kind, data }, [data.buffer]);
      const started = performance.now();
      let answer: ExtractResult | undefined;
      return {
        poll(waitMs) {
          if (answer) return answer;
          for (;;) {
            const seen = Atomics.load(current.counters, 0);
            const message = receiveMessageOnPort(current.port)?.message as { id: number; answer: ExtractResult } | undefined;
            if (message?.id === id) return (answer = message.answer);
            if (message) continue;
            const elapsed = performance.now() - started;
            if (current.dead.reason) {
              if (thread === current) stopThread();
              const message =
                current.dead.reason === 'out-of-memory' ? `needs more than ${WORKER_HEAP_MB} MB of memory to read` : `could not be read (${current.dead.reason})`;
              return (answer = { ok: false, reason: current.dead.reason === 'out-of-memory' ? 'too-large' : 'parse-failed', message });
            }
            if (elapsed >= timeoutMs) {
              if (thread === current) stopThread();
              return (answer = { ok: false, reason: 'timeout', message: `took longer than ${seconds(timeoutMs)} to read` });
            }
            const wait = Math.min(waitMs, timeoutMs - elapsed);
            if (wait <= 0) return undefined;
            Atomics.wait(current.counters, 0, seen, wait);
            if (Atomics.load(current.counters, 0) === seen) return undefined;
          }
        },
      };
    },
    close: stopThread,
  };
}
