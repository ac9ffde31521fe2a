import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  buildCorpus,
  sourcesFingerprint,
  type BuildPhase,
  type BuildProgress,
  type BuildSummary,
  type SkippedFile,
} from '../corpus/build-corpus';
import { META } from '../corpus/corpus-format';
import { openCorpus } from '../corpus/corpus-store';
import { readMeta } from '../corpus/corpus-queries';
import { readManifest, verifyManifest } from '../corpus/corpus-manifest';
import { sha256Hex } from '../corpus/sha256';
import { SKIP_REASON_LABELS, type SkipReason } from '../../common/corpus/skip-reasons';
import { openDatabase } from '../sqlite/open-database';
import type { Output } from './output';

const BUILD_OPTIONS = {
  out: { type: 'string', short: 'o' },
  title: { type: 'string' },
  'max-file-mb': { type: 'string' },
  'file-timeout-s': { type: 'string' },
  'no-originals': { type: 'boolean' },
} as const;

const BUILD_USAGE = 'Usage: carrel corpus build <sources-folder> --out <file.sqlite> [--title "…"] [--max-file-mb 20] [--file-timeout-s 60] [--no-originals]';

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}


/** File names come from untrusted folders: control characters (terminal escapes) are shown, not sent. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printSummary(out: Output, summary: BuildSummary): void {
  const seconds = summary.durationMs / 1000;
  const rate = seconds > 0 ? summary.totalBytes / 1024 / 1024 / seconds : 0;
  out.log(`Built ${summary.outFile}: corpus "${printable(summary.title)}" (${summary.corpusId}).`);
  out.log(
    `  ${summary.documents} document(s) added, ${summary.skipped.length} file(s) skipped; ` +
      `${formatBytes(summary.totalBytes)} read in ${seconds.toFixed(2)} s (${rate.toFixed(1)} MB/s).`,
  );
  out.log(`  Corpus SHA-256 (manifest): ${summary.contentSha256}`);
  if (summary.originals.count > 0) out.log(`  Originals kept for "Show original": ${summary.originals.count} PDF(s), ${formatBytes(summary.originals.bytes)} (--no-originals leaves them out).`);
  const byReason = new Map<SkipReason, SkippedFile[]>();
  for (const skip of summary.skipped) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip]);
  for (const [reason, skips] of byReason) {
    out.log(`Skipped, ${SKIP_REASON_LABELS[reason]} (${skips.length}):`);
    for (const skip of skips) out.log(`  ${printable(skip.path)}: ${printable(skip.message)}`);
  }
}

const PHASE_LABELS: Record<BuildPhase, string> = { reading: 'reading', indexing: 'indexing…', finishing: 'writing the file…' };

export function progressPrinter(out: Output, now: () => number = () => performance.now()) {
  let last = -Infinity;
  let lastPhase: BuildPhase | undefined;
  const started = now();
  return ({ phase, done, total, bytes, totalBytes, documents, indexed }: BuildProgress) => {
    const time = now();
    if (phase === lastPhase && done !== total && time - last < 250) return;
    last = time;
    lastPhase = phase;
    const seconds = (time - started) / 1000;
    const rate = seconds > 0 ? bytes / 1024 / 1024 / seconds : 0;
    const eta = bytes > 0 && bytes < totalBytes ? ((totalBytes - bytes) * seconds) / bytes : 0;
    const status =
      phase === 'reading'
        ? `reading ETA ${eta.toFixed(0)} s, then indexing`
        : phase === 'indexing' && indexed > 0
          ? `indexing ${indexed}/${documents} documents…`
          : PHASE_LABELS[phase];
    out.progress(`  ${done}/${total} files, ${formatBytes(bytes)}, ${rate.toFixed(1)} MB/s, ${status}`);
  };
}

function parseMaxFileMb(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`--max-file-mb must be a positive number of megabytes, not "${value}"`);
  return Math.round(mb * 1024 * 1024);
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`--file-timeout-s must be a positive number of seconds, not "${value}"`);
  return Math.round(seconds * 1000);
}

/**
 * `carrel corpus build <sources> --out <file> [--title "…"] [--max-file-mb N] [--file-timeout-s N] [--no-originals]`
 * (--no-originals: no copy of the source PDFs, a smaller corpus without "Show original").
 */
export function corpusBuild(args: string[], out: Output): number {
  const { values, positionals } = parseArgs({ args, options: BUILD_OPTIONS, allowPositionals: true });
  const sourcesDir = positionals[0];
  if (!sourcesDir || !values.out) {
    out.error(BUILD_USAGE);
    return 2;
  }
  const summary = buildCorpus({
    sourcesDir,
    outFile: values.out,
    title: values.title,
    maxFileBytes: parseMaxFileMb(values['max-file-mb']),
    extractTimeoutMs: parseTimeout(values['file-timeout-s']),
    originals: values['no-originals'] !== true,
    onProgress: progressPrinter(out),
  });
  out.progress('');
  printSummary(out, summary);
  return 0;
}

/** Whether the corpus file exists, opens, and was built from exactly these sources by this builder. */
export function isCorpusCurrent(sourcesDir: string, outFile: string, title?: string, originals = true): boolean {
  if (!fs.existsSync(outFile)) return false;
  try {
    openCorpus(outFile).close();
    const db = openDatabase(outFile, { readonly: true, fileMustExist: true });
    try {
      return readMeta(db).get(META.sourcesSha256) === sourcesFingerprint(sourcesDir, title, originals);
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** `carrel corpus ensure <sources> --out <file>`: builds only when the file is missing or stale. */
export function corpusEnsure(args: string[], out: Output): number {
  const { values, positionals } = parseArgs({ args, options: BUILD_OPTIONS, allowPositionals: true });
  const sourcesDir = positionals[0];
  if (!sourcesDir || !values.out) {
    out.error('Usage: carrel corpus ensure <sources-folder> --out <file.sqlite>');
    return 2;
  }
  if (isCorpusCurrent(sourcesDir, values.out, values.title, values['no-originals'] !== true)) {
    out.log(`Corpus ${values.out} is up to date.`);
    return 0;
  }
  out.log(`Corpus ${values.out} is missing or stale: building it.`);
  return corpusBuild(args, out);
}

/**
 * `carrel corpus verify <file>`: recomputes every document's SHA-256 and the corpus hash and
 * compares them with the manifest written at build time; exit 0 when intact, 1 otherwise.
 * Also prints the file's own SHA-256, for comparing with a copy recorded elsewhere.
 */
export function corpusVerify(args: string[], out: Output): number {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  const file = positionals[0];
  if (!file) {
    out.error('Usage: carrel corpus verify <file.sqlite>');
    return 2;
  }
  openCorpus(file).close();
  const db = openDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const manifest = readManifest(db);
    const check = verifyManifest(db);
    out.log(`Corpus "${printable(manifest.title)}" (${manifest.corpusId}), built ${manifest.createdAt} by builder ${manifest.builderVersion}.`);
    out.log(`  File SHA-256: ${sha256Hex(fs.readFileSync(file))}`);
    out.log(`  Corpus SHA-256 in manifest: ${check.contentSha256.expected}`);
    if (check.ok) {
      out.log(`  Intact: all ${check.documentCount.actual} documents match the manifest.`);
      return 0;
    }
    out.log(`  NOT INTACT: the corpus no longer matches its manifest.`);
    if (check.documentCount.actual !== check.documentCount.expected) {
      out.log(`  ${check.documentCount.actual} documents instead of ${check.documentCount.expected}.`);
    }
    if (check.contentSha256.actual !== check.contentSha256.expected) out.log(`  Corpus SHA-256 now: ${check.contentSha256.actual}`);
    for (const doc of check.mismatched) out.log(`  Changed text: ${printable(doc.id)}`);
    return 1;
  } finally {
    db.close();
  }
}
