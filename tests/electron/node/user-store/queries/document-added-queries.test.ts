import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { MIGRATIONS } from '../../../../../electron/node/user-store/migrations';
import { buildSeen, documentsAddedOf, documentsAddedSummary, markBuildSeen, recordBuild, recordDocumentsAdded } from '../../../../../electron/node/user-store/queries/document-added-queries';
import { addedDates } from '../../../../../electron/node/corpus/library-view-queries';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.transaction(() => MIGRATIONS.forEach((m) => m.up(db)))();
});
afterEach(() => db.close());

const JAN = '2026-01-01T00:00:00.000Z';
const MAR = '2026-03-01T00:00:00.000Z';

describe('documents added, summarised in SQL', () => {
  it('gives the commonest time, the newest, and only the documents added at another time', () => {
    const first = Array.from({ length: 500 }, (_, i) => `doc-${i}`);
    expect(recordBuild(db, 'c', 'sha-1', first, JAN, JAN)).toBe(500);
    // A rebuild: the 500 keep January; two new documents and a repeated id come in March.
    expect(recordBuild(db, 'c', 'sha-2', [...first.slice(0, 10), 'new-a', 'new-b', 'new-a'], MAR, MAR)).toBe(2);
    recordBuild(db, 'other', 'sha-1', ['doc-0'], MAR, MAR);
    const summary = documentsAddedSummary(db, 'c');
    expect(summary.base).toBe(JAN);
    expect(summary.latest).toBe(MAR);
    expect([...summary.others].sort()).toEqual([
      ['new-a', MAR],
      ['new-b', MAR],
    ]);
  });

  it('agrees with the summary of the whole map, ties going to the earlier time', () => {
    recordBuild(db, 'c', 'sha-1', ['a', 'b'], MAR, MAR);
    recordBuild(db, 'c', 'sha-2', ['c', 'd'], JAN, JAN);
    const summary = documentsAddedSummary(db, 'c');
    const whole = addedDates(new Map([['a', MAR], ['b', MAR], ['c', JAN], ['d', JAN]]));
    expect(summary.base).toBe(JAN);
    expect(whole.base).toBe(JAN);
    expect([...summary.others].sort()).toEqual([...whole.othersById].sort());
    expect(summary.latest).toBe(whole.latest);
  });

  it('is empty for a corpus never seen', () => {
    expect(documentsAddedSummary(db, 'none')).toEqual({ base: '', latest: '', others: new Map() });
  });

  it('reads the dates of the documents asked for only, by key, the unrecorded ones absent', () => {
    recordBuild(db, 'c', 'sha-1', ['a', 'b', 'c'], JAN, JAN);
    recordBuild(db, 'c', 'sha-2', ['d'], MAR, MAR);
    recordBuild(db, 'other', 'sha-1', ['e'], MAR, MAR);
    expect([...documentsAddedOf(db, 'c', ['d', 'b', 'e', 'gone'])].sort()).toEqual([
      ['b', JAN],
      ['d', MAR],
    ]);
    expect(documentsAddedOf(db, 'c', [])).toEqual(new Map());
  });
});

describe('a build recorded in parts', () => {
  it('keeps the time of the part that recorded an id first, and is seen only once marked', () => {
    expect(recordDocumentsAdded(db, 'c', ['a', 'b'], JAN)).toBe(2);
    expect(buildSeen(db, 'c', 'sha-1')).toBe(false);
    expect(recordDocumentsAdded(db, 'c', ['b', 'c'], MAR)).toBe(1);
    markBuildSeen(db, 'c', 'sha-1', MAR);
    markBuildSeen(db, 'c', 'sha-1', MAR);
    expect(buildSeen(db, 'c', 'sha-1')).toBe(true);
    expect([...documentsAddedOf(db, 'c', ['a', 'b', 'c'])].sort()).toEqual([
      ['a', JAN],
      ['b', JAN],
      ['c', MAR],
    ]);
  });
});
