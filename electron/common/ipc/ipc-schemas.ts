import { z } from 'zod';
import type { Input, Method } from './ipc-contract';
import {
  bookmarkLabel,
  highlightColor,
  notebookText,
  noteText,
  tagList,
  tagPrefix,
  textOffset,
  userItemId,
  wellFormed,
} from '../notes/notes-schemas';
import { HIGHLIGHT_COLORS } from '../notes/notes-types';
import { LIBRARY_PAGE_MAX } from '../corpus/library-types';
import { DOCUMENT_ID_MAX_LENGTH, DOCUMENT_ID_PATTERN } from '../corpus/document-id';
import { MAX_PASSPHRASE_LENGTH } from '../security/user-data-status';
import { BACKUP_NAME_PATTERN } from '../security/user-data-backups';

const documentId = z
  .string()
  .min(1)
  .max(DOCUMENT_ID_MAX_LENGTH)
  .regex(DOCUMENT_ID_PATTERN, 'Document ids contain letters, digits, ".", "_", "-" and "/" only');

const libraryPageLimit = z.number().int().min(1).max(LIBRARY_PAGE_MAX);

const query = z.string().max(1000, 'Queries are limited to 1,000 characters');

/** Length only: the minimum is checked by the service with a clearer message, and no message ever repeats the value. */
const passphrase = wellFormed(
  z.string().min(1, 'Enter a passphrase').max(MAX_PASSPHRASE_LENGTH, 'Passphrases are limited to 1,024 characters'),
  'Passphrases',
  false,
);

/** Argument schema of every method; main validates each call with these before any service runs. */
export const INPUT_SCHEMAS = {
  getCorpusInfo: z.undefined(),
  listDocuments: z.undefined(),
  listLibraryPage: z.union([
    z.object({ offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), limit: libraryPageLimit }).strict(),
    z.object({ aroundId: documentId, limit: libraryPageLimit }).strict(),
  ]),
  getDocument: z.object({ id: documentId }).strict(),
  chooseCorpus: z.undefined(),
  listRecentCorpora: z.undefined(),
  openRecentCorpus: z.object({ file: z.string().min(1).max(4096) }).strict(),
  forgetRecentCorpus: z.object({ file: z.string().min(1).max(4096) }).strict(),
  startCorpusBuild: z.object({ title: wellFormed(z.string().max(200, 'Titles are limited to 200 characters'), 'Titles').optional() }).strict(),
  getCorpusBuild: z.object({ jobId: z.uuid() }).strict(),
  cancelCorpusBuild: z.object({ jobId: z.uuid() }).strict(),
  getOutdatedCorpus: z.object({ file: z.string().min(1).max(4096).optional() }).strict(),
  rebuildCorpus: z.object({ file: z.string().min(1).max(4096).optional() }).strict(),
  search: z.object({ query: query, limit: z.number().int().min(1).max(500).optional() }).strict(),
  findInDocument: z.object({ id: documentId, query: query }).strict(),
  createHighlight: z
    .object({ documentId, start: textOffset, end: textOffset, color: highlightColor, note: noteText.optional(), tags: tagList.optional() })
    .strict()
    .refine((input) => input.start < input.end, 'A highlight must cover at least one character (start < end)'),
  listHighlights: z.object({ documentId }).strict(),
  updateHighlight: z
    .object({ id: userItemId, color: highlightColor.optional(), note: noteText.optional(), tags: tagList.optional() })
    .strict(),
  deleteHighlight: z.object({ id: userItemId }).strict(),
  listDocumentNotes: z.object({ documentId }).strict(),
  createDocumentNote: z.object({ documentId, body: noteText, tags: tagList.optional() }).strict(),
  updateDocumentNote: z.object({ id: userItemId, body: noteText.optional(), tags: tagList.optional() }).strict(),
  deleteDocumentNote: z.object({ id: userItemId }).strict(),
  listBookmarks: z.object({ documentId }).strict(),
  createBookmark: z.object({ documentId, offset: textOffset, label: bookmarkLabel.optional() }).strict(),
  updateBookmark: z.object({ id: userItemId, label: bookmarkLabel }).strict(),
  deleteBookmark: z.object({ id: userItemId }).strict(),
  getReadingPosition: z.object({ documentId }).strict(),
  setReadingPosition: z.object({ documentId, offset: textOffset }).strict(),
  undoDeletion: z.object({ deletionId: userItemId }).strict(),
  emptyDeletedItems: z.undefined(),
  listTags: z.object({ prefix: tagPrefix.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
  queryNotebook: z
    .object({
      documentIds: z.array(documentId).max(1000).optional(),
      colors: z.array(highlightColor).max(HIGHLIGHT_COLORS.length).optional(),
      tags: tagList.optional(),
      text: notebookText.optional(),
      kinds: z.array(z.enum(['highlight', 'note', 'bookmark'])).max(3).optional(),
    })
    .strict(),
  listNotedDocuments: z.undefined(),
  exportAnnotations: z.object({ documentIds: z.array(documentId).max(1000).optional() }).strict(),
  listAnchorReviews: z.undefined(),
  resolveAnchorReview: z.discriminatedUnion('action', [
    z.object({ highlightId: userItemId, action: z.literal('accept') }).strict(),
    z
      .object({ highlightId: userItemId, action: z.literal('reattach'), start: textOffset, end: textOffset })
      .strict()
      .refine((input) => input.start < input.end, 'The new place must cover at least one character (start < end)'),
    z.object({ highlightId: userItemId, action: z.literal('keep-orphaned') }).strict(),
    z.object({ highlightId: userItemId, action: z.literal('delete') }).strict(),
  ]),
  getSecurityStatus: z.undefined(),
  getUserDataStatus: z.undefined(),
  unlockUserData: z.object({ passphrase, remember: z.boolean().optional() }).strict(),
  forgetRememberedKey: z.undefined(),
  encryptUserData: z.object({ passphrase, confirmation: passphrase }).strict(),
  changeUserDataPassphrase: z.object({ current: passphrase, passphrase, confirmation: passphrase }).strict(),
  decryptUserData: z.object({ passphrase }).strict(),
  listUserDataBackups: z.undefined(),
  // A name main gave (checked again against its own list), never a path.
  restoreUserDataBackup: z.object({ name: z.string().regex(BACKUP_NAME_PATTERN, 'Name a backup by the name Carrel listed') }).strict(),
  startNewUserData: z.undefined(),
  retryUserData: z.undefined(),
} satisfies { [M in Method]: z.ZodType<Input<M>> };
