import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../../electron/node/sqlite/open-database';
import { MIGRATIONS } from '../../../../../electron/node/user-store/migrations';
import { documentsAddedSummary, recordBuild } from '../../../../../electron/node/user-store/queries/document-added-queries';
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
});
