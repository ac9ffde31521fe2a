import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { BATCH_DOCUMENTS, startEntityPass, type EntityBatch } from '../../../../electron/node/entities/entity-pass';
import { SOURCE_WORKERS } from '../../../../electron/node/query-worker/worker-entry';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { runSteps } from '../../../../electron/node/steps/run-steps';

const SOURCES = path.resolve(__dirname, '../../../../resources/corpus/sources');

/** A corpus file's bytes but for its creation time (meta created_at), which differs by design. */
const bytesOf = (file: string) => {
  const db = openDatabase(file);
  db.prepare("UPDATE meta SET value = '' WHERE key = 'created_at'").run();
  db.close();
  return fs.readFileSync(file);
};
const entityTables = (file: string) => {
  const db = openDatabase(file, { readonly: true });
  const rows = ['entities', 'entity_variants', 'entity_mentions'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all());
  db.close();
  return rows;
};

/** Paragraphs as documents of one paragraph each, read as the corpus writer reads them. */
function documents(count: number): (from: number, to: number) => EntityBatch {
  const lines = [
    'Abu Bakr al-Baghdadi spoke in Mosul on June 12, 2016.',
    'Amaq and the al-Hayat Media Center spoke for ISIS, said Charlie Winter of the International Center for the Study of Radicalization.',
    'Fighters crossed at Bab al-Hawa near Raqqa in 2014; Daesh left Manbij.',
    'Nothing to see here, said nobody.',
  ];
  const texts = Array.from({ length: count }, (_, k) => `${lines[k % lines.length]} (${k})`);
  return (from, to) => {
    const paragraphs = new Int32Array((to - from) * 4);
    for (let d = from; d < to; d++) paragraphs.set([d, 0, 0, texts[d]!.length], (d - from) * 4);
    return { from, texts: texts.slice(from, to), paragraphs };
  };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-entity-pass-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the entity pass', () => {
  it('builds the same corpus, byte for byte, with the entities found in a worker or in the build’s thread', () => {
    const serial = path.join(dir, 'serial.sqlite');
    const parallel = path.join(dir, 'parallel.sqlite');
    const again = path.join(dir, 'again.sqlite');
    buildCorpus({ sourcesDir: SOURCES, outFile: serial, entityWorker: false });
    buildCorpus({ sourcesDir: SOURCES, outFile: parallel, entityWorker: SOURCE_WORKERS.entities, entityWorkerMinChars: 0 });
    buildCorpus({ sourcesDir: SOURCES, outFile: again, entityWorker: SOURCE_WORKERS.entities, entityWorkerMinChars: 0 });
    const [entities, variants, mentions] = entityTables(parallel);
    expect(entities!.length).toBeGreaterThan(50);
    expect(mentions!.length).toBeGreaterThan(variants!.length);
    expect(entityTables(parallel)).toEqual(entityTables(serial));
    expect(bytesOf(parallel).equals(bytesOf(serial))).toBe(true);
    expect(bytesOf(again).equals(bytesOf(parallel))).toBe(true);
  }, 60_000);

  it('gives the worker many batches, a few at a time, and gets the index found here', () => {
    const count = BATCH_DOCUMENTS * 5 + 7;
    const read = documents(count);
    const here = runSteps(startEntityPass(count, read, undefined).finish());
    const pass = startEntityPass(count, read, SOURCE_WORKERS.entities);
    pass.pump();
    const there = runSteps(pass.finish());
    expect(pass.foundIn).toBe('worker');
    expect(here.length).toBeGreaterThan(5);
    expect(there).toEqual(here);
  }, 60_000);

  it('finds the entities here when the worker does not answer', () => {
    const read = documents(40);
    const here = runSteps(startEntityPass(40, read, undefined).finish());
    const broken = { file: path.join(dir, 'no-such-worker.ts'), typescript: true };
    const pass = startEntityPass(40, read, broken, 200);
    expect(runSteps(pass.finish())).toEqual(here);
    expect(pass.foundIn).toBe('thread');
  });
});
