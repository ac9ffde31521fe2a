import type { Span } from '../../common/search/search-types';
import { termOf } from './analyse';
import { expandWord } from './expand-terms';
import { docKey, keyField, keyOrd, type Occurrence, type Postings } from './postings';
import { QuerySyntaxError, type ParsedQuery, type Presence } from './query-syntax';
import { FIELD_NUMBER, SEARCH_FIELDS, TEXT_FIELD } from './search-fields';
import type { SearchTables } from './search-tables';

type Slot = { terms: string[]; offset: number };
/** A word (one slot) or a phrase (slots at word offsets), resolved to index terms. */
type ResolvedOperand = { slots: Slot[]; phrase: boolean };
type ResolvedClause = { presence: Presence; fields: number[]; boost: number; operands: ResolvedOperand[]; distances: number[] };

export type PreparedQuery = { clauses: ResolvedClause[]; notices: string[] };
export type EngineHit = { ord: number; score: number };
export type EngineResult = { total: number; hits: EngineHit[] };

/** A matched stretch of a field: word indices (for proximity) and characters (for highlights). */
type Interval = { first: number; last: number; start: number; end: number };

const ALL_FIELDS = SEARCH_FIELDS.map((_, i) => i);

/** Resolves a parsed query against the index vocabulary: stems, wildcard and fuzzy expansions. */
export function prepareQuery(parsed: ParsedQuery, tables: SearchTables): PreparedQuery {
  const notices = [...parsed.notices];
  const clauses: ResolvedClause[] = parsed.clauses.map((clause) => ({
    presence: clause.presence,
    fields: clause.fields ? clause.fields.map((f) => FIELD_NUMBER[f]) : ALL_FIELDS,
    boost: clause.boost,
    operands: clause.operands.map((operand): ResolvedOperand => {
      if (operand.kind === 'word') return { slots: [{ terms: expandWord(operand, tables, notices).terms, offset: 0 }], phrase: false };
      const slots = operand.words.map(({ word, offset }) => ({ terms: [termOf(word)], offset }));
      return { slots, phrase: slots.length > 1 };
    }),
    distances: clause.distances,
  }));
  if (clauses.length > 0 && clauses.every((c) => c.presence === 'prohibited')) {
    throw new QuerySyntaxError('Add a word to look for: "-word" only excludes documents from the results of other words.');
  }
  return { clauses, notices };
}

/**
 * Lunr's search semantics over term-sharded postings: a document scores the sum over fields
 * of (query vector · field vector) / |query vector|, with the BM25 weights Lunr's builder
 * computes; with +required clauses only documents matching all of them are kept, -excluded
 * ones are dropped. Phrases and NEAR/n are checked on word positions of the candidates.
 */
export function runQuery(query: PreparedQuery, tables: SearchTables, limit: number): EngineResult {
  const n = tables.documentCount;
  const positive = query.clauses.filter((c) => c.presence !== 'prohibited');
  if (positive.length === 0 || n === 0) return { total: 0, hits: [] };

  // Query vectors per field (term → summed clause boosts) and their magnitudes.
  const vectors = ALL_FIELDS.map(() => new Map<string, number>());
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
  const scores = new Float64Array(n);
  const scoredTerms = new Set<string>();
  for (const vector of vectors) for (const term of vector.keys()) scoredTerms.add(term);
  for (const term of scoredTerms) {
    const postings = tables.postings(term);
    if (!postings) continue;
    const boosts = vectors.map((v) => (v.get(term) ?? 0));
    for (let i = 0; i < postings.count; i++) {
      const key = postings.keys[i]!;
      const f = keyField(key);
      const boost = boosts[f]!;
      if (boost !== 0) scores[keyOrd(key)]! += (boost * postings.weights[i]!) / norms[f]!;
    }
  }

  const required = query.clauses.filter((c) => c.presence === 'required');
  const excluded = new Uint8Array(n);
  for (const clause of query.clauses) {
    if (clause.presence === 'prohibited') for (const ord of clauseMatches(clause, tables)) excluded[ord] = 1;
  }
  let candidates: number[];
  if (required.length > 0) {
    const counts = new Uint8Array(n);
    let first: number[] = [];
    required.forEach((clause, i) => {
      const ords = clauseMatches(clause, tables);
      if (i === 0) first = ords;
      for (const ord of ords) counts[ord]!++;
    });
    candidates = first.filter((ord) => counts[ord] === required.length);
  } else {
    const seen = new Uint8Array(n);
    candidates = [];
    for (const clause of positive) {
      for (const ord of clauseMatches(clause, tables)) {
        if (!seen[ord]) {
          seen[ord] = 1;
          candidates.push(ord);
        }
      }
    }
  }
  candidates = candidates.filter((ord) => !excluded[ord]);
  return { total: candidates.length, hits: topHits(candidates, scores, limit) };
}

/** Character spans of every match in a document's text, in reading order (overlaps merged). */
export function textSpans(query: PreparedQuery, tables: SearchTables, ord: number): Span[] {
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

function topHits(candidates: number[], scores: Float64Array, limit: number): EngineHit[] {
  let pool = candidates;
  if (candidates.length > limit * 4) {
    // Cut at the limit-th best score first: cheaper than sorting every candidate of a common word.
    const values = Float64Array.from(candidates, (ord) => scores[ord]!).sort();
    const cut = values[values.length - Math.min(limit, values.length)]!;
    pool = candidates.filter((ord) => scores[ord]! >= cut);
  }
  return pool
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, limit)
    .map((ord) => ({ ord, score: scores[ord]! }));
}

/** Documents (ords, each once, ascending: keys are sorted by ord) that satisfy a clause. */
function clauseMatches(clause: ResolvedClause, tables: SearchTables): number[] {
  const simple = clause.operands.length === 1 && !clause.operands[0]!.phrase;
  const fields = new Set(clause.fields);
  const ords: number[] = [];
  const push = (key: number) => {
    const ord = keyOrd(key);
    if (ords[ords.length - 1] !== ord) ords.push(ord);
  };
  if (simple) {
    for (const key of slotKeys(clause.operands[0]!.slots[0]!, tables, fields)) push(key);
    return ords;
  }
  let keys = operandKeys(clause.operands[0]!, tables, fields);
  for (const operand of clause.operands.slice(1)) keys = intersect(keys, operandKeys(operand, tables, fields));
  for (const key of keys) if (clauseIntervals(clause, tables, key)) push(key);
  return ords;
}

/** Sorted keys (document × field, fields restricted) holding any term of a slot. */
function slotKeys(slot: Slot, tables: SearchTables, fields: Set<number>): number[] {
  const keys: number[] = [];
  for (const term of slot.terms) {
    const postings = tables.postings(term);
    if (!postings) continue;
    for (const key of postings.keys) if (fields.has(keyField(key))) keys.push(key);
  }
  if (slot.terms.length > 1) {
    keys.sort((a, b) => a - b);
    return keys.filter((key, i) => i === 0 || keys[i - 1] !== key);
  }
  return keys;
}

function operandKeys(operand: ResolvedOperand, tables: SearchTables, fields: Set<number>): number[] {
  // Start from the rarest slot: the intersection is never larger than it.
  const lists = operand.slots.map((slot) => slotKeys(slot, tables, fields)).sort((a, b) => a.length - b.length);
  return lists.slice(1).reduce(intersect, lists[0] ?? []);
}

function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** Occurrences of a slot's terms in one document field, by word index. */
function slotOccurrences(slot: Slot, tables: SearchTables, key: number): Map<number, Occurrence> {
  const byIndex = new Map<number, Occurrence>();
  for (const term of slot.terms) {
    const postings: Postings | undefined = tables.postings(term);
    const entry = postings?.find(key) ?? -1;
    if (entry < 0) continue;
    for (const occurrence of postings!.occurrences(entry)) byIndex.set(occurrence.index, occurrence);
  }
  return byIndex;
}

function operandIntervals(operand: ResolvedOperand, tables: SearchTables, key: number): Interval[] {
  const [head, ...rest] = operand.slots;
  if (!head) return [];
  const headOccurrences = slotOccurrences(head, tables, key);
  const others = rest.map((slot) => ({ slot, occurrences: slotOccurrences(slot, tables, key) }));
  const intervals: Interval[] = [];
  for (const occurrence of headOccurrences.values()) {
    let last = occurrence;
    let ok = true;
    for (const { slot, occurrences } of others) {
      const next = occurrences.get(occurrence.index + slot.offset - head.offset);
      if (!next) {
        ok = false;
        break;
      }
      last = next;
    }
    if (ok) intervals.push({ first: occurrence.index, last: last.index, start: occurrence.start, end: last.start + last.length });
  }
  return intervals.sort((a, b) => a.first - b.first);
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
    let found = false;
    for (const a of lists[i]!) {
      for (const b of lists[i + 1]!) {
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
