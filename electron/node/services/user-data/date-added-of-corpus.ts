import { addedDatesOf, NO_ADDED_DATES, type AddedDates, type AddedDatesSource } from '../../corpus/library-view-queries';
import type { CorpusStore } from '../../corpus/corpus-store';
import { buildSeen, documentsAddedOf, documentsAddedSummary, markBuildSeen, recordDocumentsAdded } from '../../user-store/queries/document-added-queries';
import type { UserStore } from '../../user-store/open-user-store';
import type { UserDataContext } from './user-data-context';

/** A build's creation time as stored, or undefined when it is not a time (or lies in the future of `now`). */
function buildTime(createdAt: string, now: Date): string | undefined {
  const time = Date.parse(createdAt);
  if (!Number.isFinite(time)) return undefined;
  return new Date(Math.min(time, now.getTime())).toISOString();
}

/** Documents recorded per write while the recording runs in the background: ~8 ms of main's thread each (126k documents at load 8). */
export const RECORD_CHUNK = 2000;
/** The recording starts this long after the build is first seen: the window's first page and first search come first. */
export const RECORD_DELAY_MS = 1000;

/** Runs `step` later (the background recording's next write); the default is an unref'd timer. */
export type Scheduler = (step: () => void, delayMs: number) => void;
const timerScheduler: Scheduler = (step, delayMs) => void setTimeout(step, delayMs).unref();

/** How the background recording runs (tests run it step by step, in small chunks). */
export type RecordingOptions = { schedule?: Scheduler; chunk?: number };

/** A build being taken in, a chunk of its documents at a time, into the notes it was seen with. */
type Recording = { key: string; store: UserStore; corpus: CorpusStore; corpusId: string; build: string; addedAt: string; seenAt: string; next: number };

export type DateAddedOfCorpus = AddedDatesSource & {
  /** Finishes the recording of the build seen last, if one is under way (before its corpus or the notes close). */
  flush(): void;
};

/**
 * When each document of the open corpus entered it, for the library. The first time a build of
 * the corpus is seen (by its content's SHA-256), its new document ids get the build's creation
 * time (the time they entered the corpus; known ids keep theirs, so dates survive rebuilds) in
 * the notes database. That recording (126k ids: 300–400 ms of reads and writes) is kept off the first page:
 * a page reads its rows' dates by key, and a document the recording has not reached yet is given
 * the time it will record, so the dates shown are the same before and after. The recording runs
 * in the background, a chunk per write, and is finished at once when a view needs every date
 * (sort or filter by date added) and before the corpus or the notes close; the build is marked
 * seen with its last chunk, so a recording cut short starts again at the next open. Notes that
 * are locked or cannot be written leave the dates unknown ('') rather than stop the library (a
 * build first seen in notes that turn out unwritable shows its time until the first write fails).
 */
export function createDateAddedOfCorpus(ctx: UserDataContext, now: () => Date = () => new Date(), options: RecordingOptions = {}): DateAddedOfCorpus {
  const schedule = options.schedule ?? timerScheduler;
  const chunk = options.chunk ?? RECORD_CHUNK;
  /** The build checked last (against these notes), and whether it is recorded whole. */
  let checked: { key: string; store: UserStore; seen: boolean } | undefined;
  let recording: Recording | undefined;
  let summary: { key: string; store: UserStore; dates: AddedDates } | undefined;

  const current = () => {
    const store = ctx.store();
    const corpus = ctx.corpus();
    const corpusId = corpus.info.id;
    const build = corpus.build.contentSha256 || `unhashed:${corpus.info.documentCount}:${corpus.build.createdAt}`;
    return { store, corpus, corpusId, build, key: `${corpusId}\0${build}` };
  };

  /** The next `limit` documents of the recording (-1: all the rest); false once it is over (done, or given up: notes or corpus closed or changed). */
  const record = (r: Recording, limit: number): boolean => {
    if (recording !== r) return false;
    try {
      if (ctx.store() !== r.store) throw new Error('The notes changed under the recording.');
      const ids = r.corpus.documentIds(r.next, limit);
      const last = limit < 0 || ids.length < limit;
      r.store.write(() => {
        recordDocumentsAdded(r.store.db, r.corpusId, ids, r.addedAt);
        if (last) markBuildSeen(r.store.db, r.corpusId, r.build, r.seenAt);
      });
      r.next += ids.length;
      if (!last) return true;
      if (checked?.key === r.key && checked.store === r.store) checked.seen = true;
    } catch {
      // Not marked seen, the build is recorded again at its next open (or with other notes); until
      // then its unrecorded documents' dates are unknown, as when the notes cannot be written.
    }
    recording = undefined;
    return false;
  };
  const runInBackground = (r: Recording) => {
    schedule(() => {
      if (record(r, chunk)) runInBackground(r);
    }, r.next === 0 ? RECORD_DELAY_MS : 0);
  };
  // All the rest in one write: a commit of the notes is synced to disk, once is enough when nothing waits.
  const flush = () => {
    if (recording) record(recording, -1);
  };

  /** The build open now, its recording started if it was never seen; the recording, while it runs. */
  const check = () => {
    const c = current();
    if (checked?.key !== c.key || checked.store !== c.store) {
      // Another build or other notes: a recording under way for the one before finishes first.
      flush();
      checked = { key: c.key, store: c.store, seen: buildSeen(c.store.db, c.corpusId, c.build) };
      if (!checked.seen) {
        const at = now();
        recording = { key: c.key, store: c.store, corpus: c.corpus, corpusId: c.corpusId, build: c.build, addedAt: buildTime(c.corpus.build.createdAt, at) ?? at.toISOString(), seenAt: at.toISOString(), next: 0 };
        runInBackground(recording);
      }
    }
    return { ...c, pending: recording?.key === c.key && recording.store === c.store ? recording : undefined };
  };

  return {
    some(ids) {
      try {
        const { store, corpusId, pending } = check();
        const dates = documentsAddedOf(store.db, corpusId, ids);
        // Not recorded yet: the time the recording will give it.
        if (pending) for (const id of ids) if (!dates.has(id)) dates.set(id, pending.addedAt);
        return dates;
      } catch {
        return new Map();
      }
    },
    all() {
      try {
        check();
        flush();
        // A recording that failed leaves the dates unknown, as before it ran.
        if (!checked?.seen) return NO_ADDED_DATES;
        const { store, corpusId, key } = current();
        if (summary?.key === key && summary.store === store) return summary.dates;
        const { base, others, latest } = documentsAddedSummary(store.db, corpusId);
        summary = { key, store, dates: addedDatesOf(base, others, latest) };
        return summary.dates;
      } catch {
        return NO_ADDED_DATES;
      }
    },
    flush,
  };
}
