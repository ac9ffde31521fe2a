import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { foldText } from '../../../common/notes/fold-text';
import type { NotebookEntry, NotebookGroup, NotebookQuery } from '../../../common/notes/notebook-types';
import type { UserItemKind } from '../../../common/notes/notes-types';
import { listLiveBookmarksOfCorpus } from '../../user-store/queries/bookmark-queries';
import { listLiveHighlightsOfCorpus } from '../../user-store/queries/highlight-queries';
import { listLiveNotesOfCorpus } from '../../user-store/queries/note-queries';
import { listTagCounts, tagKey } from '../../user-store/queries/tag-queries';
import { bookmarkView } from './bookmark-service';
import { currentDocuments, highlightViews } from './highlight-view';
import { noteViews } from './note-service';
import type { UserDataContext } from './user-data-context';

export type NotebookService = Pick<CarrelServices, 'queryNotebook' | 'listTags' | 'listNotedDocuments'>;

/** Folding for notebook text search: case, accents, Arabic vowel marks and letter variants ignored. */
const fold = foldText;

function entryOffset(entry: NotebookEntry): number {
  if (entry.kind === 'bookmark') return entry.bookmark.offset;
  if (entry.kind === 'note') return Number.MAX_SAFE_INTEGER; // notes after the places, in creation order
  const anchor = entry.highlight.anchor;
  return anchor.status === 'orphaned' ? entry.highlight.position.start : anchor.start;
}

function entryText(entry: NotebookEntry): string {
  if (entry.kind === 'highlight') return [entry.highlight.quote.exact, entry.highlight.note, ...entry.highlight.tags].join('\n');
  if (entry.kind === 'note') return [entry.note.body, ...entry.note.tags].join('\n');
  return entry.bookmark.label;
}

function entryTags(entry: NotebookEntry): string[] {
  if (entry.kind === 'highlight') return entry.highlight.tags;
  if (entry.kind === 'note') return entry.note.tags;
  return [];
}

function matches(entry: NotebookEntry, query: NotebookQuery, foldedText: string, tagKeys: Set<string>): boolean {
  if (query.kinds?.length && !query.kinds.includes(entry.kind)) return false;
  if (query.colors?.length && (entry.kind !== 'highlight' || !query.colors.includes(entry.highlight.color))) return false;
  if (tagKeys.size && !entryTags(entry).some((tag) => tagKeys.has(tagKey(tag)))) return false;
  if (foldedText && !fold(entryText(entry)).includes(foldedText)) return false;
  return true;
}

/** Library order; documents no longer in the corpus last, by id. */
function inLibraryOrder(metas: Map<string, { ord: number }>, a: string, b: string): number {
  return (metas.get(a)?.ord ?? Number.MAX_SAFE_INTEGER) - (metas.get(b)?.ord ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b);
}

export function createNotebookService(ctx: UserDataContext): NotebookService {
  return {
    listNotedDocuments() {
      const { db } = ctx.store();
      const corpusId = ctx.corpusId();
      const ids = new Set(
        [...listLiveHighlightsOfCorpus(db, corpusId), ...listLiveNotesOfCorpus(db, corpusId), ...listLiveBookmarksOfCorpus(db, corpusId)].map(
          (item) => item.documentId,
        ),
      );
      const metas = ctx.corpus().documentMetas([...ids]);
      return [...ids]
        .sort((a, b) => inLibraryOrder(metas, a, b))
        .map((id) => ({ id, title: metas.get(id)?.title ?? '', available: metas.has(id) }));
    },
    queryNotebook(query) {
      const { db } = ctx.store();
      const corpusId = ctx.corpusId();
      const documents = currentDocuments(ctx);
      const wanted = query.documentIds?.length ? new Set(query.documentIds) : undefined;
      const inScope = (documentId: string) => !wanted || wanted.has(documentId);
      // Kinds, colours and documents are known before any view is built: only build what can match.
      const wants = (kind: UserItemKind) => (!query.kinds?.length || query.kinds.includes(kind)) && (kind === 'highlight' || !query.colors?.length);
      const colors = query.colors?.length ? new Set(query.colors) : undefined;
      const entries: NotebookEntry[] = [
        ...(wants('highlight')
          ? highlightViews(
              ctx,
              listLiveHighlightsOfCorpus(db, corpusId).filter((h) => inScope(h.documentId) && (!colors || colors.has(h.color))),
              documents,
            ).map((highlight) => ({ kind: 'highlight' as const, highlight }))
          : []),
        ...(wants('note')
          ? noteViews(
              ctx,
              listLiveNotesOfCorpus(db, corpusId).filter((n) => inScope(n.documentId)),
            ).map((note) => ({ kind: 'note' as const, note }))
          : []),
        ...(wants('bookmark')
          ? listLiveBookmarksOfCorpus(db, corpusId)
              .filter((b) => inScope(b.documentId))
              .map((b) => ({ kind: 'bookmark' as const, bookmark: bookmarkView(b, documents(b.documentId)) }))
          : []),
      ];
      const foldedText = fold(query.text?.trim() ?? '');
      const tagKeys = new Set((query.tags ?? []).map(tagKey));
      const byDocument = new Map<string, NotebookEntry[]>();
      for (const entry of entries) {
        if (!matches(entry, query, foldedText, tagKeys)) continue;
        const documentId = entry.kind === 'highlight' ? entry.highlight.documentId : entry.kind === 'note' ? entry.note.documentId : entry.bookmark.documentId;
        byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), entry]);
      }
      const corpus = ctx.corpus();
      const metas = corpus.documentMetas([...byDocument.keys()]);
      // The page of each place in a PDF document ("p. 12" beside it).
      const withPage = (entry: NotebookEntry, ord: number | undefined): NotebookEntry => {
        if (ord === undefined || entry.kind === 'note' || (entry.kind === 'highlight' && entry.highlight.anchor.status === 'orphaned')) return entry;
        const page = corpus.pageAt(ord, entryOffset(entry));
        return page ? { ...entry, page } : entry;
      };
      const groups: NotebookGroup[] = [...byDocument.entries()]
        .map(([documentId, list]) => {
          const meta = metas.get(documentId);
          const ord = meta?.format === 'pdf' ? meta.ord : undefined;
          return {
            documentId,
            documentTitle: meta?.title ?? '',
            documentAvailable: meta !== undefined,
            entries: list.sort((a, b) => entryOffset(a) - entryOffset(b)).map((entry) => withPage(entry, ord)),
          };
        })
        .sort((a, b) => inLibraryOrder(metas, a.documentId, b.documentId));
      return { groups, total: groups.reduce((sum, group) => sum + group.entries.length, 0) };
    },

    listTags({ prefix = '', limit = 50 }) {
      return listTagCounts(ctx.store().db, ctx.corpusId(), tagKey(prefix), limit);
    },
  };
}
