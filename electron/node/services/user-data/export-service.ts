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
      const items = [
        ...highlightViews(
          ctx,
          listLiveHighlightsOfCorpus(db, corpus.id).filter((h) => inScope(h.documentId)),
          documents,
        ).map((highlight) => highlightAnnotation(corpus.id, highlight)),
        ...noteViews(
          ctx,
          listLiveNotesOfCorpus(db, corpus.id).filter((n) => inScope(n.documentId)),
        ).map((note) => noteAnnotation(corpus.id, note)),
        ...listLiveBookmarksOfCorpus(db, corpus.id)
          .filter((b) => inScope(b.documentId))
          .map((b) => {
            const current = documents(b.documentId);
            return bookmarkAnnotation(corpus.id, bookmarkView(b, current), current?.sha256);
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
