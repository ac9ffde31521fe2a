import { describe, expect, it } from 'vitest';
import { closest, type PlaceRow } from '../../../../electron/node/corpus/repeated-passages-queries';

const place = (doc_ord: number, idx: number): PlaceRow => ({ grp: 1, doc_ord, idx, words: 10, similarity: 1, id: `d${doc_ord}`, title: '', start: 0, end: 0, page: '' });

describe('the closest places of a group', () => {
  it('are the first k of the whole group sorted by likeness, ties in corpus order', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 50; round++) {
      const members = Array.from({ length: 1 + Math.floor(random() * 400) }, (_, i) => place(Math.floor(random() * 5), i));
      // Few distinct values: many ties, broken by document then paragraph.
      const likeness = new Map(members.map((m) => [m, Math.round(random() * 8) / 8]));
      const sorted = members
        .map((m) => ({ m, similarity: likeness.get(m)! }))
        .sort((a, b) => b.similarity - a.similarity || a.m.doc_ord - b.m.doc_ord || a.m.idx - b.m.idx);
      for (const k of [1, 13, 500]) expect(closest(members, (m) => likeness.get(m)!, k)).toEqual(sorted.slice(0, k));
    }
  });
});
