import type { Method } from '@common/ipc/ipc-contract';

/**
 * Every query that lists the user's notes. A change of unknown extent (an undo, an unlock, a
 * restore) makes all of them stale; a single save names only the ones it touches.
 */
export const USER_DATA_QUERIES = [
  'listHighlights',
  'listDocumentNotes',
  'listBookmarks',
  'listNotedDocuments',
  'listTags',
  'queryNotebook',
  'listAnchorReviews',
] as const satisfies readonly Method[];
