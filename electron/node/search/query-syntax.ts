import type { SearchFieldName } from './search-fields';

/** A query the user typed that cannot be read; the message is shown as is. */
export class QuerySyntaxError extends Error {}

export type Presence = 'optional' | 'required' | 'prohibited';

/** One word as typed: folded, maybe with wildcards (`*`) or an edit distance (`~n`). */
export type WordOperand = {
  kind: 'word';
  raw: string;
  /** Folded word; with `*` kept where the wildcards are. */
  word: string;
  wildcard: boolean;
  editDistance: number;
};

/** Consecutive words; `offset` is each word's place relative to the first (stop words count). */
export type PhraseOperand = { kind: 'phrase'; raw: string; words: { word: string; offset: number }[] };

export type Operand = WordOperand | PhraseOperand;

export type Clause = {
  presence: Presence;
  /** Fields searched; undefined = every field. */
  fields?: SearchFieldName[];
  boost: number;
  /** One operand, or several joined by NEAR/n (distances[i] between operands i and i+1). */
  operands: Operand[];
  distances: number[];
};

export type ParsedQuery = { clauses: Clause[]; notices: string[] };
