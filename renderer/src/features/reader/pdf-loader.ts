import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PdfResourceKind } from '@common/corpus/corpus-types';
import { callApi } from '../../shared/data/call-api';

/**
 * pdf.js in the window, for "Show original", under the app's CSP as it stands: its worker is the
 * copy of pdfjs-dist's own that the build puts beside the page (PDFJS_WORKER_PATH, served by the
 * app's protocol like every other asset, created through a Trusted Types policy that accepts that
 * one address only); eval off; no WebAssembly; nothing fetched (connect-src 'none'): the standard
 * fonts and CMaps pdfjs-dist ships come from main over IPC by their plain file names; the PDF's
 * bytes too (getOriginal). Loaded the first time an original is opened, never at start.
 */
export const PDFJS_WORKER_PATH = 'pdfjs/pdf.worker.min.mjs';
export const PDF_WORKER_POLICY = 'carrel-pdf-worker';

type ScriptUrlPolicy = { createScriptURL(url: string): unknown };
type TrustedTypesFactory = { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };

type PdfJs = typeof PdfJsModule;
let loading: Promise<PdfJs> | undefined;

/** The worker's one address, absolute (the page's own origin). */
const workerUrl = () => new URL(PDFJS_WORKER_PATH, document.baseURI).href;

let policy: ScriptUrlPolicy | undefined;
function trustedWorkerUrl(): string | URL {
  const factory = (window as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return workerUrl();
  policy ??= factory.createPolicy(PDF_WORKER_POLICY, {
    createScriptURL: (url) => {
      if (url !== workerUrl()) throw new TypeError(`Not pdf.js's worker: ${url}`);
      return url;
    },
  });
  return policy.createScriptURL(workerUrl()) as string;
}

function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    // One worker for every original opened in this window (pdf.js shares a given port).
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(trustedWorkerUrl(), { type: 'module', name: 'pdf.js' });
    return pdfjs;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const KINDS: Record<string, PdfResourceKind> = { standardFontDataUrl: 'standard-font', cMapUrl: 'cmap' };

/** Fonts and CMaps asked for already, by kind and name: each PDF opened asks again (pdf.js caches per document). */
const resources = new Map<string, Promise<Uint8Array>>();

/** pdf.js's BinaryDataFactory: what it would fetch by address, asked of main by name instead. */
class IpcBinaryData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const resource = KINDS[kind];
    if (!resource) throw new Error(`pdf.js asked for ${kind}, which Carrel does not give`);
    const key = `${resource}/${filename}`;
    let asked = resources.get(key);
    if (!asked) {
      asked = callApi('getPdfResource', { kind: resource, name: filename }).then((result) => {
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      });
      resources.set(key, asked);
      asked.catch(() => resources.delete(key));
    }
    // A copy: pdf.js may hand the buffer over to its worker, which would empty the kept one.
    return (await asked).slice();
  }
}

/** Opens a PDF's bytes with pdf.js, locked down (see above). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  performance.mark('carrel:pdfjs-ready');
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over: a copy, so the caller's bytes stay whole.
    data: bytes.slice(),
    isEvalSupported: false,
    useWasm: false,
    useWorkerFetch: false,
    useSystemFonts: false,
    // Base addresses pdf.js checks are set; IpcBinaryData reads by file name only.
    cMapUrl: 'carrel:cmaps/',
    cMapPacked: true,
    standardFontDataUrl: 'carrel:standard_fonts/',
    BinaryDataFactory: IpcBinaryData,
    enableXfa: false,
    // Glyphs drawn as paths, not loaded as web fonts: a real PDF's embedded fonts each went
    // through the browser's font loading, 1–4 s on a page that uses new ones (bench:original).
    disableFontFace: true,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isImageDecoderSupported: false,
    verbosity: 0,
  } as Parameters<PdfJs['getDocument']>[0]);
  return task.promise;
}

/** The page labels pdf.js reads (PageLabels), or null when the file has none. */
export async function pdfPageLabels(doc: PDFDocumentProxy): Promise<string[] | null> {
  try {
    return await doc.getPageLabels();
  } catch {
    return null;
  }
}

export type { PDFDocumentProxy };
