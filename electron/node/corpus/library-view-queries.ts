import type { ReadingProgress } from '../../common/notes/reading-progress';
import type { LibraryRow, LibraryView } from '../../common/corpus/library-types';
import type { Db } from '../sqlite/open-database';

/** Reading progress by document id (documents never opened are absent: unread). */
export type ProgressById = ReadonlyMap<string, ReadingProgress>;

type Row = Omit<LibraryRow, 'progress' | 'added'>;

/**
 * When each document entered the corpus (from the notes database): `base` for every document not
 * in `others`, so the usual corpus, whose documents came in with one or a few builds, crosses into
 * the query as one time and a short JSON object (id → time) instead of one entry per document.
 */
export type AddedDates = {
  /** The commonest time ('' when unknown). */
  base: string;
  /** The documents whose time is not `base`, id → time (few: those added by later builds). */
  othersById: ReadonlyMap<string, string>;
  /** JSON object id → time of the documents whose time is not `base`. */
  others: string;
  /** The newest time of all. */
  latest: string;
};

export const NO_ADDED_DATES: AddedDates = { base: '', othersById: new Map(), others: '{}', latest: '' };

/**
 * The dates added, read as far as the page needs: a page of rows only asks for its own rows'
 * (a few keyed reads), and only a view that sorts or filters by date added asks for them all,
 * which for a corpus of 126k documents means summarising them (and first recording them, the
 * first time its build is seen).
 */
export type AddedDatesSource = {
  /** Every document's, for a view that sorts or filters by them. */
  all(): AddedDates;
  /** The documents asked for, by id (absent: unknown). */
  some(ids: readonly string[]): ReadonlyMap<string, string>;
};

/** A source of dates already summarised (tests, benches). */
export function addedDatesSource(dates: AddedDates): AddedDatesSource {
  return {
    all: () => dates,
    some: (ids) => new Map(ids.map((id) => [id, dates.othersById.get(id) ?? dates.base])),
  };
}

export const NO_ADDED_DATES_SOURCE: AddedDatesSource = addedDatesSource(NO_ADDED_DATES);

/** The added dates of the commonest time and the documents whose time is another one. */
export function addedDatesOf(base: string, othersById: ReadonlyMap<string, string>, latest: string): AddedDates {
  return { base, othersById, others: JSON.stringify(Object.fromEntries(othersById)), latest };
}

/** The added dates of a map id → time. */
export function addedDates(byId: ReadonlyMap<string, string>): AddedDates {
  const counts = new Map<string, number>();
  let latest = '';
  for (const at of byId.values()) {
    counts.set(at, (counts.get(at) ?? 0) + 1);
    if (at > latest) latest = at;
  }
  let base = '';
  let most = 0;
  for (const [at, n] of counts) if (n > most || (n === most && at < base)) [base, most] = [at, n];
  return addedDatesOf(base, new Map([...byId].filter(([, at]) => at !== base)), latest);
}

const ADDED = 'COALESCE(a.value, @base)';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Terms of each order; empty fields last whichever the direction (the first term of those is not reversed). */
const ORDER: Readonly<Record<LibraryView['sort'], { last?: string; terms: string[] }>> = {
  corpus: { terms: ['d.ord'] },
  title: { terms: ['d.title COLLATE NOCASE'] },
  author: { last: "d.author = ''", terms: ['d.author COLLATE NOCASE'] },
  source: { last: "d.source = ''", terms: ['d.source COLLATE NOCASE'] },
  length: { terms: ['d.word_count'] },
  date: { last: "d.date = ''", terms: ['d.date'] },
  added: { last: `${ADDED} = ''`, terms: [ADDED] },
  progress: { terms: ['COALESCE(p.value, -1)'] },
};

const ROW_COLUMNS = 'd.id, d.title, d.source, d.author, d.language, d.date, d.word_count AS wordCount';

export function isDefaultView(view: LibraryView | undefined): boolean {
  return !view || (view.sort === 'corpus' && !view.descending && view.text.trim() === '' && view.state === 'all' && (view.added ?? 'any') === 'any');
}

const usesAdded = (view: LibraryView) => view.sort === 'added' || (view.added ?? 'any') !== 'any';

/** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The library as the view asks: filtered by text (title, author or source), state and date
 * added, ordered by a field (corpus order breaking ties). Progress lives in the notes database:
 * it comes in as a JSON object (id → percent, 100 finished), joined through a materialised
 * table, so only the documents the reader has opened cross into the query. Dates added too,
 * only when the view uses them: one time for most, the others from a keyed temporary table.
 */
function viewQuery(view: LibraryView, progress: ProgressById, added: AddedDates, now: Date) {
  const percents = Object.fromEntries([...progress].map(([id, p]) => [id, p.state === 'finished' ? 100 : p.percent]));
  const where: string[] = [];
  const params: Record<string, string | number> = { progress: JSON.stringify(percents) };
  const text = view.text.trim();
  if (text) {
    where.push("(d.title LIKE @pattern ESCAPE '\\' OR d.author LIKE @pattern ESCAPE '\\' OR d.source LIKE @pattern ESCAPE '\\')");
    params.pattern = containsPattern(text);
  }
  if (view.state === 'unread') where.push('p.value IS NULL');
  if (view.state === 'started') where.push('p.value < 100');
  if (view.state === 'finished') where.push('p.value >= 100');
  const withAdded = usesAdded(view);
  if (withAdded) {
    params.base = added.base;
    const filter = view.added ?? 'any';
    if (filter === 'latest') {
      where.push(`${ADDED} = @latest AND @latest <> ''`);
      params.latest = added.latest;
    } else if (filter !== 'any') {
      // To the minute, so that the view's order stays cached while one scrolls.
      const since = new Date(Math.floor((now.getTime() - (filter === 'week' ? 7 : 30) * DAY_MS) / 60_000) * 60_000);
      where.push(`${ADDED} >= @since`);
      params.since = since.toISOString();
    }
  }
  const direction = view.descending ? 'DESC' : 'ASC';
  const { last, terms } = ORDER[view.sort];
  const order = [...(last ? [`${last} ASC`] : []), ...terms.map((term) => `${term} ${direction}`)].join(', ');
  // Dates added are joined from a keyed temporary table (fillAddedTable): a CTE has no index, and
  // 100k documents each looked up in 100k dates took minutes.
  const from = `WITH p(id, value) AS MATERIALIZED (SELECT key, value FROM json_each(@progress))
    SELECT {columns} FROM documents d LEFT JOIN p ON p.id = d.id ${withAdded ? `LEFT JOIN temp.${ADDED_TABLE} a ON a.id = d.id` : ''} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { from, order: `${order}, d.ord ${direction}`, params };
}

/** The rows with their reading state and date added (only these rows' dates are read). */
export function withProgress(rows: Row[], progress: ProgressById, added: AddedDatesSource = NO_ADDED_DATES_SOURCE): LibraryRow[] {
  const dates = rows.length === 0 ? new Map<string, string>() : added.some(rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, progress: progress.get(row.id) ?? { state: 'unread', percent: 0 }, added: dates.get(row.id) ?? '' }));
}

/** The last view's order, per corpus connection: scrolling asks for page after page of the same view. */
const ORDERS = new WeakMap<Db, { key: string; others: string; ords: Int32Array }>();

/**
 * The ords of the documents in the view, in its order: one sorted query per view (and state of
 * progress), then every page and lookup is a slice of it instead of a sort of the whole library.
 */
/** The temporary table of the dates added that are not the base one, and what it was filled with, per connection. */
const ADDED_TABLE = 'carrel_library_added';
const FILLED = new WeakMap<Db, string>();

/** Fills the temporary table with the dates added (a read-only corpus connection still has a writable temp schema). */
function fillAddedTable(db: Db, added: AddedDates): void {
  if (FILLED.get(db) === added.others) return;
  db.transaction(() => {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${ADDED_TABLE} (id TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`);
    db.exec(`DELETE FROM temp.${ADDED_TABLE}`);
    db.prepare(`INSERT INTO temp.${ADDED_TABLE} (id, value) SELECT key, value FROM json_each(?)`).run(added.others);
  })();
  FILLED.set(db, added.others);
}

function viewOrder(db: Db, view: LibraryView, progress: ProgressById, added: AddedDates, now: Date): Int32Array {
  const q = viewQuery(view, progress, added, now);
  const key = JSON.stringify([view, q.params]);
  // The dates are compared as they are, not put in the key: a string of 100k dates, stringified at every page, cost 15 ms.
  const others = usesAdded(view) ? added.others : '';
  const cached = ORDERS.get(db);
  if (cached?.key === key && cached.others === others) return cached.ords;
  if (usesAdded(view)) fillAddedTable(db, added);
  const ords = Int32Array.from(db.prepare(`${q.from.replace('{columns}', 'd.ord')} ORDER BY ${q.order}`).pluck().all(q.params) as number[]);
  ORDERS.set(db, { key, others, ords });
  return ords;
}

/** What a view reads from the notes database, and the time now (for “added in the last 7 days”). */
export type ViewFacts = { progress: ProgressById; added?: AddedDatesSource; now?: Date };

// Only a view that sorts or filters by date added reads them all.
const order = (db: Db, view: LibraryView, facts: ViewFacts) =>
  viewOrder(db, view, facts.progress, usesAdded(view) ? (facts.added ?? NO_ADDED_DATES_SOURCE).all() : NO_ADDED_DATES, facts.now ?? new Date());

export function countLibraryView(db: Db, view: LibraryView, facts: ViewFacts): number {
  return order(db, view, facts).length;
}

export function listLibraryViewRows(db: Db, view: LibraryView, facts: ViewFacts, offset: number, limit: number): LibraryRow[] {
  const slice = Array.from(order(db, view, facts).subarray(offset, offset + limit));
  if (slice.length === 0) return [];
  const rows = db
    .prepare(`SELECT d.ord AS ord, ${ROW_COLUMNS} FROM documents d WHERE d.ord IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(slice)) as (Row & { ord: number })[];
  const byOrd = new Map(rows.map(({ ord, ...row }) => [ord, row]));
  return withProgress(
    slice.map((ord) => byOrd.get(ord)!),
    facts.progress,
    facts.added,
  );
}

/** A document's position in the view, or -1 when the view does not hold it. */
export function libraryViewPosition(db: Db, view: LibraryView, facts: ViewFacts, id: string): number {
  const ord = db.prepare('SELECT ord FROM documents WHERE id = ?').pluck().get(id) as number | undefined;
  return ord === undefined ? -1 : order(db, view, facts).indexOf(ord);
}
