import type { Span } from '../../common/search/search-types';
import { termOf } from './analyse';
import { clauseHolds, operandStarts } from './clause-check';
import { expandWord } from './expand-terms';
import { docKey, keyField, keyOrd, type Occurrence, type Postings } from './postings';
import { QuerySyntaxError, type ParsedQuery } from './query-syntax';
import { queryScores, type QueryScores } from './query-scores';
import { isPositional, type PreparedQuery, type ResolvedClause, type ResolvedOperand, type Slot } from './resolved-query';
import { FIELD_NUMBER, SEARCH_FIELDS, TEXT_FIELD, type SearchFieldName } from './search-fields';
import type { SearchTables } from './search-tables';

export type EngineHit = { ord: number; score: number };
export type EngineResult = { total: number; hits: EngineHit[]; notices: string[] };

/**
 * A page of the results (`limit` from `offset`, by default the best 50), of the documents `keep`
 * accepts (filters), ordered by score or, given `rank` (a number per ord, lower first), by it.
 */
export type RunOptions = { limit?: number; offset?: number; keep?: (ord: number) => boolean; rank?: ArrayLike<number> };

/** Most candidate documents whose word positions phrases and NEAR check, per query (all clauses together). */
export const MAX_VERIFIED = 5_000;

/** A matched stretch of a field: word indices (for proximity) and characters (for highlights). */
type Interval = { first: number; last: number; start: number; end: number };

const ALL_FIELDS = SEARCH_FIELDS.map((_, i) => i);

/** Resolves a parsed query against the index vocabulary: stems, wildcard and fuzzy expansions. */
export function prepareQuery(parsed: ParsedQuery, tables: SearchTables, onlyField?: SearchFieldName): PreparedQuery {
  const notices = [...parsed.notices];
  // A field chosen for the whole search limits the words typed without one of their own.
  const unprefixed = onlyField ? [FIELD_NUMBER[onlyField]] : ALL_FIELDS;
  const clauses: ResolvedClause[] = parsed.clauses.map((clause) => ({
    presence: clause.presence,
    fields: clause.fields ? clause.fields.map((f) => FIELD_NUMBER[f]) : unprefixed,
    boost: clause.boost,
    operands: clause.operands.map((operand): ResolvedOperand => {
      if (operand.kind === 'word') return { slots: [{ terms: expandWord(operand, tables, notices).terms, offset: 0 }], phrase: false };
      const slots = operand.words.map(({ word, offset }) => ({ terms: [termOf(word)], offset }));
      return { slots, phrase: slots.length > 1 };
    }),
    distances: clause.distances,
  }));
  if (clauses.length > 0 && clauses.every((c) => c.presence === 'prohibited')) {
    throw new QuerySyntaxError('Add a word to look for: "-word" and NOT word only exclude documents from the results of other words.');
  }
  return { clauses, notices };
}

/**
 * Lunr's query semantics over term-sharded postings, ranked by BM25F (query-scores.ts): a
 * document holding any free word is a result; with +required clauses only documents matching
 * all of them are kept, -excluded ones are dropped. Phrases and NEAR/n are checked on word
 * positions of the candidates. A document matching every clause of the query ranks above
 * every document matching only some (its score is raised by more than any score).
 */
export function runQuery(query: PreparedQuery, shared: SearchTables, options: number | RunOptions = {}): EngineResult {
  const { limit = 50, offset = 0, keep, rank } = typeof options === 'number' ? { limit: options } : options;
  const tables = withPostingsMemo(shared);
  const n = tables.documentCount;
  const positive = query.clauses.filter((c) => c.presence !== 'prohibited');
  if (positive.length === 0 || n === 0) return { total: 0, hits: [], notices: [] };
  // Only phrases and NEAR groups: the results are among the few documents that pass their position
  // checks, so only those (and those the verification bound compares) are scored.
  const scores = queryScores(positive, tables, positive.every(isPositional));

  const notices: string[] = [];
  const budget = { verify: MAX_VERIFIED };
  const memo = new Map<string, Uint32Array>();
  // The same clause typed twice is matched once.
  const matches = (clause: ResolvedClause) => {
    const signature = JSON.stringify([clause.fields, clause.operands, clause.distances]);
    let ords = memo.get(signature);
    if (!ords) memo.set(signature, (ords = clauseMatches(clause, tables, scores, budget, notices)));
    return ords;
  };
  const required = query.clauses.filter((c) => c.presence === 'required');
  const excluded = new Uint8Array(n);
  for (const clause of query.clauses) {
    if (clause.presence === 'prohibited') for (const ord of matches(clause)) excluded[ord] = 1;
  }
  // Candidates in a typed array: a common word brings 100k of them.
  const candidates = new Uint32Array(n);
  let total = 0;
  // Clauses each document matches (at most 100 parts: a byte is enough).
  const matched = new Uint8Array(n);
  if (required.length > 0) {
    let first: Uint32Array = new Uint32Array(0);
    required.forEach((clause, i) => {
      const ords = matches(clause);
      if (i === 0) first = ords;
      for (const ord of ords) matched[ord]!++;
    });
    for (const ord of first) if (matched[ord] === required.length && !excluded[ord]) candidates[total++] = ord;
    if (positive.length > required.length) {
      for (const clause of positive) if (clause.presence !== 'required') for (const ord of matches(clause)) matched[ord]!++;
    }
  } else {
    for (const clause of positive) {
      for (const ord of matches(clause)) {
        if (!matched[ord] && !excluded[ord]) candidates[total++] = ord;
        matched[ord]!++;
      }
    }
  }
  if (keep) {
    let kept = 0;
    for (let i = 0; i < total; i++) if (keep(candidates[i]!)) candidates[kept++] = candidates[i]!;
    total = kept;
  }
  const found = candidates.subarray(0, total);
  scores.score(found);
  const values = scores.values;
  if (positive.length > 1) for (const ord of found) if (matched[ord] === positive.length) values[ord]! += scores.ceiling;
  if (rank) {
    // Another order than the score's: every candidate sorted by its rank, the score breaking ties.
    const ordered = Uint32Array.from(found).sort((a, b) => rank[a]! - rank[b]! || values[b]! - values[a]! || a - b);
    const page = ordered.subarray(Math.min(offset, total), Math.min(total, offset + limit));
    return { total, hits: Array.from(page, (ord) => ({ ord, score: values[ord]! })), notices };
  }
  return { total, hits: topHits(found, values, offset + limit).slice(offset), notices };
}

/** Character spans of every match in a document's text, in reading order (overlaps merged). */
export function textSpans(query: PreparedQuery, shared: SearchTables, ord: number): Span[] {
  const tables = withPostingsMemo(shared);
  const key = docKey(ord, TEXT_FIELD);
  const spans: Span[] = [];
  for (const clause of query.clauses) {
    if (clause.presence === 'prohibited' || !clause.fields.includes(TEXT_FIELD)) continue;
    for (const interval of clauseIntervals(clause, tables, key) ?? []) spans.push({ start: interval.start, end: interval.end });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const MEMOISED = Symbol('postings memoised');

/**
 * The shared cache keeps postings between queries; within one query (its matching, then the
 * highlights of its results) a plain map is cheaper. Pass the result to runQuery and textSpans.
 */
export function withPostingsMemo(tables: SearchTables): SearchTables {
  if ((tables as { [MEMOISED]?: true })[MEMOISED]) return tables;
  const memo = new Map<string, Postings | undefined>();
  return {
    ...tables,
    [MEMOISED]: true,
    postings(term) {
      let postings = memo.get(term);
      if (postings === undefined && !memo.has(term)) memo.set(term, (postings = tables.postings(term)));
      return postings;
    },
  } as SearchTables;
}

function topHits(candidates: Uint32Array, scores: Float64Array, limit: number): EngineHit[] {
  // A min-heap of the best `limit` so far: a common word's 100k candidates are never sorted.
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const heap: number[] = [];
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const ord of candidates) {
    if (heap.length < limit) {
      heap.push(ord);
      for (let i = heap.length - 1; i > 0 && worse(heap[i]!, heap[(i - 1) >> 1]!); i = (i - 1) >> 1) {
        [heap[i], heap[(i - 1) >> 1]] = [heap[(i - 1) >> 1]!, heap[i]!];
      }
    } else if (limit > 0 && worse(heap[0]!, ord)) {
      heap[0] = ord;
      siftDown(0);
    }
  }
  return heap
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .map((ord) => ({ ord, score: scores[ord]! }));
}

/**
 * Documents (ords, each once) that satisfy a clause. Phrases and NEAR check word positions
 * of the documents holding all their words, best-scoring first, within the query's budget
 * (MAX_VERIFIED), so that phrases of very common words stay fast.
 */
function clauseMatches(
  clause: ResolvedClause,
  tables: SearchTables,
  scores: QueryScores,
  budget: { verify: number },
  notices: string[],
): Uint32Array {
  const fields = fieldMask(clause.fields);
  if (clause.operands.length === 1 && !clause.operands[0]!.phrase) return slotOrds(clause.operands[0]!.slots[0]!, tables, fields);
  const operands = [...clause.operands].sort((a, b) => operandSize(a, tables) - operandSize(b, tables));
  let found = operandKeys(operands[0]!, tables, fields);
  for (const operand of operands.slice(1)) found = found.filter((key) => operand.slots.every((slot) => slotHas(slot, tables, key)));
  if (found.length > budget.verify) {
    // Keep the best-scoring documents: cut at the budget-th best score (ties may add a few).
    const ordsFound = found.map(keyOrd);
    scores.score(ordsFound);
    const all = scores.values;
    const values = Float64Array.from(ordsFound, (ord) => all[ord]!).sort();
    const cut = budget.verify > 0 ? values[values.length - budget.verify]! : Infinity;
    found = found.filter((key) => all[keyOrd(key)]! >= cut);
    notices.push(
      `Its words are very common: only the ${MAX_VERIFIED.toLocaleString('en')} best-scoring documents containing all the words of its phrases or NEAR groups were checked.`,
    );
  }
  budget.verify = Math.max(0, budget.verify - found.length);
  const keys = found.filter((key) => clauseHolds(clause, tables, key));
  // A document's keys (one per field) are adjacent: keep each ord once.
  const ords = new Uint32Array(keys.length);
  let count = 0;
  for (const key of keys) {
    const ord = keyOrd(key);
    if (count === 0 || ords[count - 1] !== ord) ords[count++] = ord;
  }
  return ords.subarray(0, count);
}

/** Documents holding any term of a slot in the given fields, each once (no sorting). */
function slotOrds(slot: Slot, tables: SearchTables, fields: FieldMask): Uint32Array {
  const lists = slot.terms.flatMap((term) => tables.postings(term)?.keys ?? []);
  const seen = new Uint8Array(tables.documentCount);
  const ords = new Uint32Array(Math.min(tables.documentCount, lists.reduce((sum, list) => sum + list.length, 0)));
  let count = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const key = list[i]!;
      const ord = keyOrd(key);
      if (fields[keyField(key)] && !seen[ord]) {
        seen[ord] = 1;
        ords[count++] = ord;
      }
    }
  }
  return ords.subarray(0, count);
}

type FieldMask = readonly boolean[];

function fieldMask(fields: readonly number[]): FieldMask {
  return SEARCH_FIELDS.map((_, i) => fields.includes(i));
}

/** Sorted keys (document × field, fields restricted) holding any term of a slot. */
function slotKeys(slot: Slot, tables: SearchTables, fields: FieldMask): Uint32Array {
  const lists = slot.terms.flatMap((term) => tables.postings(term)?.keys ?? []);
  // The common case, one term in every field: the stored keys as they are, no copy.
  if (lists.length === 1 && fields.every(Boolean)) return lists[0]!;
  const keys = new Uint32Array(lists.reduce((sum, list) => sum + list.length, 0));
  let count = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) if (fields[keyField(list[i]!)]) keys[count++] = list[i]!;
  if (lists.length === 1) return keys.subarray(0, count);
  const sorted = keys.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (unique === 0 || sorted[unique - 1] !== sorted[i]) sorted[unique++] = sorted[i]!;
  return sorted.subarray(0, unique);
}

/** Upper bound of a slot's keys, without reading them. */
function slotSize(slot: Slot, tables: SearchTables): number {
  return slot.terms.reduce((sum, term) => sum + (tables.postings(term)?.count ?? 0), 0);
}

function slotHas(slot: Slot, tables: SearchTables, key: number): boolean {
  return slot.terms.some((term) => (tables.postings(term)?.find(key) ?? -1) >= 0);
}

/**
 * Keys holding every slot of an operand: the rarest slot's keys, each looked up (binary
 * search) in the others, so a phrase with "the" never walks the postings of "the".
 */
function operandKeys(operand: ResolvedOperand, tables: SearchTables, fields: FieldMask): number[] {
  const slots = [...operand.slots].sort((a, b) => slotSize(a, tables) - slotSize(b, tables));
  const [rarest, ...others] = slots;
  if (!rarest) return [];
  const keys: number[] = [];
  for (const key of slotKeys(rarest, tables, fields)) if (others.every((slot) => slotHas(slot, tables, key))) keys.push(key);
  return keys;
}

function operandSize(operand: ResolvedOperand, tables: SearchTables): number {
  return Math.min(...operand.slots.map((slot) => slotSize(slot, tables)));
}

/** Occurrences of a slot's terms in one document field. */
function slotOccurrences(slot: Slot, tables: SearchTables, key: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (const term of slot.terms) {
    const postings: Postings | undefined = tables.postings(term);
    const entry = postings?.find(key) ?? -1;
    if (entry >= 0) out.push(...postings!.occurrences(entry));
  }
  return out;
}

function operandIntervals(operand: ResolvedOperand, tables: SearchTables, key: number): Interval[] {
  const slots = operand.slots;
  const head = slots[0];
  if (!head) return [];
  const byIndex = (a: Occurrence, b: Occurrence) => a.index - b.index;
  const heads = slotOccurrences(head, tables, key).sort(byIndex);
  if (slots.length === 1) return heads.map((o) => ({ first: o.index, last: o.index, start: o.start, end: o.start + o.length }));
  // Where the phrase stands (word indices, clause-check.ts), then the characters of its first and last words there.
  const starts = operandStarts(operand, tables, key);
  if (starts.length === 0) return [];
  const tail = slots[slots.length - 1]!;
  const span = tail.offset - head.offset;
  const tails = slotOccurrences(tail, tables, key).sort(byIndex);
  const out: Interval[] = [];
  let h = 0;
  let t = 0;
  for (const first of starts) {
    while (heads[h]!.index < first) h++;
    while (tails[t]!.index < first + span) t++;
    const a = heads[h]!;
    const b = tails[t]!;
    out.push({ first, last: b.index, start: a.start, end: b.start + b.length });
  }
  return out;
}

/** The matched intervals of a clause in one document field, or undefined if it does not match there. */
function clauseIntervals(clause: ResolvedClause, tables: SearchTables, key: number): Interval[] | undefined {
  if (!clause.fields.includes(keyField(key))) return undefined;
  const lists = clause.operands.map((operand) => operandIntervals(operand, tables, key));
  if (lists.some((list) => list.length === 0)) return undefined;
  if (lists.length === 1) return lists[0];
  const used = lists.map(() => new Set<Interval>());
  for (let i = 0; i + 1 < lists.length; i++) {
    const distance = clause.distances[i]!;
    const right = lists[i + 1]!;
    let found = false;
    // Both lists are sorted by first word: a sliding window over the right-hand list.
    let from = 0;
    for (const a of lists[i]!) {
      while (from < right.length && right[from]!.last < a.first - distance - 1) from++;
      for (let j = from; j < right.length && right[j]!.first <= a.last + distance + 1; j++) {
        const b = right[j]!;
        const gap = b.first > a.last ? b.first - a.last - 1 : a.first > b.last ? a.first - b.last - 1 : 0;
        if (gap <= distance) {
          used[i]!.add(a);
          used[i + 1]!.add(b);
          found = true;
        }
      }
    }
    if (!found) return undefined;
  }
  return used.flatMap((set) => [...set]);
}
