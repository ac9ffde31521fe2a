import { FIELD_BITS, type Postings } from './postings';
import type { ResolvedClause } from './resolved-query';
import type { SearchTables } from './search-tables';

/**
 * Lunr's scores of a query's documents: the sum over fields of (query vector · field vector) /
 * |query vector|, with the BM25 weights stored in the postings. `score(ords)` makes sure the
 * given documents' scores are in `values`: all at once by walking every postings list (what a
 * query with free words needs: any document holding one is a result), or only for the
 * documents asked for (phrases and NEAR groups, whose results are the few documents that pass
 * the position checks, so a phrase with "the" never walks the postings of "the"). Both add the
 * same terms in the same order with the same arithmetic: the scores are identical to the bit.
 */
export type QueryScores = {
  readonly values: Float64Array;
  score(ords: ArrayLike<number>): void;
};

type ScoredTerm = { postings: Postings; boosts: number[] };

// Keys are ord << FIELD_BITS | field (postings.ts), taken apart inline in the loops below.
const SHIFT = FIELD_BITS;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

export function queryScores(positive: readonly ResolvedClause[], tables: SearchTables, fieldCount: number, lazy: boolean): QueryScores {
  const n = tables.documentCount;
  // Query vectors per field (term → summed clause boosts) and their magnitudes.
  const vectors = Array.from({ length: fieldCount }, () => new Map<string, number>());
  for (const clause of positive) {
    for (const operand of clause.operands) {
      for (const slot of operand.slots) {
        for (const term of slot.terms) {
          for (const f of clause.fields) vectors[f]!.set(term, (vectors[f]!.get(term) ?? 0) + clause.boost);
        }
      }
    }
  }
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((sum, b) => sum + b * b, 0)) || 1);
  const scoredTerms = new Set<string>();
  for (const vector of vectors) for (const term of vector.keys()) scoredTerms.add(term);
  const terms: ScoredTerm[] = [];
  for (const term of scoredTerms) {
    const postings = tables.postings(term);
    if (postings) terms.push({ postings, boosts: vectors.map((v) => v.get(term) ?? 0) });
  }
  const values = new Float64Array(n);

  if (!lazy) {
    for (const { postings, boosts } of terms) {
      const { keys, weights, count } = postings;
      for (let i = 0; i < count; i++) {
        const key = keys[i]!;
        const f = key & FIELD_MASK;
        const boost = boosts[f]!;
        if (boost !== 0) values[key >>> SHIFT]! += (boost * weights[i]!) / norms[f]!;
      }
    }
    return { values, score() {} };
  }

  const known = new Uint8Array(n);
  return {
    values,
    score(ords) {
      const wanted: number[] = [];
      for (let i = 0; i < ords.length; i++) {
        const ord = ords[i]!;
        if (!known[ord]) {
          known[ord] = 1;
          wanted.push(ord);
        }
      }
      if (wanted.length === 0) return;
      const sorted = Uint32Array.from(wanted).sort();
      for (const { postings, boosts } of terms) {
        const { keys, weights, count } = postings;
        let j = 0;
        for (let k = 0; k < sorted.length && j < count; k++) {
          const ord = sorted[k]!;
          j = lowerBound(keys, count, j, ord * (1 << SHIFT));
          for (; j < count && keys[j]! >>> SHIFT === ord; j++) {
            const f = keys[j]! & FIELD_MASK;
            const boost = boosts[f]!;
            if (boost !== 0) values[ord]! += (boost * weights[j]!) / norms[f]!;
          }
        }
      }
    },
  };
}

/** First index at or after `from` whose key is ≥ target (galloping, then binary search). */
function lowerBound(keys: Uint32Array, count: number, from: number, target: number): number {
  if (from >= count || keys[from]! >= target) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < count && keys[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > count) hi = count;
  // keys[lo] < target; keys[hi] ≥ target or hi = count.
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < target) lo = mid;
    else hi = mid;
  }
  return hi;
}
