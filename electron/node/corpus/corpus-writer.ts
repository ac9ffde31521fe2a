import { writeMergedIndexSteps, writeSearchIndexSteps, type IndexableDocument } from '../search/build-search-index';
import { startIndexPass, type IndexPass } from '../search/index-pass';
import { openDatabase, type Db } from '../sqlite/open-database';
import type { Steps } from '../steps/run-steps';
import { CORPUS_APPLICATION_ID, CORPUS_FORMAT_VERSION, CORPUS_SCHEMA } from './corpus-format';
import { applyFolds, type FoldedBlock, type LineFold } from './fold-lines';
import { checkedHeadings, headingsFromBlocks } from './headings';
import type { SourceDocument } from './parse-source';
import { RepeatedPassageFinder } from './repeated-passages';
import { startEntityPass, type EntityBatch, type EntityPass } from '../entities/entity-pass';
import type { WorkerEntry } from '../query-worker/worker-entry';

export type PreparedDocument = Omit<SourceDocument, 'blocks'> & { blocks: FoldedBlock[]; sha256: string; wordCount: number };

/** Documents per transaction: big enough to be fast, small enough to keep memory flat. */
const BATCH_DOCUMENTS = 2000;
const BATCH_CHARS = 16 * 1024 * 1024;
/** Most paragraph rows in one INSERT. */
const BLOCKS_PER_INSERT = 16;
/** Documents just stored kept for an entity pass, at most (and their characters). */
const RECENT_DOCUMENTS = 1024;
const RECENT_CHARS = 8 * 1024 * 1024;
/** Surrogates: characters beyond the BMP (documents.text_astral). */
const ASTRAL = /[\uD800-\uDFFF]/;

export type CorpusWriter = {
  /** Stores a document and its blocks and links; returns its ord. */
  add(doc: PreparedDocument): number;
  /** Keeps a copy of a stored document's source file (a PDF, for "Show original"). */
  addOriginal(ord: number, mediaType: string, bytes: Uint8Array, sha256: string): void;
  /** Folds more lines of a stored document (lines its site repeats, known once every document is read). */
  refold(ord: number, folds: readonly LineFold[]): void;
  /**
   * Starts finding the entities of every stored document (folded lines left out): in a worker
   * thread on the given entry, fed by pump() between the steps of other work (from while
   * documents are still added), else in this thread once writeEntities() asks. complete() once
   * every document is stored and refolded.
   */
  startEntities(worker: WorkerEntry | undefined): EntityPass;
  /** Writes the entity index a pass found (finding the rest first); yields while it waits or finds. */
  writeEntities(pass: EntityPass): Steps<void>;
  /**
   * Starts indexing every stored document in worker threads on the given entry, fed by pump()
   * between the steps of other work (index-pass.ts). Once every document is stored and refolded.
   */
  startIndex(worker: WorkerEntry, threads: number): IndexPass;
  /**
   * Builds the search index from the stored documents, reading their text back one by one, or
   * merges what a pass started with startIndex found (the same index, byte for byte; indexed
   * here after all if its workers failed); yields the number of documents indexed so far, here
   * or by the workers (see run-steps.ts).
   */
  writeIndex(pass?: IndexPass): Steps<void>;
  /**
   * Finds the paragraphs repeated across the stored documents (not the folded lines) and stores
   * their groups (repeated_passages); returns the number of groups.
   */
  writeRepeatedPassages(): Steps<number>;
  /**
   * Writes the meta rows and the version mark and closes the file, leaving its compacted copy
   * in compactFile (which must not exist): the corpus, to be renamed into place.
   */
  finish(meta: Record<string, string>, compactFile: string): void;
  /** Closes the file without finishing it (the caller deletes it). */
  abort(): void;
};

/**
 * Writes a corpus file in batches, so that a build never holds every text at once. The file
 * is only marked as a corpus (user_version) at the very end: an unfinished file is never
 * taken for one.
 */
export function createCorpusWriter(file: string): CorpusWriter {
  const db = openDatabase(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma(`application_id = ${CORPUS_APPLICATION_ID}`);
  db.exec(CORPUS_SCHEMA);
  const insertDoc = db.prepare(
    `INSERT INTO documents (ord, id, title, source, author, language, original_file, source_path, format, date, description, text, text_astral, word_count, sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Blocks go in several rows per statement: a document's blocks in a few calls rather than one each.
  const insertBlocks = Array.from({ length: BLOCKS_PER_INSERT }, (_, n) =>
    db.prepare(`INSERT INTO paragraphs (doc_ord, idx, start, end, kind, lang, dir, page, fold) VALUES ${Array(n + 1).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`),
  );
  const blockValues: (number | string)[] = [];
  const insertLink = db.prepare('INSERT INTO links (doc_ord, idx, start, end, href) VALUES (?, ?, ?, ?, ?)');
  const insertOriginal = db.prepare('INSERT INTO originals (doc_ord, media_type, size, sha256, bytes) VALUES (?, ?, ?, ?, ?)');
  const insertHeading = db.prepare('INSERT INTO headings (doc_ord, idx, level, start, end, title) VALUES (?, ?, ?, ?, ?, ?)');
  let count = 0;
  /** Documents refolded (the entity pass gives those it already read again). */
  const refolded = new Set<number>();
  /**
   * Documents just stored, once an entity pass follows them: it takes them from here (text and
   * paragraphs not folded, as (ord, idx, start, end)) rather than reading them back; the oldest
   * go when too many wait (it reads those back).
   */
  let recent: Map<number, { text: string; paragraphs: number[] }> | undefined;
  let recentChars = 0;
  const forget = (ord: number) => {
    const kept = recent?.get(ord);
    if (!kept) return;
    recentChars -= kept.text.length;
    recent!.delete(ord);
  };
  let batchDocs = 0;
  let batchChars = 0;
  db.exec('BEGIN');

  const writeBlocks = (ord: number, blocks: readonly FoldedBlock[]) => {
    for (let from = 0; from < blocks.length; from += BLOCKS_PER_INSERT) {
      const to = Math.min(blocks.length, from + BLOCKS_PER_INSERT);
      blockValues.length = 0;
      for (let idx = from; idx < to; idx++) {
        const b = blocks[idx]!;
        blockValues.push(ord, idx, b.start, b.end, b.kind, b.lang ?? '', b.dir ?? '', b.page ?? '', b.fold ?? '');
      }
      insertBlocks[to - from - 1]!.run(blockValues);
    }
  };
  const selectText = db.prepare('SELECT text FROM documents WHERE ord = ?').pluck();
  const selectBlocks = db.prepare('SELECT start, end, kind, lang, dir, page, fold FROM paragraphs WHERE doc_ord = ? ORDER BY idx');
  const deleteBlocks = db.prepare('DELETE FROM paragraphs WHERE doc_ord = ?');

  const commit = () => {
    db.exec('COMMIT');
    batchDocs = 0;
    batchChars = 0;
  };

  return {
    add(doc) {
      const ord = count++;
      insertDoc.run(
        ord, doc.id, doc.title, doc.source, doc.author, doc.language, doc.originalFile, doc.sourcePath,
        doc.format, doc.date, doc.description, doc.text, ASTRAL.test(doc.text) ? 1 : 0, doc.wordCount, doc.sha256,
      );
      writeBlocks(ord, doc.blocks);
      if (recent) {
        const paragraphs: number[] = [];
        doc.blocks.forEach((b, idx) => b.fold || paragraphs.push(ord, idx, b.start, b.end));
        recent.set(ord, { text: doc.text, paragraphs });
        recentChars += doc.text.length;
        while (recent.size > RECENT_DOCUMENTS || recentChars > RECENT_CHARS) forget(recent.keys().next().value!);
      }
      doc.links.forEach((l, idx) => insertLink.run(ord, idx, l.start, l.end, l.href));
      const headings = doc.headings ? checkedHeadings(doc.text, doc.headings) : headingsFromBlocks(doc.text, doc.blocks);
      headings.forEach((h, idx) => insertHeading.run(ord, idx, h.level, h.start, h.end, h.title));
      batchDocs++;
      batchChars += doc.text.length;
      if (batchDocs >= BATCH_DOCUMENTS || batchChars >= BATCH_CHARS) {
        commit();
        db.exec('BEGIN');
      }
      return ord;
    },
    addOriginal(ord, mediaType, bytes, sha256) {
      insertOriginal.run(ord, mediaType, bytes.length, sha256, bytes);
      // Bytes weigh on the batch as text does: a folder of large PDFs commits as often.
      batchChars += bytes.length / 2;
      if (batchChars >= BATCH_CHARS) {
        commit();
        db.exec('BEGIN');
      }
    },
    refold(ord, folds) {
      const text = selectText.get(ord) as string;
      const rows = selectBlocks.all(ord) as { start: number; end: number; kind: FoldedBlock['kind']; lang: string; dir: string; page: string; fold: string }[];
      const blocks: FoldedBlock[] = rows.map((r) => ({
        start: r.start,
        end: r.end,
        kind: r.kind,
        ...(r.lang ? { lang: r.lang } : {}),
        ...(r.dir === 'rtl' || r.dir === 'ltr' ? { dir: r.dir } : {}),
        ...(r.page ? { page: r.page } : {}),
        ...(r.fold ? { fold: r.fold as FoldedBlock['fold'] } : {}),
      }));
      deleteBlocks.run(ord);
      writeBlocks(ord, applyFolds(text, blocks, folds));
      refolded.add(ord);
      forget(ord);
    },
    startEntities(worker) {
      const selectTexts = db.prepare('SELECT text FROM documents WHERE ord >= ? AND ord < ? ORDER BY ord').pluck();
      const selectParagraphs = db.prepare("SELECT doc_ord, idx, start, end FROM paragraphs WHERE doc_ord >= ? AND doc_ord < ? AND fold = '' ORDER BY doc_ord, idx").raw();
      recent = new Map();
      const read = (from: number, to: number): EntityBatch => {
        let kept = true;
        for (let ord = from; ord < to && kept; ord++) kept = recent!.has(ord);
        if (kept) {
          const texts: string[] = [];
          const paragraphs: number[] = [];
          for (let ord = from; ord < to; ord++) {
            texts.push(recent!.get(ord)!.text);
            for (const n of recent!.get(ord)!.paragraphs) paragraphs.push(n);
            forget(ord);
          }
          return { from, texts, paragraphs: Int32Array.from(paragraphs) };
        }
        for (let ord = from; ord < to; ord++) forget(ord);
        const rows = selectParagraphs.all(from, to) as number[][];
        const paragraphs = new Int32Array(rows.length * 4);
        rows.forEach((r, k) => paragraphs.set(r, k * 4));
        return { from, texts: selectTexts.all(from, to) as string[], paragraphs };
      };
      return startEntityPass({ stored: () => count, read, refolded: () => refolded }, worker);
    },
    *writeEntities(pass) {
      // After the search index (which commits its own transaction) no batch is open.
      const batchOpen = db.inTransaction;
      if (batchOpen) commit();
      const { entities, mentions } = yield* pass.finish();
      const insertEntity = db.prepare('INSERT INTO entities (ord, key, type, name, mentions, documents) VALUES (?, ?, ?, ?, ?, ?)');
      const insertVariant = db.prepare('INSERT INTO entity_variants (ord, entity, key, name, mentions) VALUES (?, ?, ?, ?, ?)');
      const insertMention = db.prepare('INSERT OR IGNORE INTO entity_mentions (variant, doc_ord, start, end, idx) VALUES (?, ?, ?, ?, ?)');
      db.transaction(() => {
        let variantOrd = 0;
        let m = 0;
        entities.forEach((e, ord) => {
          insertEntity.run(ord, e.key, e.type, e.name, e.mentionCount, e.documents);
          for (const v of e.variants) {
            insertVariant.run(variantOrd, ord, v.key, v.name, v.mentions);
            // Mentions: (document, paragraph, start, end), variant after variant.
            for (const end = m + v.mentions * 4; m < end; m += 4) insertMention.run(variantOrd, mentions[m], mentions[m + 2], mentions[m + 3], mentions[m + 1]);
            variantOrd++;
          }
        });
      })();
      if (batchOpen) db.exec('BEGIN');
    },
    startIndex(worker, threads) {
      return startIndexPass(count, windowReader(db), worker, threads);
    },
    *writeIndex(pass) {
      commit();
      const chunks = pass ? yield* pass.finish() : undefined;
      // One transaction, begun by hand: better-sqlite3's transaction() cannot span pauses.
      db.exec('BEGIN');
      if (chunks) yield* writeMergedIndexSteps(db, chunks);
      else yield* writeSearchIndexSteps(db, storedDocuments(db, count));
      db.exec('COMMIT');
    },
    *writeRepeatedPassages() {
      commit();
      const finder = new RepeatedPassageFinder();
      const selectTexts = db.prepare('SELECT ord, text FROM documents WHERE ord >= ? AND ord < ? ORDER BY ord');
      const selectParagraphs = db.prepare("SELECT doc_ord AS ord, idx, start, end FROM paragraphs WHERE doc_ord >= ? AND doc_ord < ? AND fold = '' ORDER BY doc_ord, idx");
      for (let from = 0; from < count; from += READ_WINDOW) {
        const texts = new Map((selectTexts.all(from, from + READ_WINDOW) as { ord: number; text: string }[]).map((r) => [r.ord, r.text]));
        for (const p of selectParagraphs.iterate(from, from + READ_WINDOW) as Iterable<{ ord: number; idx: number; start: number; end: number }>) {
          finder.add(p.ord, p.idx, texts.get(p.ord)!.slice(p.start, p.end));
        }
        yield;
      }
      const groups = yield* finder.groupSteps();
      const insert = db.prepare('INSERT INTO repeated_passages (doc_ord, idx, grp, words, similarity) VALUES (?, ?, ?, ?, ?)');
      db.exec('BEGIN');
      groups.forEach((group, g) => {
        for (const m of group) insert.run(m.doc, m.idx, g + 1, m.words, Math.round(m.similarity * 1000));
      });
      db.exec('COMMIT');
      db.exec('BEGIN');
      return groups.length;
    },
    finish(meta, compactFile) {
      const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      db.transaction(() => {
        for (const key of Object.keys(meta).sort()) insertMeta.run(key, meta[key]!);
      })();
      // Written last: a file without the version mark is never taken for a corpus.
      db.pragma(`user_version = ${CORPUS_FORMAT_VERSION}`);
      // The same pages as VACUUM, written once: VACUUM builds the copy in a temporary file and
      // then writes it back over this one.
      db.prepare('VACUUM INTO ?').run(compactFile);
      db.close();
    },
    abort() {
      if (db.open) db.close();
    },
  };
}

/** Documents read back per query while indexing. */
const READ_WINDOW = 256;

/**
 * The stored documents as the indexer reads them: position = ord, fields loaded from the
 * file a window of documents at a time, so only a few texts are in memory at once.
 */
function storedDocuments(db: Db, count: number): IndexableDocument[] {
  const read = windowReader(db);
  let windowStart = -1;
  let rows: Required<IndexableDocument>[] = [];
  const row = (ord: number) => {
    if (ord < windowStart || ord >= windowStart + rows.length) {
      windowStart = ord;
      rows = read(ord, ord + READ_WINDOW);
    }
    return rows[ord - windowStart]!;
  };
  return Array.from({ length: count }, (_, ord) => ({
    get title() {
      return row(ord).title;
    },
    get text() {
      return row(ord).text;
    },
    get author() {
      return row(ord).author;
    },
    get source() {
      return row(ord).source;
    },
  }));
}

/** Stored documents from, … to-1 as the indexer reads them: their fields, folded lines blanked. */
function windowReader(db: Db): (from: number, to: number) => Required<IndexableDocument>[] {
  const select = db.prepare('SELECT title, text, author, source FROM documents WHERE ord >= ? AND ord < ? ORDER BY ord');
  const selectFolded = db.prepare("SELECT doc_ord AS ord, start, end FROM paragraphs WHERE doc_ord >= ? AND doc_ord < ? AND fold != '' ORDER BY doc_ord, idx");
  return (from, to) => {
    const rows = select.all(from, to) as Required<IndexableDocument>[];
    const folded = selectFolded.all(from, to) as { ord: number; start: number; end: number }[];
    for (let i = 0; i < folded.length; ) {
      let j = i;
      while (j < folded.length && folded[j]!.ord === folded[i]!.ord) j++;
      const doc = rows[folded[i]!.ord - from]!;
      doc.text = withoutFolded(doc.text, folded.slice(i, j));
      i = j;
    }
    return rows;
  };
}

/**
 * A text with its folded lines blanked out (spaces, the same length): the index leaves them out,
 * and every offset it records still points into the stored text.
 */
function withoutFolded(text: string, folded: readonly { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of folded) {
    out += text.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}
