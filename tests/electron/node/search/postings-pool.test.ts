import { describe, expect, it } from 'vitest';
import { PostingsWriter } from '../../../../electron/node/search/postings';
import { PostingsPool } from '../../../../electron/node/search/postings-pool';

describe('PostingsPool', () => {
  it('encodes every term exactly as a PostingsWriter of the same occurrences', () => {
    let seed = 7;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const pool = new PostingsPool();
    const writers: PostingsWriter[] = [];
    // Terms with one occurrence, a few, and many thousands (chains of many chunks, large varints).
    const sizes = [1, 1, 2, 3, 7, 40, 300, 5000, 40000];
    for (let t = 0; t < sizes.length; t++) {
      expect(pool.newTerm()).toBe(t);
      writers.push(new PostingsWriter());
    }
    const state = sizes.map(() => ({ key: 0, index: 0, start: 0, left: 0 }));
    for (let round = 0; state.some((s, t) => s.left < sizes[t]!); round++) {
      for (let t = 0; t < sizes.length; t++) {
        const s = state[t]!;
        if (s.left >= sizes[t]!) continue;
        s.left++;
        if (random(3) === 0) {
          s.key += 1 + random(t === 8 ? 3 : 100_000);
          s.index = 0;
          s.start = 0;
        }
        s.index += random(4);
        s.start += random(t === 7 ? 3_000_000 : 50);
        const length = 1 + random(70);
        pool.add(t, s.key, s.index, s.start, length);
        writers[t]!.add(s.key, { index: s.index, start: s.start, length });
      }
    }
    for (let t = 0; t < sizes.length; t++) {
      const n = pool.load(t);
      expect(n).toBe(writers[t]!.entryCount);
      expect(pool.entryCount(t)).toBe(n);
      const weights = Array.from({ length: n }, (_, i) => (i % 17) * 0.125 + 0.001);
      for (let i = 0; i < n; i++) {
        expect(pool.keys[i]).toBe(writers[t]!.key(i));
        expect(pool.tfs[i]).toBe(writers[t]!.tf(i));
      }
      expect(Buffer.compare(pool.encode(weights), writers[t]!.encode(weights))).toBe(0);
    }
  });
});
