import { describe, expect, it } from 'vitest';
import { CORPUS_SCHEMA } from '../../../../electron/node/corpus/corpus-format';
import { indexChunk, writeMergedIndexSteps, writeSearchIndex, type IndexableDocument } from '../../../../electron/node/search/build-search-index';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { runSteps } from '../../../../electron/node/steps/run-steps';

/** Documents whose words recur across them (shared, new and rare terms, long words, apostrophes, Arabic, surrogates). */
function documents(count: number): IndexableDocument[] {
  let seed = 11;
  const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
  const vocabulary = ['the', 'Caliphate', 'media', 'running', 'runs', "don't", 'al-Hayat', 'الدولة', 'Ümlaut', '𝒜lpha', 'x'.repeat(80), 'propaganda', 'online', 'Mosul'];
  return Array.from({ length: count }, (_, d) => {
    const words = Array.from({ length: 5 + random(60) }, () => (random(4) === 0 ? `w${random(d + 10)}` : vocabulary[random(vocabulary.length)]!));
    return { title: `Title ${d} ${words[0]}`, text: words.join(random(2) ? ' ' : '. '), author: d % 3 ? `Author ${random(5)}` : '', source: d % 2 ? 'Source' : '' };
  });
}

/** The search tables' rows in the order written, and the database's bytes (pages depend on that order too). */
function searchTables(write: (db: ReturnType<typeof openDatabase>) => void): { terms: unknown[]; words: unknown[]; bytes: Buffer } {
  const db = openDatabase(':memory:');
  db.exec(CORPUS_SCHEMA);
  db.exec('CREATE TEMP TRIGGER word_order AFTER INSERT ON search_words BEGIN INSERT INTO word_log VALUES (new.word); END');
  db.exec('CREATE TEMP TABLE word_log (word TEXT)');
  write(db);
  const tables = {
    terms: db.prepare('SELECT rowid, term, postings FROM search_terms ORDER BY rowid').all(),
    words: db.prepare('SELECT l.rowid, l.word, w.term FROM word_log l JOIN search_words w ON w.word = l.word ORDER BY l.rowid').all(),
    bytes: db.serialize(),
  };
  db.close();
  return tables;
}

const chunked = (docs: IndexableDocument[], bounds: number[]) => bounds.slice(0, -1).map((from, k) => indexChunk(from, docs.slice(from, bounds[k + 1])));

describe('the search index merged from chunks', () => {
  const docs = documents(300);
  const single = searchTables((db) => writeSearchIndex(db, docs));

  it('has the rows, in the order and with the bytes, of the index built in one pass', () => {
    expect(single.terms.length).toBeGreaterThan(100);
    expect(single.words.length).toBeGreaterThan(single.terms.length);
    for (const bounds of [[0, 300], [0, 150, 300], [0, 1, 2, 77, 200, 299, 300], [0, 0, 300]]) {
      const merged = searchTables((db) => runSteps(writeMergedIndexSteps(db, chunked(docs, bounds))));
      expect(merged.terms).toEqual(single.terms);
      expect(merged.words).toEqual(single.words);
      expect(merged.bytes.equals(single.bytes)).toBe(true);
    }
  });

  it('differs when its chunks are taken out of order', () => {
    const chunks = chunked(docs, [0, 100, 200, 300]);
    expect(() => searchTables((db) => runSteps(writeMergedIndexSteps(db, [chunks[1]!, chunks[0]!, chunks[2]!])))).toThrow(/order/);
  });
});
