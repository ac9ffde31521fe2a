import type { z } from 'zod';
import type { CsvExportResult } from '../../analysis/analysis-types';
import type { Code, Codebook, CodedPassageView, CodeRemoval, CodingMatrix, HighlightCodes } from '../../coding/coding-types';
import type { RefiImportResult } from '../../coding/refi-import-report';
import type { CODING_SCHEMAS } from './coding-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof CODING_SCHEMAS> = z.infer<(typeof CODING_SCHEMAS)[M]>;

/** Qualitative coding of the open corpus: its codebook, and codes applied to highlights. */
export interface CodingContract {
  listCodebook(input: In<'listCodebook'>): Codebook;
  createCode(input: In<'createCode'>): Code;
  renameCode(input: In<'renameCode'>): Code;
  /** Colour, description or memo; fields left out stay as they are. */
  updateCode(input: In<'updateCode'>): Code;
  /** Moves a code (with its sub-codes) under another, or to the top with parentId null. */
  moveCode(input: In<'moveCode'>): Code;
  /** Merges one code into another: its codings follow. */
  mergeCode(input: In<'mergeCode'>): CodeRemoval;
  /** Deletes a code with its sub-codes and codings. */
  deleteCode(input: In<'deleteCode'>): CodeRemoval;
  /** Undoes a delete or a merge. */
  undoCodeRemoval(input: In<'undoCodeRemoval'>): Codebook;
  /** True when the code was not yet on the highlight. */
  applyCode(input: In<'applyCode'>): boolean;
  /** True when the code was on the highlight. */
  removeCodeFromHighlight(input: In<'removeCodeFromHighlight'>): boolean;
  /** The codes on each coded highlight of a document. */
  listDocumentCodings(input: In<'listDocumentCodings'>): HighlightCodes[];
  getCodingMatrix(input: In<'getCodingMatrix'>): CodingMatrix;
  /** The passages coded with a code (and its sub-codes, if asked), of one document or all, in library and reading order. */
  listCodedPassages(input: In<'listCodedPassages'>): CodedPassageView[];
  /** Asks where to save, then writes the matrix, the co-occurrence table or every coded passage as CSV. */
  exportCodingCsv(input: In<'exportCodingCsv'>): Promise<CsvExportResult>;
  /** Imports a REFI-QDA project (.qdpx) or codebook (.qdc) chosen in the open dialog, and says what it did. */
  importRefiQda(input: In<'importRefiQda'>): Promise<RefiImportResult>;
}

export const CODING_CHANNELS = featureChannels('coding', [
  'listCodebook',
  'createCode',
  'renameCode',
  'updateCode',
  'moveCode',
  'mergeCode',
  'deleteCode',
  'undoCodeRemoval',
  'applyCode',
  'removeCodeFromHighlight',
  'listDocumentCodings',
  'getCodingMatrix',
  'listCodedPassages',
  'exportCodingCsv',
  'importRefiQda',
]);
