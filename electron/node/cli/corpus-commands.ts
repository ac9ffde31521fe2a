import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { buildCorpus, sourcesFingerprint, type BuildSummary } from '../corpus/build-corpus';
import { META } from '../corpus/corpus-format';
import { openCorpus } from '../corpus/corpus-store';
import { readMeta } from '../corpus/corpus-queries';
import { openDatabase } from '../sqlite/open-database';
import type { Output } from './output';

const BUILD_OPTIONS = {
  out: { type: 'string', short: 'o' },
  title: { type: 'string' },
} as const;

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function printSummary(out: Output, summary: BuildSummary): void {
  out.log(
    `Built ${summary.outFile}: ${summary.documents} documents, corpus "${summary.title}" (${summary.corpusId}), ` +
      `${formatBytes(summary.totalBytes)} read in ${(summary.durationMs / 1000).toFixed(2)} s.`,
  );
  if (summary.skipped.length > 0) {
    out.log(`Skipped ${summary.skipped.length} file(s):`);
    for (const skip of summary.skipped) out.log(`  ${skip.path}: ${skip.message}`);
  }
}

function progressPrinter(out: Output) {
  let last = 0;
  const started = performance.now();
  return (done: number, total: number, bytes: number) => {
    const now = performance.now();
    if (done !== total && now - last < 250) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? bytes / 1024 / 1024 / seconds : 0;
    const eta = done > 0 && done < total ? ((total - done) * seconds) / done : 0;
    out.progress(`  ${done}/${total} files, ${rate.toFixed(1)} MB/s, ETA ${eta.toFixed(0)} s`);
  };
}

/** `carrel corpus build <sources> --out <file> [--title "…"]` */
export function corpusBuild(args: string[], out: Output): number {
  const { values, positionals } = parseArgs({ args, options: BUILD_OPTIONS, allowPositionals: true });
  const sourcesDir = positionals[0];
  if (!sourcesDir || !values.out) {
    out.error('Usage: carrel corpus build <sources-folder> --out <file.sqlite> [--title "…"]');
    return 2;
  }
  const summary = buildCorpus({ sourcesDir, outFile: values.out, title: values.title, onProgress: progressPrinter(out) });
  printSummary(out, summary);
  return 0;
}

/** Whether the corpus file exists, opens, and was built from exactly these sources by this builder. */
export function isCorpusCurrent(sourcesDir: string, outFile: string, title?: string): boolean {
  if (!fs.existsSync(outFile)) return false;
  try {
    openCorpus(outFile).close();
    const db = openDatabase(outFile, { readonly: true, fileMustExist: true });
    try {
      return readMeta(db).get(META.sourcesSha256) === sourcesFingerprint(sourcesDir, title);
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
  if (isCorpusCurrent(sourcesDir, values.out, values.title)) {
    out.log(`Corpus ${values.out} is up to date.`);
    return 0;
  }
  out.log(`Corpus ${values.out} is missing or stale: building it.`);
  return corpusBuild(args, out);
}
