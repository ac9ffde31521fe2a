import type { Db } from '../electron/node/sqlite/open-database';
import lunr from 'lunr';

export const QUERY_KINDS = ['one-word', 'two-word', 'phrase', 'near'] as const;
export type BenchQuery = { kind: (typeof QUERY_KINDS)[number]; carrel: string; fts5: string };

/** Deterministic pseudo-random numbers (same queries on every run). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORD = /[A-Za-z]+/g;
const quote = (w: string) => `"${w}"`;

/**
 * Realistic queries drawn from the corpus itself: a content word of a random document,
 * two content words of one document, two or three consecutive words as a phrase, and two
 * content words at most five words apart as `a NEAR/5 b` (FTS5: `NEAR("a" "b", 5)`, the same
 * bound: at most five words between them, in either order).
 * FTS5 gets the same words with Lunr's OR semantics for free words.
 */
export function makeQueries(db: Db, perKind: number, seed = 7): BenchQuery[] {
  const random = prng(seed);
  const count = (db.prepare('SELECT COUNT(*) FROM documents').pluck().get() as number) || 1;
  const text = db.prepare('SELECT text FROM documents WHERE ord = ?').pluck();
  // Words people search for: not Lunr's stop words, at least four letters.
  const isStopWord = (w: string) => !(lunr.stopWordFilter as unknown as (t: lunr.Token) => lunr.Token | undefined)(new lunr.Token(w, {}));
  const contentWords = (words: string[]) => words.filter((w) => w.length >= 4 && !isStopWord(w.toLowerCase()));
  const pickDoc = () => {
    for (;;) {
      const body = text.get(Math.floor(random() * count)) as string;
      const words = body.match(WORD) ?? [];
      if (contentWords(words).length >= 2) return { body, words };
    }
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const queries: BenchQuery[] = [];
  // Distinct queries: a word on every dictionary entry ("Webster") would otherwise be drawn again and again.
  const seen = new Set<string>();
  const add = (query: BenchQuery) => {
    if (seen.has(query.carrel)) return;
    seen.add(query.carrel);
    queries.push(query);
  };
  while (queries.length < perKind) {
    const w = pick(contentWords(pickDoc().words)).toLowerCase();
    add({ kind: 'one-word', carrel: w, fts5: quote(w) });
  }
  while (queries.length < perKind * 2) {
    const words = contentWords(pickDoc().words);
    const a = pick(words).toLowerCase();
    const b = pick(words).toLowerCase();
    if (a !== b) add({ kind: 'two-word', carrel: `${a} ${b}`, fts5: `${quote(a)} OR ${quote(b)}` });
  }
  while (queries.length < perKind * 3) {
    const { body } = pickDoc();
    // Consecutive words with only spaces between them, at least one a content word.
    const runs = body.match(/[A-Za-z]+(?: [A-Za-z]+){1,2}/g) ?? [];
    const candidates = runs.filter((run) => contentWords(run.split(' ')).length > 0);
    if (candidates.length === 0) continue;
    const phrase = pick(candidates).toLowerCase();
    add({ kind: 'phrase', carrel: `"${phrase}"`, fts5: `"${phrase}"` });
  }
  while (queries.length < perKind * 4) {
    const { words } = pickDoc();
    const at = Math.floor(random() * words.length);
    const a = words[at]!.toLowerCase();
    const nearby = contentWords(words.slice(at + 1, at + 6)).map((w) => w.toLowerCase());
    if (contentWords([a]).length === 0 || nearby.length === 0) continue;
    const b = pick(nearby);
    if (a !== b) add({ kind: 'near', carrel: `${a} NEAR/5 ${b}`, fts5: `NEAR(${quote(a)} ${quote(b)}, 5)` });
  }
  return queries;
}

/** Free-text query of a verse for relevance runs: its words, for each engine's syntax. */
export function verseQuery(text: string): { carrel: string; fts5: string } {
  return wordsQuery((text.match(/[A-Za-z]+/g) ?? []).slice(0, 90).map((w) => w.toLowerCase()));
}

/** Free words as a query for each engine, with the same OR semantics (at most 1,000 characters). */
export function wordsQuery(list: readonly string[]): { carrel: string; fts5: string } {
  const words = [...list];
  while (words.join(' ').length > 1000) words.pop();
  return { carrel: words.join(' '), fts5: words.map(quote).join(' OR ') };
}
