import type { Presence } from './query-syntax';

/** A word's place in a phrase (offset from its first word) and the index terms it stands for. */
export type Slot = { terms: string[]; offset: number };
/** A word (one slot) or a phrase (slots at word offsets), resolved to index terms. */
export type ResolvedOperand = { slots: Slot[]; phrase: boolean };
/** One clause of a query: its operands joined by NEAR/distances[i], the field numbers it searches. */
export type ResolvedClause = { presence: Presence; fields: number[]; boost: number; operands: ResolvedOperand[]; distances: number[] };

export type PreparedQuery = { clauses: ResolvedClause[]; notices: string[] };

/** Whether a clause matches on word positions (a phrase or a NEAR group), not on a word alone. */
export const isPositional = (clause: ResolvedClause): boolean => clause.operands.length > 1 || clause.operands[0]!.phrase;
