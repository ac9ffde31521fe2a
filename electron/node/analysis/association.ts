/**
 * Association of a collocate with a node, from the 2×2 contingency table of the corpus's
 * N words: o11 = the collocate inside the node's windows, windowWords = all words inside
 * them, frequency = the collocate's occurrences in the corpus.
 */
export type AssociationInput = { o11: number; windowWords: number; frequency: number; corpusWords: number };

const term = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);

/** Dunning's log-likelihood G² = 2 Σ O·ln(O/E) over the four cells (Dunning 1993; as AntConc, Sketch Engine). */
export function logLikelihood({ o11, windowWords, frequency, corpusWords: n }: AssociationInput): number {
  // Overlapping windows can count a word twice: cells never go below zero.
  const o12 = Math.max(0, windowWords - o11);
  const o21 = Math.max(0, frequency - o11);
  const o22 = Math.max(0, n - o11 - o12 - o21);
  const total = o11 + o12 + o21 + o22;
  if (total === 0) return 0;
  const r1 = o11 + o12;
  const r2 = o21 + o22;
  const c1 = o11 + o21;
  const c2 = o12 + o22;
  const e = (r: number, c: number) => (r * c) / total;
  return 2 * (term(o11, e(r1, c1)) + term(o12, e(r1, c2)) + term(o21, e(r2, c1)) + term(o22, e(r2, c2)));
}

/**
 * Pointwise mutual information, log2(O / E) with E = f(node) · f(collocate) · span / N, where
 * span is the number of word slots in a window (2 × window): the formula AntConc and
 * Church & Hanks use for windowed collocation.
 */
export function mutualInformation(o11: number, nodeFrequency: number, frequency: number, span: number, corpusWords: number): number {
  const expected = (nodeFrequency * frequency * span) / corpusWords;
  return o11 > 0 && expected > 0 ? Math.log2(o11 / expected) : 0;
}
