import { FIELD_BITS } from './postings';
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
 * phrase, the indices from which each word stands at its offset, driven by the word with the
 * fewest occurrences in this field and checked in the others by a forward merge.
 */
export function operandStarts(operand: ResolvedOperand, tables: SearchTables, key: number): number[] {
  const slots = operand.slots;
  if (slots.length === 1) return slotPositions(slots[0]!, tables, key);
  const head = slots[0]!.offset;
  const lists: { positions: number[]; delta: number }[] = [];
  for (const slot of slots) {
    const positions = slotPositions(slot, tables, key);
    if (positions.length === 0) return [];
    lists.push({ positions, delta: slot.offset - head });
  }
  let driver = 0;
  for (let i = 1; i < lists.length; i++) if (lists[i]!.positions.length < lists[driver]!.positions.length) driver = i;
  const cursors = new Array<number>(lists.length).fill(0);
  const out: number[] = [];
  const { positions: driving, delta: drivingDelta } = lists[driver]!;
  for (const position of driving) {
    const start = position - drivingDelta;
    if (start < 0) continue;
    let all = true;
    for (let i = 0; i < lists.length && all; i++) {
      if (i === driver) continue;
      const { positions, delta } = lists[i]!;
      const target = start + delta;
      let c = cursors[i]!;
      while (c < positions.length && positions[c]! < target) c++;
      cursors[i] = c;
      all = c < positions.length && positions[c] === target;
    }
    if (all) out.push(start);
  }
  return out;
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
