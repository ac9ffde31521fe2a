import type { Code, CodingMatrix } from '../../../common/coding/coding-types';
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
import { codeCooccurrence, codeDocumentCounts, listCodingsOfPassagesWith, listDocumentCodings } from '../../user-store/queries/coding-queries';
import { listLiveHighlightsByIds } from '../../user-store/queries/highlight-queries';
import { codedPassages, withSubcodes } from '../../coding/coded-passages';
import { cooccurrenceCsv, matrixCsv } from '../../coding/coding-tables-csv';
import { codingCsv } from '../../coding/refi-qda/coding-csv';
import { codingExportData, placeCodedHighlights } from '../../coding/refi-qda/coding-export-data';
import type { FileDialogs } from '../file-dialogs';
import { saveExport } from '../save-export';
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
  | 'listCodedPassages'
  | 'exportCodingCsv'
>;

export type CodingServiceOptions = { dialogs?: FileDialogs };

const CSV_FILES = {
  matrix: { title: 'Export the code × document matrix as CSV', suggestedName: 'code-matrix.csv' },
  cooccurrence: { title: 'Export the code co-occurrence table as CSV', suggestedName: 'code-cooccurrence.csv' },
  passages: { title: 'Export every coded passage as CSV', suggestedName: 'coded-passages.csv' },
} as const;

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
export function createCodingService(ctx: UserDataContext, options: CodingServiceOptions = {}): CodingService {
  const book = (): CodebookContext => ({ db: ctx.store().db, corpusId: ctx.corpusId(), now: ctx.now, newId: ctx.newId });
  const run = <T>(work: (b: CodebookContext) => T): T => {
    try {
      return work(book());
    } catch (error) {
      if (error instanceof CodebookError) throw new ServiceError('invalid-argument', error.message);
      throw error;
    }
  };
  const matrix = (): CodingMatrix => {
    const { db } = ctx.store();
    const counts = codeDocumentCounts(db, ctx.corpusId());
    const metas = ctx.corpus().documentMetas([...new Set(counts.map((c) => c.documentId))]);
    const documents = [...metas.values()].sort((a, b) => a.ord - b.ord).map((m) => ({ id: m.id, title: m.title }));
    // Each pair in codebook order (code ids are random: ordering by them would swap a pair from one codebook to the next).
    const place = new Map(listCodes(db, ctx.corpusId()).map((c, i) => [c.id, i]));
    const at = (id: string) => place.get(id) ?? Number.MAX_SAFE_INTEGER;
    const cooccurrence = codeCooccurrence(db, ctx.corpusId()).map((p) => (at(p.b) < at(p.a) ? { a: p.b, b: p.a, count: p.count } : p));
    return { counts: counts.filter((c) => metas.has(c.documentId)), cooccurrence, documents };
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
    getCodingMatrix: () => matrix(),
    listCodedPassages: ({ codeId, withSubcodes: deep, documentId }) => {
      const { db } = ctx.store();
      const corpusId = ctx.corpusId();
      const codes = listCodes(db, corpusId);
      if (!codes.some((c) => c.id === codeId)) throw new ServiceError('not-found', 'That code no longer exists (deleted or merged); refresh the codebook.');
      const wanted = deep ? withSubcodes(codes, codeId) : new Set([codeId]);
      // Only this code's passages are read and placed (the whole export took 12–20 s at 20,000 codings: bench/README.md).
      const codings = listCodingsOfPassagesWith(db, corpusId, [...wanted], documentId);
      const highlights = listLiveHighlightsByIds(db, corpusId, [...new Set(codings.map((c) => c.highlightId))]);
      return codedPassages(placeCodedHighlights(ctx, highlights, codings), ctx.corpus(), wanted, documentId);
    },
    exportCodingCsv: ({ table }) =>
      saveExport(options.dialogs, { ...CSV_FILES[table], filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }] }, () => {
        if (table === 'passages') {
          const data = codingExportData(ctx);
          return { text: codingCsv(data), rows: data.passages.reduce((n, p) => n + p.codeIds.length, 0) };
        }
        const codes = listCodes(ctx.store().db, ctx.corpusId());
        const m = matrix();
        return table === 'matrix' ? { text: matrixCsv(codes, m), rows: codes.length } : { text: cooccurrenceCsv(codes, m), rows: m.cooccurrence.length };
      }),
  };
}
