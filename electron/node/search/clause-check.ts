import { FIELD_BITS, type PositionCursor, type Postings } from './postings';
import type { ResolvedClause, ResolvedOperand, Slot } from './resolved-query';
import type { SearchTables } from './search-tables';

const FIELD_MASK = (1 << FIELD_BITS) - 1;

/**
 * Whether a positional clause (phrase, NEAR group) matches in one document field: the yes or
 * no that search-engine.ts's clauseIntervals gives (`!== undefined`), on word indices only,
 * without character offsets or an object per occurrence, and stopping at the first match.
 */
export function clauseHolds(clause: ResolvedClause, tables: SearchTables, key: number): boolean {
  if (!clause.fields.includes(key & FIELD_MASK)) return false;
  if (clause.operands.length === 1) return phraseHolds(clause.operands[0]!, tables, key);
  // Per operand: its postings entry when it is one word of one term (read lazily), else its starts.
  const sources: ({ postings: Postings; entry: number } | number[])[] = [];
  const spans: number[] = [];
  for (const operand of clause.operands) {
    const term = operand.slots.length === 1 && operand.slots[0]!.terms.length === 1 ? operand.slots[0]!.terms[0]! : undefined;
    if (term !== undefined) {
      const postings = tables.postings(term);
      const entry = postings?.find(key) ?? -1;
      if (entry < 0) return false;
      sources.push({ postings: postings!, entry });
    } else {
      const found = operandStarts(operand, tables, key);
      if (found.length === 0) return false;
      sources.push(found);
    }
    spans.push(operandSpan(operand));
  }
  const open = (source: (typeof sources)[number]): Seekable =>
    Array.isArray(source) ? new ArrayCursor(source) : source.postings.cursor(source.entry);
  // Each pair of neighbouring operands must meet within its distance somewhere (not necessarily
  // at the same occurrence as the next pair), as in clauseIntervals.
  for (let i = 0; i + 1 < sources.length; i++) {
    if (!meet(open(sources[i]!), spans[i]!, open(sources[i + 1]!), spans[i + 1]!, clause.distances[i]!)) return false;
  }
  return true;
}

/** Ascending word indices read forward: the current one (Infinity past the last), and a jump. */
type Seekable = { readonly index: number; seek(target: number): number };

class ArrayCursor implements Seekable {
  private at = 0;
  index: number;

  constructor(private readonly values: readonly number[]) {
    this.index = values.length > 0 ? values[0]! : Infinity;
  }

  seek(target: number): number {
    const values = this.values;
    let at = this.at;
    while (at < values.length && values[at]! < target) at++;
    this.at = at;
    return (this.index = at < values.length ? values[at]! : Infinity);
  }
}

/** Words from an operand's first to its last word, minus one (0 for a word). */
function operandSpan(operand: ResolvedOperand): number {
  const slots = operand.slots;
  return slots.length === 0 ? 0 : slots[slots.length - 1]!.offset - slots[0]!.offset;
}

/** Word indices of a slot's terms in one document field, ascending. */
function slotPositions(slot: Slot, tables: SearchTables, key: number): number[] {
  let out: number[] | undefined;
  let merged = false;
  for (const term of slot.terms) {
    const postings = tables.postings(term);
    const entry = postings?.find(key) ?? -1;
    if (entry < 0) continue;
    const positions = postings!.positions(entry);
    if (!out) out = positions;
    else {
      out = out.concat(positions);
      merged = true;
    }
  }
  // One word stands at one index: terms of a wildcard never share one, so no duplicates.
  return !out ? [] : merged ? out.sort((a, b) => a - b) : out;
}

/**
 * Where an operand starts (its first word's index), ascending: every index of a word; for a
 * phrase, the indices from which each word stands at its offset (phraseStarts).
 */
export function operandStarts(operand: ResolvedOperand, tables: SearchTables, key: number): number[] {
  const slots = operand.slots;
  if (slots.length === 1) return slotPositions(slots[0]!, tables, key);
  const out: number[] = [];
  phraseStarts(operand, tables, key, (start) => {
    out.push(start);
    return true;
  });
  return out;
}

/** Whether a phrase stands anywhere in one document field (stops at the first place). */
function phraseHolds(operand: ResolvedOperand, tables: SearchTables, key: number): boolean {
  let found = false;
  phraseStarts(operand, tables, key, () => {
    found = true;
    return false;
  });
  return found;
}

type SlotCursor = { cursor: PositionCursor; delta: number };

/**
 * Calls visit with each start of a phrase in one document field, ascending, while it returns
 * true. The words' positions are read lazily, rarest word (in this field) first, each cursor
 * jumping to where the others could still meet it, so a phrase with "the" reads the
 * positions of "the" only as far as the rarer words need.
 */
function phraseStarts(operand: ResolvedOperand, tables: SearchTables, key: number, visit: (start: number) => boolean): void {
  const slots = operand.slots;
  if (slots.some((slot) => slot.terms.length !== 1)) {
    arrayPhraseStarts(operand, tables, key, visit);
    return;
  }
  const head = slots[0]!.offset;
  const cursors: (SlotCursor & { bytes: number })[] = [];
  for (const slot of slots) {
    const postings = tables.postings(slot.terms[0]!);
    const entry = postings?.find(key) ?? -1;
    if (entry < 0) return;
    cursors.push({ cursor: postings!.cursor(entry), delta: slot.offset - head, bytes: postings!.occurrenceBytes(entry) });
  }
  cursors.sort((a, b) => a.bytes - b.bytes);
  let start = Math.max(0, cursors[0]!.cursor.index - cursors[0]!.delta);
  for (;;) {
    let all = true;
    for (const { cursor, delta } of cursors) {
      const at = cursor.seek(start + delta);
      if (at === Infinity) return;
      if (at > start + delta) {
        start = at - delta;
        all = false;
        break;
      }
    }
    if (!all) continue;
    if (!visit(start)) return;
    start++;
  }
}

/** phraseStarts for slots of several terms each (not made by the query parser; kept general). */
function arrayPhraseStarts(operand: ResolvedOperand, tables: SearchTables, key: number, visit: (start: number) => boolean): void {
  const head = operand.slots[0]!.offset;
  const lists = operand.slots.map((slot) => ({ positions: new Set(slotPositions(slot, tables, key)), delta: slot.offset - head }));
  for (const start of slotPositions(operand.slots[0]!, tables, key)) {
    if (lists.every(({ positions, delta }) => positions.has(start + delta)) && !visit(start)) return;
  }
}

/**
 * Whether some interval [a, a + spanA] and some [b, b + spanB] (starts read ascending) are at
 * most `distance` words apart (overlapping counts as 0): each cursor jumps past what the other
 * rules out.
 */
function meet(left: Seekable, spanA: number, right: Seekable, spanB: number, distance: number): boolean {
  let a = left.index;
  let b = right.index;
  while (a !== Infinity && b !== Infinity) {
    // b ends more than `distance` words before a starts: no later a can reach it either.
    if (b + spanB < a - distance - 1) b = right.seek(a - distance - 1 - spanB);
    // b starts more than `distance` words after a ends: no later b is reached by this a.
    else if (b > a + spanA + distance + 1) a = left.seek(b - distance - 1 - spanA);
    else return true;
  }
  return false;
}
