import { MAX_DISTRIBUTION_DOCUMENTS, type DistributionDocument, type DistributionPeriod } from '../../common/analysis/analysis-types';
import type { DocumentMeta } from '../../common/corpus/corpus-types';
import type { PreparedQuery } from '../search/resolved-query';
import type { SearchTables } from '../search/search-tables';
import { matchedSpans } from './concordance';

/** Occurrences per 10,000 words, to two decimals (0 for a document without words). */
export const perTenThousand = (occurrences: number, words: number): number => (words > 0 ? Math.round((occurrences / words) * 1_000_000) / 100 : 0);

/** Occurrences of the query in the text of each document, by document ord. */
export function occurrencesByDocument(prepared: PreparedQuery, tables: SearchTables): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { ord, spans } of matchedSpans(prepared, tables)) counts.set(ord, spans.length);
  return counts;
}

/**
 * One bar per document: every document of a corpus of at most MAX_DISTRIBUTION_DOCUMENTS, in
 * corpus order (zeros included, they are findings too); in a larger corpus the documents holding
 * the term, most per 10,000 words first, cut there. `documents` is in corpus order (index = ord).
 */
export function documentDistribution(counts: Map<number, number>, documents: readonly DocumentMeta[]): { bars: DistributionDocument[]; truncated: boolean } {
  const bar = (ord: number): DistributionDocument => {
    const doc = documents[ord]!;
    const occurrences = counts.get(ord) ?? 0;
    return { id: doc.id, title: doc.title, date: doc.date, words: doc.wordCount, occurrences, perTenThousand: perTenThousand(occurrences, doc.wordCount) };
  };
  if (documents.length <= MAX_DISTRIBUTION_DOCUMENTS) return { bars: documents.map((_, ord) => bar(ord)), truncated: false };
  const found = [...counts.keys()].map(bar).sort((a, b) => b.perTenThousand - a.perTenThousand || b.occurrences - a.occurrences);
  return { bars: found.slice(0, MAX_DISTRIBUTION_DOCUMENTS), truncated: found.length > MAX_DISTRIBUTION_DOCUMENTS };
}

const DATE = /^(\d{4})(?:-(\d{2}))?/;

/**
 * The same figures summed by period over the documents that have a date (YYYY, YYYY-MM or
 * YYYY-MM-DD at the start of their date): by year, or by month when all are in one year and
 * have months. Periods in time order; the relative frequency is of the period's words.
 */
export function periodDistribution(counts: Map<number, number>, documents: readonly DocumentMeta[]): DistributionPeriod[] {
  const dated = documents.flatMap((doc, ord) => {
    const match = DATE.exec(doc.date.trim());
    return match ? [{ ord, doc, year: match[1]!, month: match[2] }] : [];
  });
  if (dated.length === 0) return [];
  const byMonth = new Set(dated.map((d) => d.year)).size === 1 && dated.every((d) => d.month !== undefined);
  const periods = new Map<string, DistributionPeriod>();
  for (const { ord, doc, year, month } of dated) {
    const key = byMonth ? `${year}-${month}` : year;
    let period = periods.get(key);
    if (!period) periods.set(key, (period = { period: key, documents: 0, words: 0, occurrences: 0, perTenThousand: 0 }));
    period.documents++;
    period.words += doc.wordCount;
    period.occurrences += counts.get(ord) ?? 0;
  }
  return [...periods.values()]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((p) => ({ ...p, perTenThousand: perTenThousand(p.occurrences, p.words) }));
}
