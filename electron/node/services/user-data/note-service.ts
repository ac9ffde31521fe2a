import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import type { DocumentNote } from '../../../common/notes/notes-types';
import { insertDeletion } from '../../user-store/queries/deletion-queries';
import { findNote, insertNote, listLiveNotesOfDocument, setNoteDeleted, touchNote, updateNoteBody, type NoteRecord } from '../../user-store/queries/note-queries';
import { listItemTags, listTagsOfItems, NOTE_TAGS, setItemTags } from '../../user-store/queries/tag-queries';
import { ServiceError } from '../service-error';
import { sameTags } from './highlight-service';
import { shorten } from './summaries';
import type { UserDataContext } from './user-data-context';

export type NoteService = Pick<CarrelServices, 'listDocumentNotes' | 'createDocumentNote' | 'updateDocumentNote' | 'deleteDocumentNote'>;

export function noteView(ctx: UserDataContext, record: NoteRecord, tags?: string[]): DocumentNote {
  return {
    id: record.id,
    documentId: record.documentId,
    body: record.body,
    tags: tags ?? listItemTags(ctx.store().db, NOTE_TAGS, record.id),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** Views of many notes, their tags read in one query. */
export function noteViews(ctx: UserDataContext, records: NoteRecord[]): DocumentNote[] {
  const tags = listTagsOfItems(ctx.store().db, NOTE_TAGS, records.map((record) => record.id));
  return records.map((record) => noteView(ctx, record, tags.get(record.id) ?? []));
}

function requireLiveNote(ctx: UserDataContext, id: string): NoteRecord {
  const record = requireNote(ctx, id);
  if (record.deletedAt) throw new ServiceError('not-found', 'This note no longer exists (it may have been deleted).');
  return record;
}

/** A note, deleted or not: a save that lands just after a delete is kept for its undo. */
function requireNote(ctx: UserDataContext, id: string): NoteRecord {
  const record = findNote(ctx.store().db, ctx.corpusId(), id);
  if (!record) throw new ServiceError('not-found', 'This note does not exist in the open corpus.');
  return record;
}

export function createNoteService(ctx: UserDataContext): NoteService {
  return {
    listDocumentNotes({ documentId }) {
      return noteViews(ctx, listLiveNotesOfDocument(ctx.store().db, ctx.corpusId(), documentId));
    },

    createDocumentNote({ documentId, body, tags = [] }) {
      ctx.document(documentId);
      const { db } = ctx.store();
      const record = { id: ctx.newId(), corpusId: ctx.corpusId(), documentId, body, createdAt: ctx.now() };
      ctx.store().write(() => {
        insertNote(db, record);
        setItemTags(db, NOTE_TAGS, record.id, tags);
      });
      return noteView(ctx, requireLiveNote(ctx, record.id));
    },

    updateDocumentNote({ id, body, tags }) {
      requireNote(ctx, id);
      const { db } = ctx.store();
      ctx.store().write(() => {
        const now = ctx.now();
        const bodyChanged = body !== undefined && updateNoteBody(db, id, body, now);
        if (tags && !sameTags(listItemTags(db, NOTE_TAGS, id), tags)) {
          setItemTags(db, NOTE_TAGS, id, tags);
          if (!bodyChanged) touchNote(db, id, now);
        }
      });
      return noteView(ctx, requireNote(ctx, id));
    },

    deleteDocumentNote({ id }) {
      const record = requireLiveNote(ctx, id);
      const deletion = {
        id: ctx.newId(),
        corpusId: record.corpusId,
        kind: 'note' as const,
        itemId: record.id,
        documentId: record.documentId,
        summary: record.body.trim() ? `Note “${shorten(record.body)}”` : 'Empty note',
        deletedAt: ctx.now(),
      };
      ctx.store().write(() => {
        setNoteDeleted(ctx.store().db, id, deletion.deletedAt);
        insertDeletion(ctx.store().db, deletion);
      });
      const { id: deletionId, corpusId: _corpusId, ...rest } = deletion;
      return { deletionId, ...rest };
    },
  };
}
