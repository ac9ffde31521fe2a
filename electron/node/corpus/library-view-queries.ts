import type { ReadingProgress } from '../../common/notes/reading-progress';
import type { LibraryRow, LibraryView } from '../../common/corpus/library-types';
import type { Db } from '../sqlite/open-database';

/** Reading progress by document id (documents never opened are absent: unread). */
export type ProgressById = ReadonlyMap<string, ReadingProgress>;

type Row = Omit<LibraryRow, 'progress'>;

/** Terms of each order; empty fields last whichever the direction (the first term of those is not reversed). */
const ORDER: Readonly<Record<LibraryView['sort'], { last?: string; terms: string[] }>> = {
  corpus: { terms: ['d.ord'] },
  title: { terms: ['d.title COLLATE NOCASE'] },
  author: { last: "d.author = ''", terms: ['d.author COLLATE NOCASE'] },
  source: { last: "d.source = ''", terms: ['d.source COLLATE NOCASE'] },
  length: { terms: ['d.word_count'] },
  date: { last: "d.date = ''", terms: ['d.date'] },
  progress: { terms: ['COALESCE(p.value, -1)'] },
};

const ROW_COLUMNS = 'd.id, d.title, d.source, d.author, d.language, d.date, d.word_count AS wordCount';

export function isDefaultView(view: LibraryView | undefined): boolean {
  return !view || (view.sort === 'corpus' && !view.descending && view.text.trim() === '' && view.state === 'all');
}

/** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The library as the view asks: filtered by text (title, author or source) and state, ordered
 * by a field (corpus order breaking ties). Progress lives in the notes database: it comes in as
 * a JSON object (id → percent, 100 finished), joined through a materialised table, so only the
 * documents the reader has opened cross into the query.
 */
function viewQuery(view: LibraryView, progress: ProgressById) {
  const percents = Object.fromEntries([...progress].map(([id, p]) => [id, p.state === 'finished' ? 100 : p.percent]));
  const where: string[] = [];
  const params: (string | number)[] = [JSON.stringify(percents)];
  const text = view.text.trim();
  if (text) {
    where.push("(d.title LIKE ? ESCAPE '\\' OR d.author LIKE ? ESCAPE '\\' OR d.source LIKE ? ESCAPE '\\')");
    const pattern = containsPattern(text);
    params.push(pattern, pattern, pattern);
  }
  if (view.state === 'unread') where.push('p.value IS NULL');
  if (view.state === 'started') where.push('p.value < 100');
  if (view.state === 'finished') where.push('p.value >= 100');
  const direction = view.descending ? 'DESC' : 'ASC';
  const { last, terms } = ORDER[view.sort];
  const order = [...(last ? [`${last} ASC`] : []), ...terms.map((term) => `${term} ${direction}`)].join(', ');
  const from = `WITH p(id, value) AS MATERIALIZED (SELECT key, value FROM json_each(?))
    SELECT {columns} FROM documents d LEFT JOIN p ON p.id = d.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  return { from, order: `${order}, d.ord ${direction}`, params };
}

export function withProgress(rows: Row[], progress: ProgressById): LibraryRow[] {
  return rows.map((row) => ({ ...row, progress: progress.get(row.id) ?? { state: 'unread', percent: 0 } }));
}

/** The last view's order, per corpus connection: scrolling asks for page after page of the same view. */
const ORDERS = new WeakMap<Db, { key: string; ords: Int32Array }>();

/**
 * The ords of the documents in the view, in its order: one sorted query per view (and state of
 * progress), then every page and lookup is a slice of it instead of a sort of the whole library.
 */
function viewOrder(db: Db, view: LibraryView, progress: ProgressById): Int32Array {
  const q = viewQuery(view, progress);
  const key = JSON.stringify([view, q.params[0]]);
  const cached = ORDERS.get(db);
  if (cached?.key === key) return cached.ords;
  const ords = Int32Array.from(db.prepare(`${q.from.replace('{columns}', 'd.ord')} ORDER BY ${q.order}`).pluck().all(...q.params) as number[]);
  ORDERS.set(db, { key, ords });
  return ords;
}

export function countLibraryView(db: Db, view: LibraryView, progress: ProgressById): number {
  return viewOrder(db, view, progress).length;
}

export function listLibraryViewRows(db: Db, view: LibraryView, progress: ProgressById, offset: number, limit: number): LibraryRow[] {
  const slice = Array.from(viewOrder(db, view, progress).subarray(offset, offset + limit));
  if (slice.length === 0) return [];
  const rows = db
    .prepare(`SELECT d.ord AS ord, ${ROW_COLUMNS} FROM documents d WHERE d.ord IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(slice)) as (Row & { ord: number })[];
  const byOrd = new Map(rows.map(({ ord, ...row }) => [ord, row]));
  return withProgress(
    slice.map((ord) => byOrd.get(ord)!),
    progress,
  );
}

/** A document's position in the view, or -1 when the view does not hold it. */
export function libraryViewPosition(db: Db, view: LibraryView, progress: ProgressById, id: string): number {
  const ord = db.prepare('SELECT ord FROM documents WHERE id = ?').pluck().get(id) as number | undefined;
  return ord === undefined ? -1 : viewOrder(db, view, progress).indexOf(ord);
}
