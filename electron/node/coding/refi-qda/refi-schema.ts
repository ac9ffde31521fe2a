import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RefiImportError } from './refi-xml';

/** The schemas shipped in resources/refi-qda (NOTICE.md there: MIT, © REFI-QDA). */
export const SCHEMA_FILES = { project: 'Project-mrt2019.xsd', codebook: 'Codebook.xsd' } as const;
export type RefiSchemaKind = keyof typeof SCHEMA_FILES;

/** Most UTF-8 bytes handed to xmllint (as many as parseRefiXml reads, 64 MB of XML; ~6 s on a 2-core machine). */
export const MAX_SCHEMA_INPUT = 64 * 1024 * 1024;
/** How long one validation may take before the worker is stopped and the file refused. */
export const SCHEMA_TIME_LIMIT_MS = 60_000;
/** xmllint's WebAssembly memory: with --stream, 32 MB held a 90 MB project; 128 MB leaves room. */
const WASM_MEMORY_PAGES = { initial: 256, max: 2048 };
/** The worker's JavaScript heap (the file sits in Emscripten's in-memory file system there). */
const WORKER_HEAP_MB = 768;
/** Schema errors named in a refusal. */
const ERRORS_SHOWN = 3;

export type SchemaError = { line: number | null; message: string };

/**
 * resources/refi-qda of a checkout, found from this file's folder (electron/node/coding/refi-qda
 * under tsx, out/main once bundled); a packaged app passes its own (process.resourcesPath/refi-qda).
 */
export function defaultRefiSchemaDir(from = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources', 'refi-qda');
    if (fs.existsSync(path.join(candidate, SCHEMA_FILES.project))) return candidate;
    dir = path.dirname(dir);
  }
  return path.join(from, '..', '..', '..', '..', 'resources', 'refi-qda');
}

const requireHere = createRequire(__filename);

/** xmllint-wasm's worker script; in the packaged app it lies beside the archive (asarUnpack), as its .wasm is read from its folder. */
function xmllintWorkerFile(): string {
  const file = requireHere.resolve('xmllint-wasm/xmllint-node.js');
  const outside = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return outside !== file && fs.existsSync(outside) ? outside : file;
}

type XmllintAnswer = { exitCode: number; stdout: string; stderr: string };

/**
 * Runs xmllint (libxml2 compiled to WebAssembly, package xmllint-wasm) in a worker thread of this
 * Node process, never the renderer: instantiating WebAssembly there would need the CSP to allow
 * it, and a long validation would hold the window. The worker is xmllint-wasm's own script spoken
 * to with its message protocol (its validateXML cannot be stopped), so it can be terminated when
 * the time runs out. --stream keeps memory flat whatever the size; --nonet fetches nothing.
 */
function runXmllint(files: { fileName: string; contents: Uint8Array | string }[], args: string[], timeLimitMs: number): Promise<XmllintAnswer> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(xmllintWorkerFile(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stdout: true, stderr: true });
    } catch (error) {
      reject(new RefiImportError(`It could not be checked against the REFI-QDA schema (${(error as Error).message}).`));
      return;
    }
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new RefiImportError(`Checking it against the REFI-QDA schema took more than ${timeLimitMs >= 1000 ? `${Math.round(timeLimitMs / 1000)} s` : `${timeLimitMs} ms`}, so it was stopped.`))),
      timeLimitMs,
    );
    worker.on('message', (data: XmllintAnswer & { 'xmllint-wasm'?: boolean }) => {
      if (data?.['xmllint-wasm'] === true) finish(() => resolve(data));
    });
    worker.on('error', (error) => finish(() => reject(new RefiImportError(`It could not be checked against the REFI-QDA schema (${error.message}).`))));
    worker.on('exit', (code) => finish(() => reject(new RefiImportError(`It could not be checked against the REFI-QDA schema (the checker stopped, code ${code}).`))));
    worker.postMessage({ 'xmllint-wasm': true, inputFiles: files, args, initialMemory: WASM_MEMORY_PAGES.initial, maxMemory: WASM_MEMORY_PAGES.max });
  });
}

/** An xmllint line ("project.qde:12: Schemas validity error : Element '{urn:…}Code': …") in a user's words. */
function schemaError(line: string, fileName: string): SchemaError {
  const match = line.match(/^(.*?):(\d+): (.*)$/);
  const text = (match && match[1] === fileName ? match[3]! : line)
    .replace(/^(Schemas )?(validity|parser) error ?: /i, '')
    .replace(/\{urn:QDA-XML:(project|codebook):1\.0\}/g, '')
    .replace(/ by the pattern '[^']{40,}'/, ' by its pattern')
    .replace(/\( (.*?) \)/g, '($1)')
    .trim();
  return { line: match && match[1] === fileName ? Number(match[2]) : null, message: text.length > 240 ? `${text.slice(0, 239)}…` : text };
}

/**
 * Checks a project.qde or a .qdc against its REFI-QDA schema. Returns the schema errors (none
 * when it is valid); throws a RefiImportError when it cannot be checked (too large, too slow, the
 * checker failed). Call it on XML that parseRefiXml has already taken: the entity, size and depth
 * guards stand in front of it, so xmllint never sees a document type.
 */
export async function validateRefiXml(xml: string, kind: RefiSchemaKind, options: { schemaDir?: string; timeLimitMs?: number } = {}): Promise<SchemaError[]> {
  const bytes = Buffer.from(xml, 'utf8');
  if (bytes.length > MAX_SCHEMA_INPUT) throw new RefiImportError(`It is too large to check against the REFI-QDA schema (${Math.round(bytes.length / 1048576)} MB of XML; at most ${MAX_SCHEMA_INPUT / 1048576} MB).`);
  const schemaFile = path.join(options.schemaDir ?? defaultRefiSchemaDir(), SCHEMA_FILES[kind]);
  let schema: Buffer;
  try {
    schema = fs.readFileSync(schemaFile);
  } catch {
    throw new RefiImportError(`The REFI-QDA schema Carrel checks it with (${SCHEMA_FILES[kind]}) is missing from this installation.`);
  }
  const fileName = kind === 'project' ? 'project.qde' : 'codebook.qdc';
  const answer = await runXmllint(
    [
      { fileName, contents: bytes },
      { fileName: SCHEMA_FILES[kind], contents: schema },
    ],
    ['--schema', SCHEMA_FILES[kind], '--noout', '--nonet', '--stream', fileName],
    options.timeLimitMs ?? SCHEMA_TIME_LIMIT_MS,
  );
  if (answer.exitCode === 0) return [];
  const lines = answer.stderr.split('\n').filter((l) => l.trim() && !/ (validates|fails to validate)$/.test(l));
  // 3 and 4 are xmllint's "invalid" exits; anything else is the checker failing (out of memory…).
  if (answer.exitCode !== 3 && answer.exitCode !== 4) throw new RefiImportError(`It could not be checked against the REFI-QDA schema (${lines[0]?.slice(0, 200) ?? `exit ${answer.exitCode}`}).`);
  const errors = lines.filter((l) => l.startsWith(`${fileName}:`)).map((l) => schemaError(l, fileName));
  return errors.length ? errors : [{ line: null, message: lines[0]?.slice(0, 240) ?? 'it does not follow the schema' }];
}

/** The refusal of a file that does not follow its schema, naming its first errors. */
export function schemaRefusal(what: string, kind: RefiSchemaKind, errors: readonly SchemaError[]): RefiImportError {
  const shown = errors.slice(0, ERRORS_SHOWN).map((e) => `${e.line === null ? '' : `line ${e.line}: `}${e.message.replace(/\.$/, '')}`);
  const more = errors.length > ERRORS_SHOWN ? ` (and ${errors.length - ERRORS_SHOWN} more)` : '';
  return new RefiImportError(`${what} does not follow the REFI-QDA ${kind} schema (${SCHEMA_FILES[kind]}): ${shown.join('; ')}${more}.`);
}
