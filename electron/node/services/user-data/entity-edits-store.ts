import { addEntityEdit, listEntityEdits, undoLastEntityEdit } from '../../user-store/queries/entity-edit-queries';
import type { EntityEditStore } from '../entity-service';
import type { UserDataContext } from './user-data-context';

/** The entity index's edits of the open corpus, in the notes database. */
export function userEntityEdits(ctx: UserDataContext): EntityEditStore {
  const db = () => ctx.store().db;
  return {
    list: () => listEntityEdits(db(), ctx.corpusId()).map(({ kind, variantKey, targetKey, name }) => ({ kind, variantKey, targetKey, name })),
    add: (edit) => addEntityEdit(db(), ctx.corpusId(), edit, ctx.newId(), ctx.now()),
    undo: () => undoLastEntityEdit(db(), ctx.corpusId(), ctx.now()),
  };
}
