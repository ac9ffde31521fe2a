import { foldWord } from './normalise';
import {
  QuerySyntaxError,
  type Clause,
  type Operand,
  type ParsedQuery,
  type Presence,
  type WordOperand,
} from './query-syntax';
import { SEARCH_FIELDS, type SearchFieldName } from './search-fields';
import { tokenise } from './tokenise';

export const MAX_QUERY_LENGTH = 1000;
export const MAX_CLAUSES = 100;
export const MAX_EDIT_DISTANCE = 2;
export const MAX_NEAR_DISTANCE = 100;
/** Each wildcard or fuzzy word scans the vocabulary and may stand for 200 words. */
export const MAX_EXPANDED_WORDS = 10;

const FIELD_NAMES = new Set<string>(SEARCH_FIELDS.map((f) => f.name));
const FIELD_LIST = SEARCH_FIELDS.map((f) => `${f.name}:`).join(', ');
const NEAR = /^NEAR\/(.*)$/i;

/** AND, OR and NOT in capitals, as other search boxes read them; in lower case they are words. */
type Operator = 'AND' | 'OR' | 'NOT';
const OPERATORS = new Set<string>(['AND', 'OR', 'NOT']);

type Item = { presence: Presence; field?: SearchFieldName; boost: number; operand: Operand; near?: string; operator?: Operator };

/**
 * Reads Carrel's query language, Lunr's plus phrases and proximity:
 *   word  "exact phrase"  title:word  +required  -excluded  propagand*  caliphat~1  word^2
 *   a NEAR/5 b   a AND b   a OR b   NOT a   a AND NOT b
 * Anything unreadable raises QuerySyntaxError with a message for the user; small slips that
 * have an obvious reading (an unclosed quotation mark) are read that way, with a notice.
 */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(`Queries are limited to ${MAX_QUERY_LENGTH.toLocaleString('en')} characters.`);
  }
  const notices: string[] = [];
  const items: Item[] = [];
  let i = 0;
  const n = input.length;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

  while (i < n) {
    if (isSpace(input[i])) {
      i++;
      continue;
    }
    // A bare NEAR/n joins the previous and next items.
    const chunkEnd = (() => {
      let j = i;
      while (j < n && !isSpace(input[j])) j++;
      return j;
    })();
    const chunkText = input.slice(i, chunkEnd);
    if (OPERATORS.has(chunkText)) {
      items.push({ presence: 'optional', boost: 1, operand: { kind: 'word', raw: '', word: '', wildcard: false, editDistance: 0 }, operator: chunkText as Operator });
      i = chunkEnd;
      continue;
    }
    const nearMatch = NEAR.exec(chunkText);
    if (nearMatch) {
      items.push({ presence: 'optional', boost: 1, operand: { kind: 'word', raw: '', word: '', wildcard: false, editDistance: 0 }, near: nearMatch[1] });
      i = chunkEnd;
      continue;
    }

    let presence: Presence = 'optional';
    if (input[i] === '+' || input[i] === '-') {
      presence = input[i] === '+' ? 'required' : 'prohibited';
      i++;
      if (input[i] === '+' || input[i] === '-') {
        throw new QuerySyntaxError('Use a single "+" (must contain) or "-" (must not contain) directly before a word, as in +caliphate -propaganda.');
      }
      if (i >= n || isSpace(input[i])) {
        throw new QuerySyntaxError('A "+" or "-" must be followed directly by a word, as in +caliphate or -propaganda.');
      }
    }

    let field: SearchFieldName | undefined;
    const colon = input.slice(i, chunkEnd).search(/[:"]/);
    if (colon !== -1 && input[i + colon] === ':') {
      const name = input.slice(i, i + colon);
      if (name === '') throw new QuerySyntaxError(`Type a field name before ":", as in title:caliphate. Fields: ${FIELD_LIST}`);
      if (!FIELD_NAMES.has(name.toLowerCase())) {
        throw new QuerySyntaxError(`"${name}:" is not a field that can be searched. Fields: ${FIELD_LIST}`);
      }
      field = name.toLowerCase() as SearchFieldName;
      i += colon + 1;
      if (i >= n || isSpace(input[i])) throw new QuerySyntaxError(`Type a word or a "phrase" right after "${name}:", as in ${name}:caliphate.`);
    }

    let operand: Operand;
    let modifiers: string;
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      const inner = input.slice(i + 1, close === -1 ? n : close);
      if (close === -1) notices.push('The closing quotation mark is missing: searched for the phrase as typed.');
      i = close === -1 ? n : close + 1;
      let j = i;
      while (j < n && !isSpace(input[j]) && input[j] !== '"') j++;
      modifiers = input.slice(i, j);
      i = j;
      const phrase = phraseOperand(inner, `"${inner}"`);
      operand = phrase;
      if (phrase.words.length === 0) throw new QuerySyntaxError('The quotation marks contain no words to search for.');
    } else {
      let j = i;
      while (j < n && !isSpace(input[j]) && input[j] !== '"') j++;
      const chunk = input.slice(i, j);
      i = j;
      const cut = chunk.search(/[~^]/);
      const raw = cut === -1 ? chunk : chunk.slice(0, cut);
      modifiers = cut === -1 ? '' : chunk.slice(cut);
      if (raw === '') {
        throw new QuerySyntaxError(`"${chunk}": "~" and "^" go right after a word: caliphat~1 also finds words a letter apart, caliphate^5 weighs a word more.`);
      }
      if (raw.includes(':')) throw new QuerySyntaxError(`"${raw}": use one field prefix per word, as in title:caliphate. Fields: ${FIELD_LIST}`);
      operand = wordOrPhrase(raw);
    }

    const { boost, editDistance } = readModifiers(modifiers, operand, notices);
    if (editDistance > 0) {
      if (operand.kind !== 'word') throw new QuerySyntaxError('"~" (fuzzy) applies to a single word, as in caliphat~1, not to a phrase.');
      if (operand.wildcard) throw new QuerySyntaxError(`"${operand.raw}": use either "*" or "~" on a word, not both.`);
      operand.editDistance = editDistance;
    }
    if (operand.kind === 'phrase' && operand.words.length === 0) continue; // only punctuation: nothing to find
    items.push({ presence, field, boost, operand });
  }

  const expanded = items.filter((item) => item.operand.kind === 'word' && (item.operand.wildcard || item.operand.editDistance > 0));
  if (expanded.length > MAX_EXPANDED_WORDS) {
    throw new QuerySyntaxError(`This query has ${expanded.length} words with "*" or "~"; at most ${MAX_EXPANDED_WORDS} are searched at once.`);
  }
  const clauses = applyOperators(joinNear(items));
  if (clauses.length > MAX_CLAUSES) {
    throw new QuerySyntaxError(`This query has ${clauses.length} parts; at most ${MAX_CLAUSES} are searched at once. Shorten it.`);
  }
  return { clauses, notices };
}

function phraseOperand(text: string, raw: string): Operand & { kind: 'phrase' } {
  const tokens = tokenise(text);
  const first = tokens[0]?.index ?? 0;
  return { kind: 'phrase', raw, words: tokens.map((t) => ({ word: t.word, offset: t.index - first })) };
}

/** A typed chunk: one word (maybe with wildcards), or several (x-ray, U.S.) read as a phrase. */
function wordOrPhrase(raw: string): Operand {
  if (raw.includes('*')) {
    if (raw.startsWith('*')) {
      throw new QuerySyntaxError(`"${raw}": a word cannot start with "*" (that would search every word). Type at least one letter before it, as in propagand*.`);
    }
    const pieces = raw.split('*').map((piece) => (piece === '' ? '' : tokenise(piece)));
    if (pieces.some((piece) => piece !== '' && piece.length > 1) || /[\s"]/.test(raw)) {
      throw new QuerySyntaxError(`"${raw}": a wildcard "*" works inside a single word, as in propagand*.`);
    }
    const word = raw.split('*').map((piece) => foldWord(piece)).join('*');
    if (word.replace(/\*/g, '') === '') throw new QuerySyntaxError(`"${raw}": type at least one letter before "*", as in propagand*.`);
    return { kind: 'word', raw, word, wildcard: true, editDistance: 0 };
  }
  const tokens = tokenise(raw);
  if (tokens.length === 1) return { kind: 'word', raw, word: tokens[0]!.word, wildcard: false, editDistance: 0 } satisfies WordOperand;
  return phraseOperand(raw, raw);
}

function readModifiers(text: string, operand: Operand, notices: string[]): { boost: number; editDistance: number } {
  let boost = 1;
  let editDistance = 0;
  const re = /([~^])([^~^]*)/g;
  let consumed = 0;
  for (const match of text.matchAll(re)) {
    consumed += match[0].length;
    const [, mark, value] = match as unknown as [string, string, string];
    if (mark === '^') {
      if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) {
        throw new QuerySyntaxError(`"^${value}": a boost is a positive number after "^", as in ${operand.raw || 'caliphate'}^5.`);
      }
      boost = Math.min(Number(value), 1000);
    } else {
      if (value !== '' && !/^\d+$/.test(value)) {
        throw new QuerySyntaxError(`"~${value}": a fuzzy match takes a number of letters that may differ, as in caliphat~1.`);
      }
      editDistance = value === '' ? 1 : Number(value);
      if (editDistance > MAX_EDIT_DISTANCE) {
        notices.push(`"${operand.raw}~${value}": fuzzy matches allow at most ${MAX_EDIT_DISTANCE} differing letters; searched with ~${MAX_EDIT_DISTANCE}.`);
        editDistance = MAX_EDIT_DISTANCE;
      }
    }
  }
  if (consumed !== text.length) throw new QuerySyntaxError(`"${text}" cannot be read after ${operand.raw}.`);
  return { boost, editDistance };
}

type Joined = Clause | { operator: Operator };

const isOperator = (entry: Joined | undefined): entry is { operator: Operator } => entry !== undefined && 'operator' in entry;

/** Folds `a NEAR/n b NEAR/m c` sequences into single clauses; AND, OR and NOT stay between them. */
function joinNear(items: Item[]): Joined[] {
  const clauses: Joined[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.operator !== undefined) {
      clauses.push({ operator: item.operator });
      continue;
    }
    if (item.near !== undefined) {
      const previous = clauses[clauses.length - 1];
      const next = items[k + 1];
      const distance = item.near;
      if (!/^\d+$/.test(distance)) {
        throw new QuerySyntaxError('NEAR needs a distance in words right after the slash, as in caliph NEAR/5 baghdad.');
      }
      if (!previous || isOperator(previous) || !next || next.near !== undefined || next.operator !== undefined || k === 0 || items[k - 1]!.near !== undefined) {
        throw new QuerySyntaxError('NEAR/n joins two words or phrases, one on each side, as in caliph NEAR/5 baghdad.');
      }
      if (next.presence !== 'optional' || next.field !== undefined) {
        throw new QuerySyntaxError('Put "+", "-" or a field prefix before the first word of a NEAR group, as in +title:caliph NEAR/5 baghdad.');
      }
      previous.operands.push(next.operand);
      previous.distances.push(Math.min(Number(distance), MAX_NEAR_DISTANCE));
      k++;
      continue;
    }
    clauses.push({
      presence: item.presence,
      fields: item.field ? [item.field] : undefined,
      boost: item.boost,
      operands: [item.operand],
      distances: [],
    });
  }
  return clauses;
}

/**
 * AND makes the clauses on both sides required (as "+"), NOT the clause after it prohibited
 * (as "-"), OR leaves both sides optional (what words alone already mean: either one, documents
 * holding both first). A "+" or "-" typed beside them is kept. Without brackets, AND and OR in
 * one query would be read differently by different search boxes, so that is refused.
 */
function applyOperators(joined: Joined[]): Clause[] {
  const used = new Set(joined.filter(isOperator).map((entry) => entry.operator));
  if (used.has('AND') && used.has('OR')) {
    throw new QuerySyntaxError('AND and OR cannot be mixed in one query (Carrel does not read brackets). Words alone are either-or already: put "+" before the ones that must be there, as in +caliphate propaganda media.');
  }
  const clauses: Clause[] = [];
  const require = (clause: Clause) => {
    if (clause.presence === 'optional') clause.presence = 'required';
  };
  for (let k = 0; k < joined.length; k++) {
    const entry = joined[k]!;
    if (!isOperator(entry)) {
      clauses.push(entry);
      continue;
    }
    const next = joined[k + 1];
    if (entry.operator === 'NOT') {
      if (next === undefined || isOperator(next)) {
        throw new QuerySyntaxError('NOT goes right before a word or "phrase" to leave out, as in caliphate NOT iraq.');
      }
      if (next.presence !== 'optional') throw new QuerySyntaxError('Use NOT or "-" before a word, not both with "+" or "-", as in caliphate NOT iraq.');
      next.presence = 'prohibited';
      continue;
    }
    const previous = joined[k - 1];
    const nextClause = entry.operator === 'AND' && isOperator(next) && next.operator === 'NOT' ? joined[k + 2] : next;
    if (previous === undefined || isOperator(previous) || nextClause === undefined || isOperator(nextClause)) {
      throw new QuerySyntaxError(`${entry.operator} joins two words or "phrases", one on each side, as in caliphate ${entry.operator} khilafah.`);
    }
    if (entry.operator === 'AND') {
      require(previous);
      if (nextClause === next) require(nextClause);
    }
  }
  return clauses;
}
