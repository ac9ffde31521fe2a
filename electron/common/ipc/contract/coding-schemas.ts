import { z } from 'zod';
import { CODING_CSV_TABLES } from '../../coding/coding-types';
import { userItemId, wellFormed } from '../../notes/notes-schemas';
import { documentId } from './shared-schemas';

/** A code's id: the UUIDs the codebook gives (tests' and imports' ids stay bounded too). */
const codeId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'Code ids contain letters, digits, "_" and "-" only');
const codeName = wellFormed(z.string().min(1, 'A code needs a name').max(200, 'Code names are limited to 200 characters'), 'Code names');
const codeText = (what: string) => wellFormed(z.string().max(20_000, `${what} are limited to 20,000 characters`), what);
const codeColor = z.union([z.literal(''), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A code colour is written #rrggbb')]);
const parentId = codeId.nullable();

/** Arguments of the coding methods (coding-contract.ts). */
export const CODING_SCHEMAS = {
  listCodebook: z.undefined(),
  createCode: z
    .object({ name: codeName, parentId: parentId.optional(), color: codeColor.optional(), description: codeText('Code descriptions').optional(), memo: codeText('Code memos').optional() })
    .strict(),
  renameCode: z.object({ id: codeId, name: codeName }).strict(),
  updateCode: z.object({ id: codeId, color: codeColor.optional(), description: codeText('Code descriptions').optional(), memo: codeText('Code memos').optional() }).strict(),
  moveCode: z.object({ id: codeId, parentId }).strict(),
  mergeCode: z.object({ fromId: codeId, intoId: codeId }).strict(),
  deleteCode: z.object({ id: codeId }).strict(),
  undoCodeRemoval: z.object({ deletionId: codeId }).strict(),
  applyCode: z.object({ codeId, highlightId: userItemId }).strict(),
  removeCodeFromHighlight: z.object({ codeId, highlightId: userItemId }).strict(),
  listDocumentCodings: z.object({ documentId }).strict(),
  getCodingMatrix: z.undefined(),
  listCodedPassages: z.object({ codeId, withSubcodes: z.boolean().optional(), documentId: documentId.optional() }).strict(),
  exportCodingCsv: z.object({ table: z.enum(CODING_CSV_TABLES) }).strict(),
  importRefiQda: z.object({ dryRun: z.boolean().optional() }).strict(),
};
