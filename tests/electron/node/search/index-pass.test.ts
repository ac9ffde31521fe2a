import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type BuildOptions } from '../../../../electron/node/corpus/build-corpus';
import { SOURCE_WORKERS } from '../../../../electron/node/query-worker/worker-entry';
import { startIndexPass } from '../../../../electron/node/search/index-pass';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { runSteps } from '../../../../electron/node/steps/run-steps';

const BUNDLED = path.resolve(__dirname, '../../../../resources/corpus/sources');
const SEEDS = path.resolve(__dirname, '../../../../../shared/seeds');

/** A corpus file's bytes but for its creation time (meta created_at), which differs by design. */
const bytesOf = (file: string) => {
  const db = openDatabase(file);
  db.prepare("UPDATE meta SET value = '' WHERE key = 'created_at'").run();
  db.close();
  return fs.readFileSync(file);
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-index-pass-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const build = (sourcesDir: string, name: string, options: Partial<BuildOptions>) => {
  const outFile = path.join(dir, `${name}.sqlite`);
  buildCorpus({ sourcesDir, outFile, entityWorker: false, ...options });
  return outFile;
};
const parallel = (threads: number) => ({ indexWorker: SOURCE_WORKERS.index, indexThreads: threads, indexWorkerMinChars: 0 });

describe('the search index built in worker threads', () => {
  it('gives the same corpus file, byte for byte, as the build’s own thread', () => {
    for (const sources of [BUNDLED, SEEDS].filter((s) => fs.existsSync(s))) {
      const name = path.basename(sources);
      const serial = bytesOf(build(sources, `${name}-serial`, { indexWorker: false }));
      for (const threads of [1, 2, 3]) {
        const file = build(sources, `${name}-${threads}`, parallel(threads));
        const db = openDatabase(file, { readonly: true });
        expect(db.prepare('SELECT count(*) FROM search_terms').pluck().get()).toBeGreaterThan(100);
        db.close();
        expect(bytesOf(file).equals(serial)).toBe(true);
      }
    }
  }, 120_000);

  it('indexes a corpus of many batches the same, and says how far the workers are', () => {
    const sources = path.join(dir, 'many');
    const words = ['caliphate', 'media', 'Mosul', 'propaganda', 'online', 'al-Hayat', 'running', 'runs', 'الدولة'];
    for (let d = 0; d < 2600; d++) {
      const folder = path.join(sources, String(Math.floor(d / 500)));
      fs.mkdirSync(folder, { recursive: true });
      const text = Array.from({ length: 8 + (d % 13) }, (_, k) => (k % 4 === 0 ? `w${(d * 7 + k) % 997}` : words[(d + k) % words.length])).join(' ');
      fs.writeFileSync(path.join(folder, `${String(d).padStart(5, '0')}.txt`), `Entry ${d}\n\n${text}.\n`);
    }
    const serial = bytesOf(build(sources, 'many-serial', { indexWorker: false }));
    const indexed: number[] = [];
    const file = build(sources, 'many-2', { ...parallel(2), onProgress: (p) => p.phase === 'indexing' && p.indexed > 0 && indexed.push(p.indexed) });
    expect(bytesOf(file).equals(serial)).toBe(true);
    expect(indexed.length).toBeGreaterThan(0);
    expect(indexed.every((n, k) => n <= 2600 && (k === 0 || n > indexed[k - 1]!))).toBe(true);
  }, 120_000);

  it('gives no chunks, for the build to index in its own thread, when a worker fails', () => {
    const documents = Array.from({ length: 600 }, (_, d) => ({ title: `T${d}`, text: `word ${d}`, author: '', source: '' }));
    const read = (from: number, to: number) => documents.slice(from, to);
    const good = startIndexPass(documents.length, read, SOURCE_WORKERS.index, 2);
    const chunks = runSteps(good.finish());
    expect(chunks?.map((c) => [c.from, c.count])).toEqual([[0, 300], [300, 300]]);
    const broken = startIndexPass(documents.length, read, { file: path.join(dir, 'no-such-worker.js') }, 2, 500);
    expect(runSteps(broken.finish())).toBeUndefined();
  }, 60_000);
});
