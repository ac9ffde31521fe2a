import type { Code } from '../../../common/coding/coding-types';
import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import {
  applyCode,
  CodebookError,
  createCode,
  deleteCode,
  editCode,
  mergeCodes,
  moveCodeTo,
  unapplyCode,
  undoCodeDeletion,
  type CodebookContext,
} from '../../coding/codebook';
import { listCodes, type CodeRecord } from '../../user-store/queries/code-queries';
import { codeCooccurrence, codeDocumentCounts, listDocumentCodings } from '../../user-store/queries/coding-queries';
import { ServiceError } from '../service-error';
import type { UserDataContext } from './user-data-context';

export type CodingService = Pick<
  CarrelServices,
  | 'listCodebook'
  | 'createCode'
  | 'renameCode'
  | 'updateCode'
  | 'moveCode'
  | 'mergeCode'
  | 'deleteCode'
  | 'undoCodeRemoval'
  | 'applyCode'
  | 'removeCodeFromHighlight'
  | 'listDocumentCodings'
  | 'getCodingMatrix'
>;

const codeView = (c: CodeRecord): Code => ({
  id: c.id,
  parentId: c.parentId,
  name: c.name,
  color: c.color,
  description: c.description,
  memo: c.memo,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** The codebook of the open corpus behind the API; a refused change says why (a CodebookError) as an invalid argument. */
export function createCodingService(ctx: UserDataContext): CodingService {
  const book = (): CodebookContext => ({ db: ctx.store().db, corpusId: ctx.corpusId(), now: ctx.now, newId: ctx.newId });
  const run = <T>(work: (b: CodebookContext) => T): T => {
    try {
      return work(book());
    } catch (error) {
      if (error instanceof CodebookError) throw new ServiceError('invalid-argument', error.message);
      throw error;
    }
  };
  const codebook = () => ({ codes: listCodes(ctx.store().db, ctx.corpusId()).map(codeView) });
  return {
    listCodebook: () => codebook(),
    createCode: (input) => run((b) => codeView(createCode(b, input))),
    renameCode: ({ id, name }) => run((b) => codeView(editCode(b, id, { name }))),
    updateCode: ({ id, ...changes }) => run((b) => codeView(editCode(b, id, changes))),
    moveCode: ({ id, parentId }) => run((b) => codeView(moveCodeTo(b, id, parentId))),
    mergeCode: ({ fromId, intoId }) => run((b) => ({ deletionId: mergeCodes(b, fromId, intoId) })),
    deleteCode: ({ id }) => run((b) => ({ deletionId: deleteCode(b, id) })),
    undoCodeRemoval: ({ deletionId }) => {
      run((b) => undoCodeDeletion(b, deletionId));
      return codebook();
    },
    applyCode: ({ codeId, highlightId }) => run((b) => applyCode(b, codeId, highlightId)),
    removeCodeFromHighlight: ({ codeId, highlightId }) => run((b) => unapplyCode(b, codeId, highlightId)),
    listDocumentCodings: ({ documentId }) => listDocumentCodings(ctx.store().db, ctx.corpusId(), documentId),
    getCodingMatrix: () => ({ counts: codeDocumentCounts(ctx.store().db, ctx.corpusId()), cooccurrence: codeCooccurrence(ctx.store().db, ctx.corpusId()) }),
  };
}
