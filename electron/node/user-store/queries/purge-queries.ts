import type { Db } from '../../sqlite/open-database';

export type PurgeCounts = { highlights: number; notes: number; bookmarks: number; deletions: number; tags: number };

/**
 * Erases for good what was soft-deleted before `before` (an ISO time; everything soft-deleted
 * when it is undefined): the items (their tag links go with them, ON DELETE CASCADE), the
 * deletion records that kept a summary of their text, and tags no item uses any more (a tag's
 * name is user text too). Call inside a write transaction. With `secure_delete` on (the notes
 * database sets it), SQLite overwrites the freed bytes; a TRUNCATE checkpoint then moves them
 * out of the WAL (checkpointAndTruncate).
 */
export function purgeDeleted(db: Db, before?: string): PurgeCounts {
  const cutoff = before ?? null;
  const items = (table: string) =>
    db.prepare(`DELETE FROM ${table} WHERE deleted_at IS NOT NULL AND (@cutoff IS NULL OR deleted_at < @cutoff)`).run({ cutoff }).changes;
  const highlights = items('highlights');
  const notes = items('document_notes');
  const bookmarks = items('bookmarks');
  const deletions = db.prepare('DELETE FROM deletions WHERE @cutoff IS NULL OR deleted_at < @cutoff').run({ cutoff }).changes;
  const tags = db
    .prepare(
      `DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM highlight_tags WHERE tag_id = tags.id)
         AND NOT EXISTS (SELECT 1 FROM note_tags WHERE tag_id = tags.id)`,
    )
    .run().changes;
  return { highlights, notes, bookmarks, deletions, tags };
}

/**
 * Copies the WAL into the database and truncates it to zero bytes, so that pages holding erased
 * text no longer sit in the -wal file. False when a reader kept it from completing (the next
 * checkpoint finishes the job).
 */
export function checkpointAndTruncate(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return !result || result.busy === 0;
}
