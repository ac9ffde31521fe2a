import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { BATCH_DOCUMENTS, startEntityPass, type EntityBatch, type EntitySource } from '../../../../electron/node/entities/entity-pass';
import type { WorkerEntry } from '../../../../electron/node/query-worker/worker-entry';
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
function documents(count: number): EntitySource {
  const lines = [
    'Abu Bakr al-Baghdadi spoke in Mosul on June 12, 2016.',
    'Amaq and the al-Hayat Media Center spoke for ISIS, said Charlie Winter of the International Center for the Study of Radicalization.',
    'Fighters crossed at Bab al-Hawa near Raqqa in 2014; Daesh left Manbij.',
    'Nothing to see here, said nobody.',
  ];
  const texts = Array.from({ length: count }, (_, k) => `${lines[k % lines.length]} (${k})`);
  const read = (from: number, to: number): EntityBatch => {
    const paragraphs = new Int32Array((to - from) * 4);
    for (let d = from; d < to; d++) paragraphs.set([d, 0, 0, texts[d]!.length], (d - from) * 4);
    return { from, texts: texts.slice(from, to), paragraphs };
  };
  return { stored: () => count, read, refolded: () => [] };
}

/** A pass given every document at once, as a build gives them once read and refolded. */
function completed(source: EntitySource, entry: WorkerEntry | undefined, stallMs?: number) {
  const pass = startEntityPass(source, entry, stallMs);
  pass.complete();
  return pass;
}

/**
 * Documents of three paragraphs (a byline, a sentence, a footer), stored a few at a time; once
 * refolded, some lose their footer (folded) and have their sentence split in two (a line folded
 * out of it), as the site-wide folds of a build change documents already stored.
 */
function refoldedDocuments(count: number, refold: ReadonlySet<number>) {
  const texts = Array.from({ length: count }, (_, k) => `By Charlie Winter in Mosul\n\nAmaq said Daesh left Manbij on June 12, 2016; Raqqa fell (${k}).\n\nReporting by Aaron Zelin in Washington`);
  let stored = 0;
  let refolded = false;
  const paragraphsOf = (d: number): number[][] => {
    const t = texts[d]!;
    const second = t.indexOf('Amaq');
    const third = t.indexOf('Reporting');
    if (!refolded || !refold.has(d)) return [[0, t.indexOf('\n')], [second, third - 2], [third, t.length]];
    const semicolon = t.indexOf(';');
    return [[0, t.indexOf('\n')], [second, semicolon], [semicolon + 2, third - 2]];
  };
  const read = (from: number, to: number): EntityBatch => {
    const rows: number[] = [];
    for (let d = from; d < to; d++) paragraphsOf(d).forEach(([start, end], idx) => rows.push(d, idx, start!, end!));
    return { from, texts: texts.slice(from, to), paragraphs: Int32Array.from(rows) };
  };
  return {
    source: { stored: () => stored, read, refolded: () => (refolded ? refold : []) } satisfies EntitySource,
    store: (n: number) => (stored = n),
    refold: () => (refolded = true),
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

  it('builds the same corpus when the worker starts while documents are read and the site-wide folds change documents it read', () => {
    // Every document of the site ends with the same byline, folded once every document is in:
    // the worker had read it, with its names, in the documents it was given before.
    const sources = path.join(dir, 'site');
    for (let i = 0; i < BATCH_DOCUMENTS * 2 + 40; i++) {
      const name = path.join(sources, 'example', `d${String(i).padStart(3, '0')}.md`);
      fs.mkdirSync(path.dirname(name), { recursive: true });
      const body = `Abu Bakr al-Baghdadi spoke in Mosul on June ${1 + (i % 28)}, 2016, said Charlie Winter of the International Center (${i}).`;
      fs.writeFileSync(name, `---\ntitle: "Dispatch ${i}"\nsource: "Example News"\n---\n${body}\n\nAmaq left Raqqa for Manbij.\n\nReporting by Aaron Zelin in Washington\n`);
    }
    const serial = path.join(dir, 'site-serial.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: serial, entityWorker: false });
    const db = openDatabase(serial, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM paragraphs WHERE fold = 'repeated'").pluck().get()).toBe(BATCH_DOCUMENTS * 2 + 40);
    expect(db.prepare("SELECT count(*) FROM entities WHERE name IN ('Aaron Zelin', 'Washington')").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM entities WHERE name = 'Charlie Winter'").pluck().get()).toBe(1);
    db.close();
    // From the first document on (every one kept for the worker), and from the hundredth (the first ones read back).
    for (const minChars of [0, 100 * 150]) {
      const parallel = path.join(dir, `site-${minChars}.sqlite`);
      buildCorpus({ sourcesDir: sources, outFile: parallel, entityWorker: SOURCE_WORKERS.entities, entityWorkerMinChars: minChars });
      expect(entityTables(parallel)).toEqual(entityTables(serial));
      expect(bytesOf(parallel).equals(bytesOf(serial))).toBe(true);
    }
  }, 60_000);

  it('gives the worker a document of very many paragraphs from memory', () => {
    const sources = path.join(dir, 'long');
    fs.mkdirSync(sources, { recursive: true });
    // The worker starts once the first is stored; the first batch is read back, the second (the
    // long one's) given from memory.
    for (let i = 0; i <= BATCH_DOCUMENTS; i++) fs.writeFileSync(path.join(sources, `a${String(i).padStart(3, '0')}.txt`), `A short one (${i}).\n\nOn Raqqa.`);
    fs.writeFileSync(path.join(sources, 'b.txt'), Array.from({ length: 150_000 }, (_, k) => (k % 1000 === 0 ? `Charlie Winter in Mosul ${k}` : 'x')).join('\n\n'));
    const file = path.join(dir, 'long.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: file, entityWorker: SOURCE_WORKERS.entities, entityWorkerMinChars: 0 });
    const db = openDatabase(file, { readonly: true });
    // The first line is the title, folded.
    expect(db.prepare("SELECT mentions FROM entities WHERE name = 'Charlie Winter'").pluck().get()).toBe(149);
    db.close();
  }, 60_000);

  it('gives the worker many batches, a few at a time, and gets the index found here', () => {
    const count = BATCH_DOCUMENTS * 5 + 7;
    const read = documents(count);
    const here = runSteps(completed(read, undefined).finish());
    const pass = completed(read, SOURCE_WORKERS.entities);
    pass.pump();
    const there = runSteps(pass.finish());
    expect(pass.foundIn).toBe('worker');
    expect(here.entities.length).toBeGreaterThan(5);
    expect(there).toEqual(here);
  }, 60_000);

  it('gives the worker documents while they are stored, and again those refolded since: the index of the refolded documents', () => {
    const count = BATCH_DOCUMENTS * 3 + 5;
    // Refolded: some of the first batch, a run across two batches, and some not given before the end.
    const refold = new Set([0, 3, 255, 256, 257, 400, count - 2]);
    const docs = refoldedDocuments(count, refold);
    const pass = startEntityPass(docs.source, SOURCE_WORKERS.entities);
    for (let n = 1; n <= count - 10; n++) {
      docs.store(n);
      pass.pump();
    }
    docs.store(count);
    docs.refold();
    pass.complete();
    const there = runSteps(pass.finish());
    expect(pass.foundIn).toBe('worker');
    const here = runSteps(completed(docs.source, undefined).finish());
    expect(there).toEqual(here);
    // The refolds changed the index: without them it would not be the same.
    const unfolded = refoldedDocuments(count, new Set());
    unfolded.store(count);
    expect(runSteps(completed(unfolded.source, undefined).finish())).not.toEqual(here);
    const zelin = here.entities.find((e) => e.name === 'Aaron Zelin')!;
    expect(zelin.mentionCount).toBe(count - refold.size);
  }, 60_000);

  it('ends the worker of a corpus without documents at once: an empty index', () => {
    const pass = completed(documents(0), SOURCE_WORKERS.entities);
    pass.pump();
    expect(runSteps(pass.finish())).toEqual({ entities: [], mentions: new Int32Array(0) });
    expect(pass.foundIn).toBe('thread');
  });

  it('finds the entities here when the worker does not answer', () => {
    const read = documents(40);
    const here = runSteps(completed(read, undefined).finish());
    const broken = { file: path.join(dir, 'no-such-worker.ts'), typescript: true };
    const pass = completed(read, broken, 200);
    expect(runSteps(pass.finish())).toEqual(here);
    expect(pass.foundIn).toBe('thread');
  });
});
