import type { Db } from '../sqlite/open-database';

/**
 * What search filters and sorts documents by, for every document of a corpus (by ord): loaded
 * on the first search that filters or sorts, never at start-up, and kept with the corpus's tables.
 */
export type DocumentFacts = {
  /** Rank of each document's title in title order (Unicode collation, numbers as numbers). */
  titleRank: Uint32Array;
  /** The date each document states, as [earliest, latest] day it may mean ('' when it states none). */
  dateLow: string[];
  dateHigh: string[];
  /** Rank of each document in date order, oldest or newest first, documents stating no date last. */
  oldestRank: Uint32Array;
  newestRank: Uint32Array;
  /** Title, source, author and file name, folded (document filter). */
  haystack: string[];
};

/** Lower case, marks removed: "Baghdād" and "BAGHDAD" compare the same. */
export function foldForFilter(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const LAST_DAY = ['', '31', '29', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];

/**
 * A date as the days it may mean, [low, high] in YYYY-MM-DD: "2017" is the whole year, "2017-06"
 * the month. Stated dates are free text: ISO dates and their prefixes are read, anything else
 * Date.parse understands too (UTC); otherwise the document states no date: ['', ''].
 */
export function dateRange(value: string): [string, string] {
  const text = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/.exec(text);
  if (iso) {
    const [, year, month, day] = iso;
    if (day) return [`${year}-${month}-${day}`, `${year}-${month}-${day}`];
    if (month) return [`${year}-${month}-01`, `${year}-${month}-${LAST_DAY[Number(month)] ?? '31'}`];
    return [`${year}-01-01`, `${year}-12-31`];
  }
  if (text === '') return ['', ''];
  const parsed = Date.parse(`${text} UTC`) || Date.parse(text);
  if (!Number.isFinite(parsed)) return ['', ''];
  const day = new Date(parsed).toISOString().slice(0, 10);
  return [day, day];
}

export function loadDocumentFacts(db: Db, documentCount: number): DocumentFacts {
  const rows = db.prepare('SELECT ord, title, source, author, source_path AS path, date FROM documents ORDER BY ord').all() as {
    ord: number;
    title: string;
    source: string;
    author: string;
    path: string;
    date: string;
  }[];
  const dateLow = new Array<string>(documentCount).fill('');
  const dateHigh = new Array<string>(documentCount).fill('');
  const haystack = new Array<string>(documentCount).fill('');
  for (const row of rows) {
    [dateLow[row.ord], dateHigh[row.ord]] = dateRange(row.date);
    haystack[row.ord] = foldForFilter([row.title, row.source, row.author, row.path].join('\n'));
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const byTitle = rows.map((row) => row.ord).sort((a, b) => collator.compare(rows[a]!.title, rows[b]!.title) || a - b);
  const titleRank = new Uint32Array(documentCount);
  byTitle.forEach((ord, rank) => (titleRank[ord] = rank));
  const ranks = (key: string[], newest: boolean) => {
    const dated = byTitle.filter((ord) => key[ord] !== '');
    // Stable: the same day keeps title order.
    dated.sort((a, b) => (key[a] === key[b] ? 0 : (key[a]! < key[b]!) !== newest ? -1 : 1));
    const out = new Uint32Array(documentCount).fill(documentCount);
    dated.forEach((ord, rank) => (out[ord] = rank));
    return out;
  };
  return { titleRank, oldestRank: ranks(dateLow, false), newestRank: ranks(dateHigh, true), haystack, dateLow, dateHigh };
}
