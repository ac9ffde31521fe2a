import { describe, expect, it } from 'vitest';
import { logLikelihood, mutualInformation } from '../../../../electron/node/analysis/association';

describe('association measures', () => {
  it('computes G² of the 2×2 table as written out by hand', () => {
    // o11 = 10 in windows of 100 words, the word 50 times in a corpus of 10,000.
    const [o11, o12, o21, o22] = [10, 90, 40, 9860];
    const n = 10_000;
    const e = (r: number, c: number) => (r * c) / n;
    const expected = 2 * (o11 * Math.log(o11 / e(100, 50)) + o12 * Math.log(o12 / e(100, 9950)) + o21 * Math.log(o21 / e(9900, 50)) + o22 * Math.log(o22 / e(9900, 9950)));
    expect(logLikelihood({ o11: 10, windowWords: 100, frequency: 50, corpusWords: n })).toBeCloseTo(expected, 10);
  });

  it('is zero when the word is as frequent near the node as anywhere', () => {
    expect(logLikelihood({ o11: 1, windowWords: 100, frequency: 100, corpusWords: 10_000 })).toBeCloseTo(0, 10);
  });

  it('gives MI as log2(O·N / (f(node)·f(word)·span))', () => {
    expect(mutualInformation(8, 20, 40, 10, 10_000)).toBeCloseTo(Math.log2((8 * 10_000) / (20 * 40 * 10)), 10);
    expect(mutualInformation(0, 20, 40, 10, 10_000)).toBe(0);
  });
});
