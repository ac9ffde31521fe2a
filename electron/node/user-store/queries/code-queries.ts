import type { Db } from '../../sqlite/open-database';

/** One code of a corpus's codebook (a tree: parentId null for a top-level code). */
export type CodeRecord = {
  id: string;
  corpusId: string;
  parentId: string | null;
  name: string;
  color: string;
  description: string;
  memo: string;
  ord: number;
  createdAt: string;
  updatedAt: string;
};

type CodeRow = {
  id: string;
  corpus_id: string;
  parent_id: string | null;
  name: string;
  color: string;
  description: string;
  memo: string;
  ord: number;
  created_at: string;
  updated_at: string;
};

const toCode = (row: CodeRow): CodeRecord => ({
  id: row.id,
  corpusId: row.corpus_id,
  parentId: row.parent_id,
  name: row.name,
  color: row.color,
  description: row.description,
  memo: row.memo,
  ord: row.ord,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export type NewCode = Pick<CodeRecord, 'id' | 'corpusId' | 'parentId' | 'name' | 'color' | 'description' | 'memo' | 'createdAt'>;

export function insertCode(db: Db, c: NewCode): void {
  const ord = db
    .prepare('SELECT coalesce(max(ord) + 1, 0) FROM codes WHERE corpus_id = ? AND parent_id IS ?')
    .pluck()
    .get(c.corpusId, c.parentId) as number;
  db.prepare(
    `INSERT INTO codes (id, corpus_id, parent_id, name, color, description, memo, ord, created_at, updated_at)
     VALUES (@id, @corpusId, @parentId, @name, @color, @description, @memo, @ord, @createdAt, @createdAt)`,
  ).run({ ...c, ord });
}

/** The live codes of a corpus, parents before children, siblings in their order. */
export function listCodes(db: Db, corpusId: string): CodeRecord[] {
  const rows = db
    .prepare('SELECT * FROM codes WHERE corpus_id = ? AND deleted_at IS NULL ORDER BY ord, name, id')
    .all(corpusId) as CodeRow[];
  const byParent = new Map<string | null, CodeRow[]>();
  for (const row of rows) byParent.set(row.parent_id, [...(byParent.get(row.parent_id) ?? []), row]);
  const out: CodeRecord[] = [];
  const walk = (parent: string | null) => {
    for (const row of byParent.get(parent) ?? []) {
      out.push(toCode(row));
      walk(row.id);
    }
  };
  walk(null);
  return out;
}

export function findCode(db: Db, corpusId: string, id: string): CodeRecord | undefined {
  const row = db.prepare('SELECT * FROM codes WHERE id = ? AND corpus_id = ? AND deleted_at IS NULL').get(id, corpusId) as
    | CodeRow
    | undefined;
  return row && toCode(row);
}

export type CodeChanges = Partial<Pick<CodeRecord, 'name' | 'color' | 'description' | 'memo'>>;

export function updateCode(db: Db, id: string, changes: CodeChanges, updatedAt: string): void {
  const current = db.prepare('SELECT * FROM codes WHERE id = ?').get(id) as CodeRow;
  db.prepare('UPDATE codes SET name = ?, color = ?, description = ?, memo = ?, updated_at = ? WHERE id = ?').run(
    changes.name ?? current.name,
    changes.color ?? current.color,
    changes.description ?? current.description,
    changes.memo ?? current.memo,
    updatedAt,
    id,
  );
}

/** The code and every live code under it. */
export function subtreeIds(db: Db, id: string): string[] {
  return db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id WHERE c.deleted_at IS NULL)
       SELECT id FROM sub`,
    )
    .pluck()
    .all(id) as string[];
}

/** Moves a code under another (null: top level); false when that would make a cycle. */
export function moveCode(db: Db, id: string, parentId: string | null, updatedAt: string): boolean {
  if (parentId !== null && subtreeIds(db, id).includes(parentId)) return false;
  const ord = db.prepare('SELECT coalesce(max(ord) + 1, 0) FROM codes WHERE parent_id IS ?').pluck().get(parentId) as number;
  db.prepare('UPDATE codes SET parent_id = ?, ord = ?, updated_at = ? WHERE id = ?').run(parentId, ord, updatedAt, id);
  return true;
}

/**
 * Merges `fromId` into `intoId`: its codings follow (a passage coded with both keeps one
 * coding), its children move under `intoId`, and `fromId` is deleted under `deletionId`.
 */
export function mergeCode(db: Db, fromId: string, intoId: string, deletionId: string, at: string): void {
  db.prepare(
    `UPDATE codings SET deleted_at = ?, deletion_id = ? WHERE code_id = ? AND deleted_at IS NULL
       AND highlight_id IN (SELECT highlight_id FROM codings WHERE code_id = ? AND deleted_at IS NULL)`,
  ).run(at, deletionId, fromId, intoId);
  db.prepare('UPDATE codings SET code_id = ?, merged_from = ? WHERE code_id = ? AND deleted_at IS NULL').run(intoId, deletionId, fromId);
  db.prepare('UPDATE codes SET parent_id = ?, merged_from = ?, updated_at = ? WHERE parent_id = ? AND deleted_at IS NULL').run(
    intoId,
    deletionId,
    at,
    fromId,
  );
  db.prepare('UPDATE codes SET deleted_at = ?, deletion_id = ? WHERE id = ?').run(at, deletionId, fromId);
}

/** Soft-deletes a code, its descendants and their codings, all under one deletion id. */
export function softDeleteCode(db: Db, id: string, deletionId: string, at: string): void {
  const ids = subtreeIds(db, id);
  const codes = db.prepare('UPDATE codes SET deleted_at = ?, deletion_id = ? WHERE id = ? AND deleted_at IS NULL');
  const codings = db.prepare('UPDATE codings SET deleted_at = ?, deletion_id = ? WHERE code_id = ? AND deleted_at IS NULL');
  for (const codeId of ids) {
    codes.run(at, deletionId, codeId);
    codings.run(at, deletionId, codeId);
  }
}

/** Undoes what one deletion id took away (codes and codings); for a merge, gives back to `codeId` what followed it. */
export function restoreCodeDeletion(db: Db, deletionId: string, codeId: string): void {
  db.prepare('UPDATE codings SET code_id = ?, merged_from = NULL WHERE merged_from = ?').run(codeId, deletionId);
  db.prepare('UPDATE codes SET parent_id = ?, merged_from = NULL WHERE merged_from = ?').run(codeId, deletionId);
  db.prepare('UPDATE codes SET deleted_at = NULL, deletion_id = NULL WHERE deletion_id = ?').run(deletionId);
  db.prepare('UPDATE codings SET deleted_at = NULL, deletion_id = NULL WHERE deletion_id = ?').run(deletionId);
}

export type CodeDeletion = { id: string; corpusId: string; codeId: string; summary: string; deletedAt: string; restoredAt: string | null };

type CodeDeletionRow = { id: string; corpus_id: string; code_id: string; summary: string; deleted_at: string; restored_at: string | null };

const toCodeDeletion = (row: CodeDeletionRow): CodeDeletion => ({
  id: row.id,
  corpusId: row.corpus_id,
  codeId: row.code_id,
  summary: row.summary,
  deletedAt: row.deleted_at,
  restoredAt: row.restored_at,
});

export function insertCodeDeletion(db: Db, d: Omit<CodeDeletion, 'restoredAt'>): void {
  db.prepare(
    `INSERT INTO code_deletions (id, corpus_id, code_id, summary, deleted_at) VALUES (@id, @corpusId, @codeId, @summary, @deletedAt)`,
  ).run(d);
}

export function findCodeDeletion(db: Db, corpusId: string, id: string): CodeDeletion | undefined {
  const row = db.prepare('SELECT * FROM code_deletions WHERE id = ? AND corpus_id = ?').get(id, corpusId) as CodeDeletionRow | undefined;
  return row && toCodeDeletion(row);
}

export function markCodeDeletionRestored(db: Db, id: string, at: string): void {
  db.prepare('UPDATE code_deletions SET restored_at = ? WHERE id = ?').run(at, id);
}
