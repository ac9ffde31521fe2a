import { FIELD_BITS, type Postings } from './postings';
import type { ResolvedClause } from './resolved-query';
import type { SearchTables } from './search-tables';

/**
 * BM25F scores of a query's documents: for each query term (and the fields its clauses
 * search), idf × (k1 + 1) × t / (k1 + t) × its clause boosts, where t is the sum of the
 * document's weights for the term over those fields (boosted, length-normalised term
 * frequencies: build-search-index.ts). Fields add up before saturation, so a word in a short
 * title and again in the text counts once, a little more, not twice; idf is the document
 * frequency's (log(1 + (N − df + ½) / (df + ½)), always positive), so a word in most
 * documents weighs almost nothing. `score(ords)` makes sure the given documents' scores are
 * in `values`: all at once by walking every postings list (what a query with free words
 * needs: any document holding one is a result), or only for the documents asked for
 * (phrases and NEAR groups, whose results are the few documents that pass the position
 * checks, so a phrase with "the" never walks the postings of "the"). Both add the same terms
 * in the same order with the same arithmetic: the scores are identical to the bit.
 */
export type QueryScores = {
  readonly values: Float64Array;
  /** More than any document's score: what a document matching every clause is raised by. */
  readonly ceiling: number;
  score(ords: ArrayLike<number>): void;
};

/** BM25's term-frequency saturation, as FTS5 and Lucene use it. */
const K1 = 1.2;

/** A term as the query scores it: the fields it is searched in (bit per field) and its factor. */
type ScoredTerm = { postings: Postings; fields: number; factor: number };

// Keys are ord << FIELD_BITS | field (postings.ts), taken apart inline in the loops below.
const SHIFT = FIELD_BITS;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

export function queryScores(positive: readonly ResolvedClause[], tables: SearchTables, lazy: boolean): QueryScores {
  const n = tables.documentCount;
  // Each term once per set of fields searched, with the boosts of its clauses summed.
  const boosts = new Map<string, { term: string; fields: number; boost: number }>();
  for (const clause of positive) {
    const fields = clause.fields.reduce((mask, f) => mask | (1 << f), 0);
    for (const operand of clause.operands) {
      for (const slot of operand.slots) {
        for (const term of slot.terms) {
          const key = `${fields}\0${term}`;
          const entry = boosts.get(key);
          if (entry) entry.boost += clause.boost;
          else boosts.set(key, { term, fields, boost: clause.boost });
        }
      }
    }
  }
  const terms: ScoredTerm[] = [];
  let ceiling = 0;
  for (const { term, fields, boost } of boosts.values()) {
    const postings = tables.postings(term);
    if (!postings) continue;
    const df = postings.documents;
    const factor = boost * Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (K1 + 1);
    terms.push({ postings, fields, factor });
    ceiling += factor;
  }
  const values = new Float64Array(n);

  if (!lazy) {
    for (const { postings, fields, factor } of terms) {
      const { keys, weights, count } = postings;
      // A document's entries (one per field) are adjacent: summed, then saturated.
      let ord = -1;
      let t = 0;
      for (let i = 0; i < count; i++) {
        const key = keys[i]!;
        if (key >>> SHIFT !== ord) {
          if (t > 0) values[ord]! += (factor * t) / (K1 + t);
          ord = key >>> SHIFT;
          t = 0;
        }
        if ((fields >>> (key & FIELD_MASK)) & 1) t += weights[i]!;
      }
      if (t > 0) values[ord]! += (factor * t) / (K1 + t);
    }
    return { values, ceiling, score() {} };
  }

  const known = new Uint8Array(n);
  return {
    values,
    ceiling,
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
      for (const { postings, fields, factor } of terms) {
        const { keys, weights, count } = postings;
        let j = 0;
        for (let k = 0; k < sorted.length && j < count; k++) {
          const ord = sorted[k]!;
          j = lowerBound(keys, count, j, ord * (1 << SHIFT));
          let t = 0;
          for (; j < count && keys[j]! >>> SHIFT === ord; j++) if ((fields >>> (keys[j]! & FIELD_MASK)) & 1) t += weights[j]!;
          if (t > 0) values[ord]! += (factor * t) / (K1 + t);
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
