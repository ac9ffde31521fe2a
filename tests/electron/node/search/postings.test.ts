import { describe, expect, it } from 'vitest';
import { decodePostings, docKey, keyField, keyOrd, PostingsWriter } from '../../../../electron/node/search/postings';

describe('postings', () => {
  it('round-trips keys, weights and occurrences, large offsets included', () => {
    const writer = new PostingsWriter();
    const occurrences = [
      [docKey(0, 1), { index: 0, start: 0, length: 5 }],
      [docKey(0, 1), { index: 7, start: 40, length: 6 }],
      [docKey(3, 0), { index: 2, start: 9, length: 3 }],
      [docKey(70_000, 1), { index: 300_000, start: 2_500_000, length: 64 }],
      [docKey(70_000, 1), { index: 300_001, start: 2_500_070, length: 1 }],
    ] as const;
    for (const [key, occurrence] of occurrences) writer.add(key, occurrence);
    const blob = writer.encode([0.5, 1.25, 3]);
    const postings = decodePostings(blob);
    expect(postings.count).toBe(3);
    expect([...postings.keys].map((k) => [keyOrd(k), keyField(k)])).toEqual([
      [0, 1],
      [3, 0],
      [70_000, 1],
    ]);
    expect([...postings.weights]).toEqual([0.5, 1.25, 3]);
    expect(postings.occurrences(0)).toEqual([occurrences[0][1], occurrences[1][1]]);
    expect(postings.occurrences(2)).toEqual([occurrences[3][1], occurrences[4][1]]);
    expect(postings.positions(2)).toEqual([300_000, 300_001]);
    // Counted without decoding, multi-byte varints included.
    expect([0, 1, 2].map((entry) => postings.occurrenceCount(entry))).toEqual([2, 1, 2]);
    expect(postings.find(docKey(3, 0))).toBe(1);
    expect(postings.find(docKey(3, 1))).toBe(-1);
  });

  it('reads a blob that SQLite hands back at an unaligned offset', () => {
    const writer = new PostingsWriter();
    writer.add(docKey(5, 1), { index: 1, start: 4, length: 2 });
    const blob = writer.encode([2]);
    const unaligned = new Uint8Array(blob.length + 1).subarray(1);
    unaligned.set(blob);
    const postings = decodePostings(unaligned);
    expect(keyOrd(postings.keys[0]!)).toBe(5);
    expect(postings.occurrences(0)).toEqual([{ index: 1, start: 4, length: 2 }]);
  });
});
