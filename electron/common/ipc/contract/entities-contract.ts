import type { z } from 'zod';
import type { EntityListResponse, EntityPage } from '../../entities/entity-types';
import type { ENTITIES_SCHEMAS } from './entities-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof ENTITIES_SCHEMAS> = z.infer<(typeof ENTITIES_SCHEMAS)[M]>;

/** The entity index: people, organisations, places and dates found at build time (suggestions), with the user's edits. */
export interface EntitiesContract {
  /** Entries by mentions, filtered by type and letters; hidden ones only when asked. */
  listEntities(input: In<'listEntities'>): EntityListResponse;
  /** An entry's mentions in context across documents and the entries named in the same paragraphs; `not-found` once it is gone. */
  getEntity(input: In<'getEntity'>): EntityPage;
  /** Merges, splits, renames, hides or shows an entry (kept in the notes database); answers the key of the entry to show after. */
  editEntity(input: In<'editEntity'>): { key: string };
  /** Undoes the latest edit of this corpus's index. */
  undoEntityEdit(input: In<'undoEntityEdit'>): { undone: boolean };
}

export const ENTITIES_CHANNELS = featureChannels('entities', ['listEntities', 'getEntity', 'editEntity', 'undoEntityEdit']);
