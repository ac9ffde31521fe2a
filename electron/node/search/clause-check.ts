import { FIELD_BITS, type PositionCursor } from './postings';
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
  const starts: number[][] = [];
  const spans: number[] = [];
  for (const operand of clause.operands) {
    const found = operandStarts(operand, tables, key);
    if (found.length === 0) return false;
    starts.push(found);
    spans.push(operandSpan(operand));
  }
  // Each pair of neighbouring operands must meet within its distance somewhere (not necessarily
  // at the same occurrence as the next pair), as in clauseIntervals.
  for (let i = 0; i + 1 < starts.length; i++) {
    if (!meet(starts[i]!, spans[i]!, starts[i + 1]!, spans[i + 1]!, clause.distances[i]!)) return false;
  }
  return true;
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
 * Whether some interval [a, a + spanA] and some [b, b + spanB] (both lists of starts ascending)
 * are at most `distance` words apart (overlapping counts as 0).
 */
function meet(left: number[], spanA: number, right: number[], spanB: number, distance: number): boolean {
  let from = 0;
  for (const a of left) {
    // b's last word at or after a - distance - 1, its first at or before a's last + distance + 1.
    while (from < right.length && right[from]! + spanB < a - distance - 1) from++;
    if (from === right.length) return false;
    if (right[from]! <= a + spanA + distance + 1) return true;
  }
  return false;
}
