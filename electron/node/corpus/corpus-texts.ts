import type { Db } from '../sqlite/open-database';

/** A document's text with the spans of its paragraphs that are not folded away: what corpus-wide counts read. */
export type DocumentText = { ord: number; id: string; text: string; paragraphs: { start: number; end: number }[] };

/** Documents read per statement: a batch's texts are in memory at once, never the corpus's. */
const BATCH = 64;

/**
 * The text and paragraphs of every document (or of those whose ids are given), in corpus order,
 * a batch at a time, so that a corpus of any size is read in bounded memory. Each batch is read
 * whole before it is given: no statement stays open between batches, so the consumer may wait
 * (let other requests run) between them.
 */
export function* documentTextBatches(db: Db, ids: readonly string[] | undefined): Generator<DocumentText[]> {
  const ords: number[] = ids
    ? (db.prepare('SELECT ord FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ord').pluck().all(JSON.stringify(ids)) as number[])
    : (db.prepare('SELECT ord FROM documents ORDER BY ord').pluck().all() as number[]);
  const texts = db.prepare('SELECT ord, id, text FROM documents WHERE ord IN (SELECT value FROM json_each(?)) ORDER BY ord');
  const paragraphs = db.prepare('SELECT doc_ord AS ord, start, end, fold FROM paragraphs WHERE doc_ord IN (SELECT value FROM json_each(?)) ORDER BY doc_ord, idx');
  for (let at = 0; at < ords.length; at += BATCH) {
    const batch = JSON.stringify(ords.slice(at, at + BATCH));
    const spans = new Map<number, { start: number; end: number }[]>();
    for (const { ord, start, end, fold } of paragraphs.all(batch) as { ord: number; start: number; end: number; fold: string }[]) {
      let list = spans.get(ord);
      if (!list) spans.set(ord, (list = []));
      // Folded lines (a repeated title, site navigation) are not the document's text: search leaves them out, and so do counts.
      if (!fold) list.push({ start, end });
    }
    yield (texts.all(batch) as { ord: number; id: string; text: string }[]).map((row) => ({ ...row, paragraphs: spans.get(row.ord) ?? [{ start: 0, end: row.text.length }] }));
  }
}
