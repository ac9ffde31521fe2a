import type { CodedPassageView } from '../../common/coding/coding-types';
import type { CorpusStore } from '../corpus/corpus-store';
import type { CodeRecord } from '../user-store/queries/code-queries';
import type { CodingExportData } from './refi-qda/coding-export-data';

/** Characters of context shown on each side of a quote. */
export const CONTEXT_CHARS = 80;

/** A code and every code under it (a tree walk over the codebook's parent links). */
export function withSubcodes(codes: readonly CodeRecord[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of codes) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

/** Cuts context at a word boundary where one is near, so it does not start or end mid-word. */
function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  let piece = text.slice(from, start);
  if (from > 0) piece = piece.replace(/^\S*\s/u, '');
  return piece.replace(/\s+/gu, ' ').trimStart();
}

function contextAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  let piece = text.slice(end, to);
  if (to < text.length) piece = piece.replace(/\s\S*$/u, '');
  return piece.replace(/\s+/gu, ' ').trimEnd();
}

/**
 * The coded passages of `data` carrying one of `codeIds` (of one document if given), each with
 * its context, document title and page, in library order then reading order.
 */
export function codedPassages(data: Pick<CodingExportData, 'documents' | 'passages'>, corpus: Pick<CorpusStore, 'documentMetas' | 'pageAt'>, codeIds: ReadonlySet<string>, documentId?: string): CodedPassageView[] {
  const texts = new Map(data.documents.map((d) => [d.id, d]));
  const chosen = data.passages.filter((p) => (documentId === undefined || p.documentId === documentId) && p.codeIds.some((id) => codeIds.has(id)));
  const metas = corpus.documentMetas([...new Set(chosen.map((p) => p.documentId))]);
  const ord = (id: string) => metas.get(id)?.ord ?? Number.MAX_SAFE_INTEGER;
  return chosen
    .sort((a, b) => ord(a.documentId) - ord(b.documentId) || a.documentId.localeCompare(b.documentId) || a.start - b.start || a.end - b.end)
    .map((p) => {
      const doc = texts.get(p.documentId)!;
      const meta = metas.get(p.documentId);
      const page = meta?.format === 'pdf' ? corpus.pageAt(meta.ord, p.start) : '';
      return {
        highlightId: p.highlightId,
        documentId: p.documentId,
        documentTitle: doc.title,
        start: p.start,
        end: p.end,
        quote: p.quote,
        before: contextBefore(doc.text, p.start),
        after: contextAfter(doc.text, p.end),
        ...(page ? { page } : {}),
        codeIds: p.codeIds,
      };
    });
}
