import type { CodeRecord } from '../../user-store/queries/code-queries';
import { listCodes } from '../../user-store/queries/code-queries';
import { listCodings } from '../../user-store/queries/coding-queries';
import { listLiveHighlightsOfCorpus } from '../../user-store/queries/highlight-queries';
import { codeRefiGuids, highlightRefiGuids } from '../../user-store/queries/refi-guid-queries';
import { currentAnchor, currentDocument } from '../../services/user-data/highlight-view';
import type { UserDataContext } from '../../services/user-data/user-data-context';

/** One coded passage: a highlight where it sits in the document's current text (UTF-16 offsets), with its codes. */
export type CodedPassage = {
  highlightId: string;
  documentId: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  createdAt: string;
  codeIds: string[];
  /** When each code was applied, in the order of codeIds. */
  codedAt?: string[];
};

/** What a coding export holds: the codebook, the coded passages, and the text of each document they are in. */
export type CodingExportData = {
  projectName: string;
  exportedAt: string;
  codes: CodeRecord[];
  documents: { id: string; title: string; text: string }[];
  passages: CodedPassage[];
  /** Coded highlights left out: their document is gone, or their text no longer found in it. */
  skipped: number;
  /** GUIDs codes and passages came with from a REFI-QDA import, by id; the others' are derived from their ids. */
  guids?: { codes: ReadonlyMap<string, string>; passages: ReadonlyMap<string, string> };
};

/** Gathers the coding of the open corpus from the notes database and the corpus. */
export function codingExportData(ctx: UserDataContext): CodingExportData {
  const db = ctx.store().db;
  const corpusId = ctx.corpusId();
  const codes = listCodes(db, corpusId);
  const codesOf = new Map<string, string[]>();
  const codedAt = new Map<string, string[]>();
  for (const coding of listCodings(db, corpusId)) {
    codesOf.set(coding.highlightId, [...(codesOf.get(coding.highlightId) ?? []), coding.codeId]);
    codedAt.set(coding.highlightId, [...(codedAt.get(coding.highlightId) ?? []), coding.createdAt]);
  }
  const documents = new Map<string, { id: string; title: string; text: string }>();
  const passages: CodedPassage[] = [];
  let skipped = 0;
  const highlights = listLiveHighlightsOfCorpus(db, corpusId).filter((h) => codesOf.has(h.id));
  ctx.store().write(() => {
    for (const record of highlights) {
      const doc = ctx.corpus().getDocument(record.documentId);
      const anchor = currentAnchor(ctx, record, currentDocument(ctx, record.documentId));
      const place =
        anchor === 'same'
          ? { start: record.position.start, end: record.position.end }
          : anchor !== 'missing' && anchor.status !== 'orphaned' && anchor.start !== null && anchor.end !== null
            ? { start: anchor.start, end: anchor.end }
            : undefined;
      if (!doc || !place) {
        skipped++;
        continue;
      }
      documents.set(doc.id, { id: doc.id, title: doc.title, text: doc.text });
      passages.push({ highlightId: record.id, documentId: doc.id, ...place, quote: doc.text.slice(place.start, place.end), note: record.note, createdAt: record.createdAt, codeIds: codesOf.get(record.id)!, codedAt: codedAt.get(record.id) });
    }
  });
  return { projectName: ctx.corpus().info.title, exportedAt: ctx.now(), codes, documents: [...documents.values()], passages, skipped, guids: { codes: codeRefiGuids(db, corpusId), passages: highlightRefiGuids(db, corpusId) } };
}
