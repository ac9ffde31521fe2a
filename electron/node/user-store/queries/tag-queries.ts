import { cleanTag } from '../../../common/notes/user-text';
import type { Db } from '../../sqlite/open-database';

/** What makes two tags the same tag: the clean name, case-folded. */
export function tagKey(name: string): string {
  return cleanTag(name).toLowerCase();
}

/** Clean tags without duplicates (by key), first spelling wins, order kept. */
export function uniqueTags(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const name of names) {
    const clean = cleanTag(name);
    if (clean && !seen.has(tagKey(clean))) seen.set(tagKey(clean), clean);
  }
  return [...seen.values()];
}

/** Id of the tag, created with this spelling if it does not exist yet. */
export function ensureTag(db: Db, name: string): number {
  const key = tagKey(name);
  db.prepare('INSERT INTO tags (name, key) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(cleanTag(name), key);
  return (db.prepare('SELECT id FROM tags WHERE key = ?').get(key) as { id: number }).id;
}

type TagTable = { table: 'highlight_tags' | 'note_tags'; column: 'highlight_id' | 'note_id' };
export const HIGHLIGHT_TAGS: TagTable = { table: 'highlight_tags', column: 'highlight_id' };
export const NOTE_TAGS: TagTable = { table: 'note_tags', column: 'note_id' };

/** Replaces the tags of one item. */
export function setItemTags(db: Db, target: TagTable, itemId: string, names: readonly string[]): void {
  db.prepare(`DELETE FROM ${target.table} WHERE ${target.column} = ?`).run(itemId);
  const insert = db.prepare(`INSERT INTO ${target.table} (${target.column}, tag_id, ord) VALUES (?, ?, ?)`);
  uniqueTags(names).forEach((name, ord) => insert.run(itemId, ensureTag(db, name), ord));
}

export function listItemTags(db: Db, target: TagTable, itemId: string): string[] {
  const rows = db
    .prepare(`SELECT t.name AS name FROM ${target.table} x JOIN tags t ON t.id = x.tag_id WHERE x.${target.column} = ? ORDER BY x.ord`)
    .all(itemId) as { name: string }[];
  return rows.map((row) => row.name);
}

/** Tags of many items at once (in their order), keyed by item id; items without tags are absent. */
export function listTagsOfItems(db: Db, target: TagTable, itemIds: readonly string[]): Map<string, string[]> {
  const rows = db
    .prepare(
      `SELECT x.${target.column} AS item, t.name AS name FROM ${target.table} x JOIN tags t ON t.id = x.tag_id
       WHERE x.${target.column} IN (SELECT value FROM json_each(?)) ORDER BY x.${target.column}, x.ord`,
    )
    .all(JSON.stringify(itemIds)) as { item: string; name: string }[];
  const tags = new Map<string, string[]>();
  for (const row of rows) tags.set(row.item, [...(tags.get(row.item) ?? []), row.name]);
  return tags;
}

type TagCountRow = { name: string; count: number };

/**
 * Tags on live highlights and notes of a corpus, most used first. `prefixKey` (a tagKey)
 * narrows to tags starting with it; tags only used in other corpora are not offered.
 */
export function listTagCounts(db: Db, corpusId: string, prefixKey: string, limit: number): TagCountRow[] {
  return db
    .prepare(
      `SELECT t.name AS name, count(*) AS count FROM tags t JOIN (
         SELECT ht.tag_id FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
           WHERE h.corpus_id = @corpusId AND h.deleted_at IS NULL
         UNION ALL
         SELECT nt.tag_id FROM note_tags nt JOIN document_notes n ON n.id = nt.note_id
           WHERE n.corpus_id = @corpusId AND n.deleted_at IS NULL
       ) used ON used.tag_id = t.id
       WHERE substr(t.key, 1, length(@prefix)) = @prefix
       GROUP BY t.id ORDER BY count DESC, t.key LIMIT @limit`,
    )
    .all({ corpusId, prefix: prefixKey, limit }) as TagCountRow[];
}
