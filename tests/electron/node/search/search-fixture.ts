import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { openCorpus, type CorpusStore } from '../../../../electron/node/corpus/corpus-store';
import { createSearchService, type SearchService } from '../../../../electron/node/services/search-service';
import { FIXTURES } from '../../../harness/paths';

export const SEARCH_FIXTURES = path.join(FIXTURES, 'search');

/** Builds a corpus from a folder of sources into a temporary file and opens search on it. */
export function openSearchOn(sourcesDir: string): { store: CorpusStore; search: SearchService; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-search-'));
  const file = path.join(dir, 'corpus.sqlite');
  buildCorpus({ sourcesDir, outFile: file });
  const store = openCorpus(file);
  return {
    store,
    search: createSearchService(() => store),
    dispose() {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes sources (name → body with optional front matter) to a temporary folder. */
export function writeSources(files: Record<string, string>): { dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-sources-'));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
