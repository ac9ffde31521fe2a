import type { Db } from '../sqlite/open-database';
import {
  findCode,
  findCodeDeletion,
  insertCode,
  insertCodeDeletion,
  markCodeDeletionRestored,
  mergeCode,
  moveCode,
  restoreCodeDeletion,
  softDeleteCode,
  subtreeIds,
  updateCode,
  type CodeChanges,
  type CodeRecord,
} from '../user-store/queries/code-queries';
import { insertCoding, removeCoding } from '../user-store/queries/coding-queries';

/** Where a codebook operation runs: one corpus of one user database. */
export type CodebookContext = { db: Db; corpusId: string; now(): string; newId(): string };

/** Why a codebook operation was refused, in words a user can act on. */
export class CodebookError extends Error {}

const MAX_NAME = 200;
const MAX_TEXT = 20_000;

function cleanName(name: string): string {
  const clean = name.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (!clean) throw new CodebookError('A code needs a name.');
  if (clean.length > MAX_NAME) throw new CodebookError(`A code name has at most ${MAX_NAME} characters.`);
  return clean;
}

function cleanText(text: string | undefined, what: string): string | undefined {
  if (text === undefined) return undefined;
  if (text.length > MAX_TEXT) throw new CodebookError(`A ${what} has at most ${MAX_TEXT} characters.`);
  return text;
}

function cleanColor(color: string | undefined): string | undefined {
  if (color === undefined || color === '') return color;
  if (!/^#[0-9a-fA-F]{6}$/u.test(color)) throw new CodebookError('A code colour is written #rrggbb.');
  return color.toUpperCase();
}

function live(ctx: CodebookContext, id: string): CodeRecord {
  const code = findCode(ctx.db, ctx.corpusId, id);
  if (!code) throw new CodebookError('That code no longer exists (deleted or merged); refresh the codebook.');
  return code;
}

export type NewCodeInput = { name: string; parentId?: string | null; color?: string; description?: string; memo?: string };

export function createCode(ctx: CodebookContext, input: NewCodeInput): CodeRecord {
  return ctx.db.transaction(() => {
    if (input.parentId) live(ctx, input.parentId);
    const id = ctx.newId();
    insertCode(ctx.db, {
      id,
      corpusId: ctx.corpusId,
      parentId: input.parentId ?? null,
      name: cleanName(input.name),
      color: cleanColor(input.color) ?? '',
      description: cleanText(input.description, 'description') ?? '',
      memo: cleanText(input.memo, 'memo') ?? '',
      createdAt: ctx.now(),
    });
    return live(ctx, id);
  })();
}

export function editCode(ctx: CodebookContext, id: string, changes: CodeChanges): CodeRecord {
  return ctx.db.transaction(() => {
    live(ctx, id);
    updateCode(
      ctx.db,
      id,
      {
        name: changes.name === undefined ? undefined : cleanName(changes.name),
        color: cleanColor(changes.color),
        description: cleanText(changes.description, 'description'),
        memo: cleanText(changes.memo, 'memo'),
      },
      ctx.now(),
    );
    return live(ctx, id);
  })();
}

export function moveCodeTo(ctx: CodebookContext, id: string, parentId: string | null): CodeRecord {
  return ctx.db.transaction(() => {
    live(ctx, id);
    if (parentId) live(ctx, parentId);
    if (!moveCode(ctx.db, id, parentId, ctx.now())) throw new CodebookError('A code cannot move under itself or one of its own sub-codes.');
    return live(ctx, id);
  })();
}

/** Merges one code into another; returns the deletion id that undoes it. */
export function mergeCodes(ctx: CodebookContext, fromId: string, intoId: string): string {
  return ctx.db.transaction(() => {
    const from = live(ctx, fromId);
    const into = live(ctx, intoId);
    if (fromId === intoId) throw new CodebookError('A code cannot be merged into itself.');
    if (subtreeIds(ctx.db, fromId).includes(intoId)) throw new CodebookError('A code cannot be merged into one of its own sub-codes.');
    const deletionId = ctx.newId();
    const at = ctx.now();
    insertCodeDeletion(ctx.db, { id: deletionId, corpusId: ctx.corpusId, codeId: fromId, summary: `Merged “${from.name}” into “${into.name}”`, deletedAt: at });
    mergeCode(ctx.db, fromId, intoId, deletionId, at);
    return deletionId;
  })();
}

/** Deletes a code with its sub-codes and codings; returns the deletion id that undoes it. */
export function deleteCode(ctx: CodebookContext, id: string): string {
  return ctx.db.transaction(() => {
    const code = live(ctx, id);
    const deletionId = ctx.newId();
    const at = ctx.now();
    insertCodeDeletion(ctx.db, { id: deletionId, corpusId: ctx.corpusId, codeId: id, summary: `Deleted code “${code.name}”`, deletedAt: at });
    softDeleteCode(ctx.db, id, deletionId, at);
    return deletionId;
  })();
}

/** Undoes a delete or a merge. A merge undone brings the merged code and its own codings back. */
export function undoCodeDeletion(ctx: CodebookContext, deletionId: string): void {
  ctx.db.transaction(() => {
    const deletion = findCodeDeletion(ctx.db, ctx.corpusId, deletionId);
    if (!deletion) throw new CodebookError('Nothing to undo: that change is not known.');
    if (deletion.restoredAt) return;
    restoreCodeDeletion(ctx.db, deletionId, deletion.codeId);
    markCodeDeletionRestored(ctx.db, deletionId, ctx.now());
  })();
}

export function applyCode(ctx: CodebookContext, codeId: string, highlightId: string): boolean {
  return ctx.db.transaction(() => {
    live(ctx, codeId);
    const highlight = ctx.db
      .prepare('SELECT 1 FROM highlights WHERE id = ? AND corpus_id = ? AND deleted_at IS NULL')
      .get(highlightId, ctx.corpusId);
    if (!highlight) throw new CodebookError('That highlight no longer exists.');
    return insertCoding(ctx.db, { id: ctx.newId(), codeId, highlightId, createdAt: ctx.now() });
  })();
}

export function unapplyCode(ctx: CodebookContext, codeId: string, highlightId: string): boolean {
  return ctx.db.transaction(() => removeCoding(ctx.db, codeId, highlightId))();
}
