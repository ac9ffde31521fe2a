import { runSteps, type Steps } from '../steps/run-steps';
import type { Db } from '../sqlite/open-database';
import { termOf } from './analyse';
import { docKey, keyField, keyOrd } from './postings';
import { PostingsPool } from './postings-pool';
import { SEARCH_FIELDS } from './search-fields';
import { WordTable } from './word-table';

export type IndexableDocument = {
  title: string;
  text: string;
  author?: string;
  source?: string;
};

/** BM25's length normalisation (the saturation, k1, is applied at query time: query-scores.ts). */
const B = 0.75;

/**
 * Indexes documents (their position in the array is their ord) into the corpus file's
 * search tables: one row of packed postings per term (search_terms) and the vocabulary of
 * words as written, folded, with their term (search_words) for wildcards and fuzzy matches.
 * Each entry's weight is the term's frequency in that field, length-normalised and boosted as
 * BM25F does (boost × tf / (1 − b + b × length / average length), 3 decimals): a document's
 * fields add up before saturation at query time, so a short title cannot count a word twice.
 * A term's idf comes from its postings (documents holding it) at query time.
 */
export function writeSearchIndex(db: Db, documents: readonly IndexableDocument[]): void {
  runSteps(writeSearchIndexSteps(db, documents));
}

/** Terms written between two pause points. */
const TERMS_PER_STEP = 512;

/**
 * writeSearchIndex as steps (see run-steps.ts): yields the number of documents indexed so far
 * after each document, then pauses every few hundred terms while writing.
 */
export function* writeSearchIndexSteps(db: Db, documents: readonly IndexableDocument[]): Steps<void> {
  // Imports as locals: under tsx (the command line, benches) each use of an import is a getter call.
  const fields = SEARCH_FIELDS, keyOf = docKey, fieldOf = keyField, ordOf = keyOrd;
  const fieldCount = fields.length;
  const lengths = new Uint32Array(documents.length * fieldCount);
  const totals = new Array<number>(fieldCount).fill(0);
  // Terms by number, in the order first seen; their postings in one pool (postings-pool.ts).
  const pool = new PostingsPool();
  const terms: string[] = [];
  const termNumbers = new Map<string, number>();
  // Every word as written (folded), numbered in the order first seen (word-table.ts), and the
  // number of its term.
  const words = new WordTable();
  const wordTerms: number[] = [];
  let key = 0;
  const add = (word: number, index: number, start: number, length: number) => {
    if (word === wordTerms.length) {
      const stemmed = termOf(words.words[word]!);
      let term = termNumbers.get(stemmed);
      if (term === undefined) {
        term = pool.newTerm();
        termNumbers.set(stemmed, term);
        terms.push(stemmed);
      }
      wordTerms.push(term);
    }
    pool.add(wordTerms[word]!, key, index, start, length);
  };

  for (let ord = 0; ord < documents.length; ord++) {
    const doc = documents[ord]!;
    for (let f = 0; f < fieldCount; f++) {
      key = keyOf(ord, f);
      const length = words.forEachWord(doc[fields[f]!.name] ?? '', add);
      lengths[ord * fieldCount + f] = length;
      totals[f]! += length;
    }
    yield ord + 1;
  }

  const n = Math.max(documents.length, 1);
  const averages = totals.map((total) => total / n || 1);
  const insertTerm = db.prepare('INSERT INTO search_terms (term, postings) VALUES (?, ?)');
  const insertWord = db.prepare('INSERT INTO search_words (word, term) VALUES (?, ?)');
  termNumbers.clear();
  let written = 0;
  for (let term = 0; term < terms.length; term++) {
    if (++written % TERMS_PER_STEP === 0) yield;
    const entries = pool.load(term);
    const { keys, tfs } = pool;
    const weights = new Float32Array(entries);
    for (let i = 0; i < entries; i++) {
      const key = keys[i]!;
      const f = fieldOf(key);
      const fieldLength = lengths[ordOf(key) * fieldCount + f]!;
      const weight = (fields[f]!.boost * tfs[i]!) / (1 - B + B * (fieldLength / averages[f]!));
      // Never 0: a word of a very long document still counts.
      weights[i] = Math.max(1, Math.round(weight * 1000)) / 1000;
    }
    insertTerm.run(terms[term]!, pool.encode(weights));
  }
  written = 0;
  for (const [word, text] of words.words.entries()) {
    if (++written % (TERMS_PER_STEP * 4) === 0) yield;
    insertWord.run(text, terms[wordTerms[word]!]!);
  }
}
