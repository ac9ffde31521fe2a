import type { CarrelServices } from '../../../common/ipc/ipc-contract';
import { annotationCollection, bookmarkAnnotation, highlightAnnotation, noteAnnotation } from '../../../common/notes/web-annotation';
import { listLiveBookmarksOfCorpus } from '../../user-store/queries/bookmark-queries';
import { listLiveHighlightsOfCorpus } from '../../user-store/queries/highlight-queries';
import { listLiveNotesOfCorpus } from '../../user-store/queries/note-queries';
import { bookmarkView } from './bookmark-service';
import { currentDocuments, highlightViews } from './highlight-view';
import { noteViews } from './note-service';
import type { UserDataContext } from './user-data-context';

export type ExportService = Pick<CarrelServices, 'exportAnnotations'>;

/** Every live highlight, note and bookmark of the open corpus (or of some documents) as W3C Web Annotations. */
export function createExportService(ctx: UserDataContext): ExportService {
  return {
    exportAnnotations({ documentIds }) {
      const { db } = ctx.store();
      const corpus = ctx.corpus().info;
      const documents = currentDocuments(ctx);
      const wanted = documentIds?.length ? new Set(documentIds) : undefined;
      const inScope = (documentId: string) => !wanted || wanted.has(documentId);
      const highlights = highlightViews(
        ctx,
        listLiveHighlightsOfCorpus(db, corpus.id).filter((h) => inScope(h.documentId)),
        documents,
      );
      const bookmarks = listLiveBookmarksOfCorpus(db, corpus.id).filter((b) => inScope(b.documentId));
      // The printed page of each place in a PDF document, from the corpus's pages (as the notebook shows it).
      const store = ctx.corpus();
      const metas = store.documentMetas([...new Set([...highlights, ...bookmarks].map((item) => item.documentId))]);
      const pageAt = (documentId: string, offset: number | undefined) => {
        const meta = metas.get(documentId);
        return meta?.format === 'pdf' && offset !== undefined ? store.pageAt(meta.ord, offset) || undefined : undefined;
      };
      const items = [
        ...highlights.map((highlight) =>
          highlightAnnotation(corpus.id, highlight, pageAt(highlight.documentId, highlight.anchor.status === 'orphaned' ? undefined : highlight.anchor.start)),
        ),
        ...noteViews(
          ctx,
          listLiveNotesOfCorpus(db, corpus.id).filter((n) => inScope(n.documentId)),
        ).map((note) => noteAnnotation(corpus.id, note)),
        ...bookmarks.map((b) => {
          const current = documents(b.documentId);
          const view = bookmarkView(b, current);
          return bookmarkAnnotation(corpus.id, view, current?.sha256, pageAt(b.documentId, view.offset));
        }),
      ];
      return {
        fileName: `carrel-annotations-${corpus.id}.jsonld`,
        mediaType: 'application/ld+json',
        collection: annotationCollection(corpus.id, corpus.title, items),
      };
    },
  };
}
