import { runSteps, type Steps } from '../steps/run-steps';
import type { Db } from '../sqlite/open-database';
import { termOf } from './analyse';
import { docKey, keyField, keyOrd, postingsHead } from './postings';
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
  const scanner = new IndexScanner(0, documents.length);
  for (let ord = 0; ord < documents.length; ord++) {
    scanner.add(ord, documents[ord]!);
    yield ord + 1;
  }
  yield* writeScannedSteps(db, scanner);
}

/**
 * What indexing documents gathers before anything is written: every word (folded) numbered in
 * the order first seen (word-table.ts) with the number of its term, the terms in the order first
 * seen with their postings in one pool (postings-pool.ts), and each field's length in words.
 * The whole corpus in one (writeSearchIndexSteps), or a run of documents (indexChunk) of
 * several merged in document order (writeMergedIndexSteps).
 */
export class IndexScanner {
  readonly pool = new PostingsPool();
  readonly terms: string[] = [];
  readonly words = new WordTable();
  readonly wordTerms: number[] = [];
  /** Per document from `from` on, per field: its length in words. */
  readonly lengths: Uint32Array;
  private readonly termNumbers = new Map<string, number>();
  private key = 0;
  private readonly visit: (word: number, index: number, start: number, length: number) => void;

  constructor(
    readonly from: number,
    readonly count: number,
  ) {
    this.lengths = new Uint32Array(count * SEARCH_FIELDS.length);
    const { pool, terms, termNumbers, words, wordTerms } = this;
    this.visit = (word, index, start, length) => {
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
      pool.add(wordTerms[word]!, this.key, index, start, length);
    };
  }

  /** Indexes document ord (the next one, from `from` on). */
  add(ord: number, doc: IndexableDocument): void {
    // Imports as locals: under tsx (the command line, benches) each use of an import is a getter call.
    const fields = SEARCH_FIELDS, keyOf = docKey;
    const fieldCount = fields.length;
    const at = (ord - this.from) * fieldCount;
    for (let f = 0; f < fieldCount; f++) {
      this.key = keyOf(ord, f);
      this.lengths[at + f] = this.words.forEachWord(doc[fields[f]!.name] ?? '', this.visit);
    }
  }
}

/** BM25F weights of a term's entries, 3 decimals, never 0 (see writeSearchIndex). */
function weightsOf(entries: number, keys: Uint32Array, tfs: Uint32Array, lengths: Uint32Array, averages: readonly number[]): Float32Array {
  const fields = SEARCH_FIELDS, fieldOf = keyField, ordOf = keyOrd;
  const fieldCount = fields.length;
  const weights = new Float32Array(entries);
  for (let i = 0; i < entries; i++) {
    const key = keys[i]!;
    const f = fieldOf(key);
    const fieldLength = lengths[ordOf(key) * fieldCount + f]!;
    const weight = (fields[f]!.boost * tfs[i]!) / (1 - B + B * (fieldLength / averages[f]!));
    // Never 0: a word of a very long document still counts.
    weights[i] = Math.max(1, Math.round(weight * 1000)) / 1000;
  }
  return weights;
}

/** Each field's average length over documents, from their lengths (1 for a field never filled). */
function averagesOf(lengths: Uint32Array, documents: number): number[] {
  const fieldCount = SEARCH_FIELDS.length;
  const totals = new Array<number>(fieldCount).fill(0);
  for (let i = 0; i < lengths.length; i++) totals[i % fieldCount]! += lengths[i]!;
  const n = Math.max(documents, 1);
  return totals.map((total) => total / n || 1);
}

function* writeScannedSteps(db: Db, scanner: IndexScanner): Steps<void> {
  const { pool, terms, words, wordTerms, lengths } = scanner;
  const averages = averagesOf(lengths, scanner.count);
  const insertTerm = db.prepare('INSERT INTO search_terms (term, postings) VALUES (?, ?)');
  const insertWord = db.prepare('INSERT INTO search_words (word, term) VALUES (?, ?)');
  let written = 0;
  for (let term = 0; term < terms.length; term++) {
    if (++written % TERMS_PER_STEP === 0) yield;
    const entries = pool.load(term);
    insertTerm.run(terms[term]!, pool.encode(weightsOf(entries, pool.keys, pool.tfs, lengths, averages)));
  }
  written = 0;
  for (const [word, text] of words.words.entries()) {
    if (++written % (TERMS_PER_STEP * 4) === 0) yield;
    insertWord.run(text, terms[wordTerms[word]!]!);
  }
}

/**
 * The index of a run of documents (ord `from` on), as plain arrays a thread can hand over:
 * its words and terms in the order first seen, and each term's entries (keys, term
 * frequencies, bytes of occurrences) and occurrence bytes, term after term.
 */
export type IndexChunk = {
  from: number;
  count: number;
  lengths: Uint32Array;
  words: string[];
  /** Per word: the number of its term (in this chunk). */
  wordTerms: Int32Array;
  terms: string[];
  /** Per term: how many entries. */
  termEntries: Uint32Array;
  keys: Uint32Array;
  tfs: Uint32Array;
  /** Per entry: the bytes of its occurrences. */
  entryBytes: Uint32Array;
  occurrences: Uint8Array;
};

/** Indexes documents from, from + 1, … as one chunk (see writeMergedIndexSteps). */
export function indexChunk(from: number, documents: readonly IndexableDocument[]): IndexChunk {
  const scanner = new IndexScanner(from, documents.length);
  documents.forEach((doc, k) => scanner.add(from + k, doc));
  return chunkOf(scanner);
}

/** The arrays of a scanner's index (IndexChunk). */
export function chunkOf(scanner: IndexScanner): IndexChunk {
  const { pool, terms } = scanner;
  const termEntries = new Uint32Array(terms.length);
  let entries = 0;
  let bytes = 0;
  for (let term = 0; term < terms.length; term++) {
    termEntries[term] = pool.entryCount(term);
    entries += termEntries[term]!;
    bytes += pool.occurrenceBytes(term);
  }
  const keys = new Uint32Array(entries);
  const tfs = new Uint32Array(entries);
  const entryBytes = new Uint32Array(entries);
  const occurrences = new Uint8Array(bytes);
  let e = 0;
  let b = 0;
  for (let term = 0; term < terms.length; term++) {
    const n = pool.load(term);
    keys.set(pool.keys.subarray(0, n), e);
    tfs.set(pool.tfs.subarray(0, n), e);
    let previousEnd = 0;
    const ends = pool.loadedEnds;
    for (let i = 0; i < n; i++) {
      entryBytes[e + i] = ends[i]! - previousEnd;
      previousEnd = ends[i]!;
    }
    e += n;
    b = pool.copyOccurrences(term, occurrences, b);
  }
  return { from: scanner.from, count: scanner.count, lengths: scanner.lengths, words: scanner.words.words, wordTerms: Int32Array.from(scanner.wordTerms), terms, termEntries, keys, tfs, entryBytes, occurrences };
}

/**
 * Writes the index of chunks of consecutive documents (in document order, from 0, every
 * document in one): the same rows, in the same order, with the same bytes, as
 * writeSearchIndexSteps over all of them. Words and terms are numbered in the order first seen
 * chunk after chunk, which is the order a single scan sees them in; a term's entries are its
 * chunks' one after the other (keys grow with the document), their occurrences as they are.
 */
export function* writeMergedIndexSteps(db: Db, chunks: readonly IndexChunk[]): Steps<void> {
  const fieldCount = SEARCH_FIELDS.length;
  const documents = chunks.reduce((sum, c) => sum + c.count, 0);
  const lengths = new Uint32Array(documents * fieldCount);
  let next = 0;
  for (const c of chunks) {
    if (c.from !== next) throw new Error(`index chunks out of order: documents from ${c.from} where ${next} was next`);
    lengths.set(c.lengths, c.from * fieldCount);
    next += c.count;
  }
  const averages = averagesOf(lengths, documents);
  // Terms numbered chunk after chunk; per chunk, the number of each of its terms.
  const termNumbers = new Map<string, number>();
  const terms: string[] = [];
  const globalOf = chunks.map((c) =>
    Int32Array.from(c.terms, (term) => {
      let number = termNumbers.get(term);
      if (number === undefined) {
        number = terms.length;
        termNumbers.set(term, number);
        terms.push(term);
      }
      return number;
    }),
  );
  termNumbers.clear();
  // Per chunk: per global term, its term there (-1: none), where its entries and bytes start.
  const localOf = chunks.map((c, k) => {
    const local = new Int32Array(terms.length).fill(-1);
    globalOf[k]!.forEach((g, t) => (local[g] = t));
    return local;
  });
  const entryStarts = chunks.map((c) => {
    const starts = new Float64Array(c.terms.length + 1);
    for (let t = 0; t < c.terms.length; t++) starts[t + 1] = starts[t]! + c.termEntries[t]!;
    return starts;
  });
  const byteStarts = chunks.map((c, k) => {
    const starts = new Float64Array(c.terms.length + 1);
    const entries = entryStarts[k]!;
    for (let t = 0; t < c.terms.length; t++) {
      let bytes = 0;
      for (let e = entries[t]!; e < entries[t + 1]!; e++) bytes += c.entryBytes[e]!;
      starts[t + 1] = starts[t]! + bytes;
    }
    return starts;
  });
  const insertTerm = db.prepare('INSERT INTO search_terms (term, postings) VALUES (?, ?)');
  const insertWord = db.prepare('INSERT INTO search_words (word, term) VALUES (?, ?)');
  let keys: Uint32Array = new Uint32Array(1024);
  let tfs: Uint32Array = new Uint32Array(1024);
  let ends: Uint32Array = new Uint32Array(1024);
  let scratch = new Uint8Array(1 << 16);
  let written = 0;
  for (let g = 0; g < terms.length; g++) {
    if (++written % TERMS_PER_STEP === 0) yield;
    let n = 0;
    let used = 0;
    for (let k = 0; k < chunks.length; k++) {
      const t = localOf[k]![g]!;
      if (t < 0) continue;
      const c = chunks[k]!;
      const from = entryStarts[k]![t]!;
      const to = entryStarts[k]![t + 1]!;
      if (n + to - from > keys.length) {
        const size = Math.max(n + to - from, keys.length * 2);
        keys = grown(keys, size);
        tfs = grown(tfs, size);
        ends = grown(ends, size);
      }
      for (let e = from; e < to; e++, n++) {
        keys[n] = c.keys[e]!;
        tfs[n] = c.tfs[e]!;
        used += c.entryBytes[e]!;
        ends[n] = used;
      }
    }
    const weights = weightsOf(n, keys, tfs, lengths, averages);
    // As PostingsPool#encode: the head, then the occurrences chunk after chunk.
    if (scratch.length < n * 15) scratch = new Uint8Array(n * 15);
    const { buffer, at: head } = postingsHead(scratch, n, keys, weights, ends, used);
    let at = head;
    for (let k = 0; k < chunks.length; k++) {
      const t = localOf[k]![g]!;
      if (t < 0) continue;
      const occurrences = chunks[k]!.occurrences.subarray(byteStarts[k]![t]!, byteStarts[k]![t + 1]!);
      buffer.set(occurrences, at);
      at += occurrences.length;
    }
    insertTerm.run(terms[g]!, buffer);
  }
  // Words as first seen, chunk after chunk, each with its term.
  const seen = new Set<string>();
  written = 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    for (let w = 0; w < c.words.length; w++) {
      const word = c.words[w]!;
      if (seen.has(word)) continue;
      seen.add(word);
      if (++written % (TERMS_PER_STEP * 4) === 0) yield;
      insertWord.run(word, terms[globalOf[k]![c.wordTerms[w]!]!]!);
    }
  }
}

function grown(array: Uint32Array, size: number): Uint32Array {
  const bigger = new Uint32Array(size);
  bigger.set(array);
  return bigger;
}
