import type { CodeRecord } from '../../user-store/queries/code-queries';
import { listCodes } from '../../user-store/queries/code-queries';
import { listCodings, type CodingRecord } from '../../user-store/queries/coding-queries';
import { listLiveHighlightsOfCorpus, type HighlightRecord } from '../../user-store/queries/highlight-queries';
import { codeRefiGuids, highlightRefiGuids } from '../../user-store/queries/refi-guid-queries';
import { currentAnchor, currentDocuments } from '../../services/user-data/highlight-view';
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

export type PlacedPassages = Pick<CodingExportData, 'documents' | 'passages' | 'skipped'>;

/**
 * Places coded highlights in the current text of their documents, each document read once
 * (reading one is ~0.4 ms: once per highlight, 20,000 codings took 12–20 s). A highlight whose
 * document is gone or whose text is no longer found is counted in `skipped`.
 */
export function placeCodedHighlights(ctx: UserDataContext, highlights: readonly HighlightRecord[], codings: readonly CodingRecord[]): PlacedPassages {
  const codesOf = new Map<string, string[]>();
  const codedAt = new Map<string, string[]>();
  for (const coding of codings) {
    const codes = codesOf.get(coding.highlightId);
    if (codes) {
      codes.push(coding.codeId);
      codedAt.get(coding.highlightId)!.push(coding.createdAt);
    } else {
      codesOf.set(coding.highlightId, [coding.codeId]);
      codedAt.set(coding.highlightId, [coding.createdAt]);
    }
  }
  const documentOf = currentDocuments(ctx);
  const read = new Map<string, { id: string; title: string; text: string } | undefined>();
  const documents = new Map<string, { id: string; title: string; text: string }>();
  const passages: CodedPassage[] = [];
  let skipped = 0;
  ctx.store().write(() => {
    for (const record of highlights) {
      if (!codesOf.has(record.id)) continue;
      if (!read.has(record.documentId)) {
        const doc = ctx.corpus().getDocument(record.documentId);
        read.set(record.documentId, doc && { id: doc.id, title: doc.title, text: doc.text });
      }
      const doc = read.get(record.documentId);
      const anchor = currentAnchor(ctx, record, documentOf(record.documentId));
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
      documents.set(doc.id, doc);
      passages.push({ highlightId: record.id, documentId: doc.id, ...place, quote: doc.text.slice(place.start, place.end), note: record.note, createdAt: record.createdAt, codeIds: codesOf.get(record.id)!, codedAt: codedAt.get(record.id) });
    }
  });
  return { documents: [...documents.values()], passages, skipped };
}

/** Gathers the coding of the open corpus from the notes database and the corpus. */
export function codingExportData(ctx: UserDataContext): CodingExportData {
  const db = ctx.store().db;
  const corpusId = ctx.corpusId();
  const codes = listCodes(db, corpusId);
  const placed = placeCodedHighlights(ctx, listLiveHighlightsOfCorpus(db, corpusId), listCodings(db, corpusId));
  return { projectName: ctx.corpus().info.title, exportedAt: ctx.now(), codes, ...placed, guids: { codes: codeRefiGuids(db, corpusId), passages: highlightRefiGuids(db, corpusId) } };
}
