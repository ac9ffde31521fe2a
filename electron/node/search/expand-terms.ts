import { termOf } from './analyse';
import type { WordOperand } from './query-syntax';
import type { SearchTables, WordEntry } from './search-tables';

/** Most indexed words a wildcard or fuzzy word may stand for; beyond, the query is bounded. */
export const MAX_EXPANSIONS = 200;
/** Most words scanned for a wildcard with letters after its "*". */
const MAX_PATTERN_SCAN = 50_000;

export type Expansion = { terms: string[] };

/**
 * The index terms a typed word stands for: its stem; for `propagand*` the terms of every
 * indexed word with that prefix; for `caliphat~1` those of every word within one edit.
 * Wildcards and fuzzy words match words as written (then their terms), so that
 * `caliphat*` finds "caliphates" although the index stores the stem "caliph".
 */
export function expandWord(operand: WordOperand, tables: SearchTables, notices: string[]): Expansion {
  if (!operand.wildcard && operand.editDistance === 0) {
    return { terms: [termOf(operand.word)] };
  }
  let entries: WordEntry[];
  if (operand.wildcard) {
    const [prefix = ''] = operand.word.split('*');
    const simple = operand.word === `${prefix}*`;
    if (simple) {
      entries = tables.wordsWithPrefix(prefix, MAX_EXPANSIONS + 1);
    } else {
      const pattern = new RegExp(`^${operand.word.split('*').map(escapeRegExp).join('.*')}$`, 'u');
      entries = tables.wordsWithPrefix(prefix, MAX_PATTERN_SCAN).filter((entry) => pattern.test(entry.word));
    }
  } else {
    entries = fuzzyWords(operand.word, operand.editDistance, tables.allWords());
  }
  if (entries.length > MAX_EXPANSIONS) {
    notices.push(`"${operand.raw}" matches more than ${MAX_EXPANSIONS} different words; only the ${MAX_EXPANSIONS} closest were searched. Type more letters to narrow it.`);
    entries = entries.slice(0, MAX_EXPANSIONS);
  }
  return { terms: [...new Set(entries.map((entry) => entry.term))] };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words within `distance` edits of `word`, closest (then shortest) first. */
function fuzzyWords(word: string, distance: number, words: readonly WordEntry[]): WordEntry[] {
  const found: { entry: WordEntry; d: number }[] = [];
  const measure = boundedLevenshtein(word, distance);
  for (const entry of words) {
    if (Math.abs(entry.word.length - word.length) > distance) continue;
    const d = measure(entry.word);
    if (d <= distance) found.push({ entry, d });
  }
  found.sort((a, b) => a.d - b.d || a.entry.word.length - b.entry.word.length || (a.entry.word < b.entry.word ? -1 : 1));
  return found.map((f) => f.entry);
}

/**
 * Edit distance from `a` (fixed) to any word, or max + 1 as soon as it is known to exceed
 * max. Rows are reused typed arrays: the whole vocabulary is scanned for a fuzzy word.
 */
export function boundedLevenshtein(a: string, max: number): (b: string) => number {
  let previous = new Int32Array(a.length + 1);
  let current = new Int32Array(a.length + 1);
  return (b) => {
    for (let i = 0; i <= a.length; i++) previous[i] = i;
    for (let j = 1; j <= b.length; j++) {
      current[0] = j;
      let rowMin = j;
      const cb = b.charCodeAt(j - 1);
      for (let i = 1; i <= a.length; i++) {
        const cost = a.charCodeAt(i - 1) === cb ? 0 : 1;
        const value = Math.min(previous[i]! + 1, current[i - 1]! + 1, previous[i - 1]! + cost);
        current[i] = value;
        if (value < rowMin) rowMin = value;
      }
      if (rowMin > max) return max + 1;
      [previous, current] = [current, previous];
    }
    return previous[a.length]!;
  };
}
