/**
 * The corpus the library-list bench opens: every GCIDE entry as one document (~126k), built
 * once by the real builder and cached in bench/data/corpora (delete the file to rebuild).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { DATA_DIR, ensurePackages, readGcide, writeEntriesAsFiles } from './debian-texts';

export function ensureLibraryCorpus(log: (line: string) => void): string {
  const outFile = path.join(DATA_DIR, 'corpora', 'gcide-library.sqlite');
  if (fs.existsSync(outFile)) return outFile;
  const entries = readGcide(ensurePackages(log));
  const sources = path.join(DATA_DIR, 'sources', 'gcide-library');
  writeEntriesAsFiles(entries, sources, log);
  log('Building the corpus …');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  buildCorpus({ sourcesDir: sources, outFile, title: 'GCIDE (library bench)' });
  fs.rmSync(sources, { recursive: true, force: true });
  return outFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  console.log(ensureLibraryCorpus((line) => process.stderr.write(`${line}\n`)));
}
