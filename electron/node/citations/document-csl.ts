import type { DocumentMeta } from '../../common/corpus/corpus-types';
import type { CslDate, CslItem, CslName, DocumentDetailsInput } from '../../common/citations/citation-types';
import { DETAILS_DATE } from '../../common/citations/citation-schemas';

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * One name as a byline writes it. "Family, Given" and "Given Family" are split; a name in Arabic
 * script is kept whole (literal): its parts (ibn, al-, kunya, nisba) do not map onto family and
 * given, and inverting it would misname the person. So is a one-word name (an organisation).
 */
export function parseName(written: string): CslName | undefined {
  const name = written.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim();
  if (!name) return undefined;
  if (ARABIC_SCRIPT.test(name)) return { literal: name };
  const comma = name.split(',');
  if (comma.length === 2 && comma[0]!.trim() && comma[1]!.trim()) return { family: comma[0]!.trim(), given: comma[1]!.trim() };
  const words = name.split(' ');
  if (words.length < 2) return { literal: name };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

/** A byline's names: separated by ";", " and ", " & " or the Arabic comma or semicolon; "A, B, C" (three or more parts) as a list. */
export function parseByline(byline: string): CslName[] {
  const parts = byline
    .split(/\s*(?:;|،|؛|\s&\s|\sand\s)\s*/i)
    .flatMap((part) => (part.split(',').length > 2 ? part.split(',') : [part]));
  return parts.map(parseName).filter((name): name is CslName => name !== undefined);
}

/** YYYY[-MM[-DD]] (ISO, as front matter and HTML meta give it) or DD.MM.YYYY; anything else is kept as written. */
export function parseDate(written: string): CslDate | undefined {
  const text = written.trim();
  if (!text) return undefined;
  const iso = text.match(/^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$/);
  if (iso) return { 'date-parts': [datePart(iso[1]!, iso[2], iso[3])] };
  const dotted = text.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4})$/);
  if (dotted) return { 'date-parts': [datePart(dotted[3]!, dotted[2], dotted[1])] };
  return { raw: text.slice(0, 100) };
}

function datePart(year: string, month?: string, day?: string): [number, number?, number?] {
  const parts: [number, number?, number?] = [Number(year)];
  if (month && Number(month) >= 1 && Number(month) <= 12) {
    parts.push(Number(month));
    if (day && Number(day) >= 1 && Number(day) <= 31) parts.push(Number(day));
  }
  return parts;
}

/** The CSL id of a document: its corpus's and its own, so items of two corpora never collide. */
export const cslId = (documentId: string) => documentId;

/** What the corpus holds about a document, as CSL-JSON: title, byline, date, source (the outlet), language. */
export function documentCsl(doc: Pick<DocumentMeta, 'id' | 'title' | 'author' | 'date' | 'source' | 'language'>): CslItem {
  const author = parseByline(doc.author);
  const issued = parseDate(doc.date);
  return {
    id: cslId(doc.id),
    type: doc.source.trim() ? 'article-newspaper' : 'document',
    title: doc.title.trim() || doc.id,
    ...(author.length ? { author } : {}),
    ...(issued ? { issued } : {}),
    ...(doc.source.trim() ? { 'container-title': doc.source.trim() } : {}),
    ...(doc.language ? { language: doc.language } : {}),
  };
}

/** The dialog's fields from an item. */
export function detailsFields(item: CslItem): DocumentDetailsInput {
  const parts = item.issued?.['date-parts']?.[0];
  const pad = (n: number | undefined) => (n === undefined ? '' : `-${String(n).padStart(2, '0')}`);
  return {
    type: item.type,
    title: item.title,
    authors: (item.author ?? []).map((name) => name.literal ?? (name.given ? `${name.family ?? ''}, ${name.given}` : (name.family ?? ''))),
    date: parts ? `${String(parts[0]).padStart(4, '0')}${pad(parts[1])}${parts[1] === undefined ? '' : pad(parts[2])}` : '',
    containerTitle: item['container-title'] ?? '',
    publisher: item.publisher ?? '',
    url: item.URL ?? '',
    page: item.page ?? '',
  };
}

/** An item from the dialog's fields (already schema-checked), keeping the document's id and language. */
export function itemFromFields(base: CslItem, fields: DocumentDetailsInput): CslItem {
  const author = fields.authors.map(parseName).filter((name): name is CslName => name !== undefined);
  const date = fields.date.match(DETAILS_DATE);
  const trimmed = (text: string) => text.replace(/\s+/g, ' ').trim();
  return {
    id: base.id,
    type: fields.type,
    title: trimmed(fields.title),
    ...(author.length ? { author } : {}),
    ...(date ? { issued: { 'date-parts': [datePart(date[1]!, date[2], date[3])] } } : {}),
    ...(trimmed(fields.containerTitle) ? { 'container-title': trimmed(fields.containerTitle) } : {}),
    ...(trimmed(fields.publisher) ? { publisher: trimmed(fields.publisher) } : {}),
    ...(fields.url.trim() ? { URL: fields.url.trim() } : {}),
    ...(trimmed(fields.page) ? { page: trimmed(fields.page) } : {}),
    ...(base.language ? { language: base.language } : {}),
  };
}
