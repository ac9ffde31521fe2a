import { addedDatesOf, NO_ADDED_DATES, type AddedDates } from '../../corpus/library-view-queries';
import { buildSeen, documentsAddedSummary, recordBuild } from '../../user-store/queries/document-added-queries';
import type { UserStore } from '../../user-store/open-user-store';
import type { UserDataContext } from './user-data-context';

/** A build's creation time as stored, or undefined when it is not a time (or lies in the future of `now`). */
function buildTime(createdAt: string, now: Date): string | undefined {
  const time = Date.parse(createdAt);
  if (!Number.isFinite(time)) return undefined;
  return new Date(Math.min(time, now.getTime())).toISOString();
}

/**
 * When each document of the open corpus entered it, for the library: the first time a build of
 * the corpus is seen (by its content's SHA-256), its new document ids are recorded in the notes
 * database with the build's creation time (the time they entered the corpus; known ids keep
 * theirs, so dates survive rebuilds), in one write; then the dates are kept in memory until the
 * corpus, its build or the notes change. Notes that are locked or cannot be written leave the
 * dates unknown ('') rather than stop the library.
 */
export function createDateAddedOfCorpus(ctx: UserDataContext, now: () => Date = () => new Date()): () => AddedDates {
  let cache: { key: string; store: UserStore; dates: AddedDates } | undefined;
  return () => {
    try {
      const store = ctx.store();
      const corpus = ctx.corpus();
      const corpusId = corpus.info.id;
      const build = corpus.build.contentSha256 || `unhashed:${corpus.info.documentCount}:${corpus.build.createdAt}`;
      const key = `${corpusId}\0${build}`;
      if (cache?.key === key && cache.store === store) return cache.dates;
      if (!buildSeen(store.db, corpusId, build)) {
        const at = now();
        const ids = corpus.documentIds();
        store.write(() => recordBuild(store.db, corpusId, build, ids, buildTime(corpus.build.createdAt, at) ?? at.toISOString(), at.toISOString()));
      }
      const summary = documentsAddedSummary(store.db, corpusId);
      const dates = addedDatesOf(summary.base, summary.others, summary.latest);
      cache = { key, store, dates };
      return dates;
    } catch {
      return NO_ADDED_DATES;
    }
  };
}
