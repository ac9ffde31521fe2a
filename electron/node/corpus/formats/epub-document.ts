import path from 'node:path';
import { concatAssembled } from '../assembled-text';
import { checkedHeadings, type SourceHeading } from '../headings';
import { HtmlTooDeepError, parseHtml } from '../parse-html';
import { SourceError } from '../source-error';
import type { TextBlock } from '../text-blocks';
import { navToc, ncxToc, type TocEntry } from './epub-toc';
import { refuseXmlDeclarations } from './xml-guard';
import { localName, xmlElements } from './xml-reader';
import { safeEntryName, ZipArchive } from './zip-archive';

export type BookMetadata = { title: string; author: string; date: string; language: string; source: string; description: string; identifier: string };

/** headings: the book's own table of contents (nav document or NCX), when it has one that points into its chapters. */
export type EpubText = { text: string; blocks: TextBlock[]; links: { start: number; end: number; href: string }[]; meta: BookMetadata; headings?: SourceHeading[] };

const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/x-dtbook+xml']);
const MAX_META = 1000;
const clean = (value: string) => value.replace(/\s+/g, ' ').trim().slice(0, MAX_META);

/** Reads an XML entry of the book, refusing entity declarations; missing: a malformed book. */
function xmlEntry(zip: ZipArchive, name: string, what: string): string {
  const text = zip.readText(name);
  if (text === undefined) throw new SourceError('malformed', `not an EPUB: ${what} (${name.slice(0, 80)}) is missing`);
  return refuseXmlDeclarations(text, name);
}

const decoded = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** The archive path an href points at from the document `base`, or undefined when it leaves the archive. */
function archivePath(base: string, href: string): string | undefined {
  const file = decoded(href.split('#')[0]!);
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || file.startsWith('/') || file.startsWith('\\')) return undefined;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(base), file));
  return safeEntryName(joined) ? joined : undefined;
}

/** The archive path an href of the package points at, or a refusal when it leaves the archive. */
function resolveHref(opfPath: string, href: string): string {
  const joined = archivePath(opfPath, href);
  if (joined === undefined) throw new SourceError('unsafe-archive', `the book points at "${href.slice(0, 80)}", outside the archive`);
  return joined;
}

type Chapter = { start: number; anchors: ReadonlyMap<string, number> };

/**
 * The book's table of contents as headings of its text: each entry's target (resolved from the
 * contents document's own place) is the start of its chapter, or the element its fragment
 * names; an entry without a target of its own takes its first sub-entry's. Entries pointing
 * outside the book or at no chapter of the spine are left out; so are those out of reading order.
 */
function tocHeadings(entries: readonly TocEntry[], base: string, chapters: ReadonlyMap<string, Chapter>, text: string, blocks: readonly TextBlock[]): SourceHeading[] {
  const target = (href: string): number | undefined => {
    if (href === '') return undefined;
    const file = href.split('#')[0]!;
    const name = file === '' ? base : archivePath(base, href);
    const chapter = name === undefined ? undefined : chapters.get(name);
    if (!chapter) return undefined;
    const hash = href.indexOf('#');
    const fragment = hash >= 0 ? decoded(href.slice(hash + 1)) : '';
    return (fragment === '' ? undefined : chapter.anchors.get(fragment)) ?? chapter.start;
  };
  const targets = entries.map((e) => target(e.href));
  // Its end: the end of the first block ending after its start (the chapter's heading, most often).
  const blockEnd = (start: number) => {
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    return blocks[lo]?.end ?? start;
  };
  const given: SourceHeading[] = [];
  entries.forEach((entry, i) => {
    let start = targets[i];
    if (start === undefined && entries[i + 1] && entries[i + 1]!.level > entry.level) start = targets[i + 1];
    if (start === undefined) return;
    const end = Math.max(start, Math.min(text.length, blockEnd(start)));
    given.push({ level: Math.min(6, entry.level), start, end, title: entry.title });
  });
  return checkedHeadings(text, given);
}

/** The book's contents document: EPUB 3's navigation document, else the spine's NCX (EPUB 2), read defensively. */
function tocEntries(zip: ZipArchive, opfPath: string, opf: ReturnType<typeof xmlElements>): { entries: TocEntry[]; base: string }[] {
  const items = opf.filter((e) => localName(e.name) === 'item' && e.attributes.href);
  const spine = opf.find((e) => localName(e.name) === 'spine');
  const navItem = items.find((e) => (e.attributes.properties ?? '').split(/\s+/).includes('nav'));
  const ncxItem =
    items.find((e) => spine?.attributes.toc && e.attributes.id === spine.attributes.toc) ?? items.find((e) => e.attributes['media-type'] === 'application/x-dtbncx+xml');
  const found: { entries: TocEntry[]; base: string }[] = [];
  for (const [item, parse] of [
    [navItem, navToc],
    [ncxItem, ncxToc],
  ] as const) {
    const base = item && archivePath(opfPath, item.attributes.href!);
    const xml = base === undefined ? undefined : zip.readText(base);
    // A contents document that is missing or declares entities is not used: the headings are the contents.
    if (base === undefined || xml === undefined) continue;
    try {
      found.push({ entries: parse(refuseXmlDeclarations(xml, base)), base });
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
    }
  }
  return found;
}

/**
 * An EPUB (2 or 3) as one document: META-INF/container.xml names the package document, whose
 * spine gives the chapters in reading order; each chapter's XHTML goes through the same
 * sanitising HTML parser as an .html source (headings keep their levels, nothing can run) and
 * the chapters follow each other as blocks. Metadata from the package: dc:title, dc:creator,
 * dc:date, dc:language, dc:publisher (as the source), dc:description, dc:identifier.
 */
export function epubText(bytes: Uint8Array): EpubText {
  const zip = new ZipArchive(bytes);
  const container = xmlElements(xmlEntry(zip, 'META-INF/container.xml', 'its container'));
  const rootfiles = container.filter((e) => localName(e.name) === 'rootfile' && e.attributes['full-path']);
  const rootfile = rootfiles.find((e) => e.attributes['media-type'] === 'application/oebps-package+xml') ?? rootfiles[0];
  if (!rootfile) throw new SourceError('malformed', 'not an EPUB: its container names no package document');
  const opfPath = rootfile.attributes['full-path']!;
  if (!safeEntryName(opfPath)) throw new SourceError('unsafe-archive', `the package document "${opfPath.slice(0, 80)}" leaves the archive`);
  const opf = xmlElements(xmlEntry(zip, opfPath, 'its package document'));

  const first = (name: string) => clean(opf.find((e) => localName(e.name).toLowerCase() === name && e.parents.some((p) => localName(p) === 'metadata'))?.text ?? '');
  const all = (name: string) =>
    opf
      .filter((e) => localName(e.name).toLowerCase() === name && e.parents.some((p) => localName(p) === 'metadata'))
      .map((e) => clean(e.text))
      .filter(Boolean);
  const manifest = new Map<string, { href: string; type: string }>();
  for (const item of opf.filter((e) => localName(e.name) === 'item')) {
    if (item.attributes.id && item.attributes.href) manifest.set(item.attributes.id, { href: item.attributes.href, type: item.attributes['media-type'] ?? '' });
  }
  const spine = opf.filter((e) => localName(e.name) === 'itemref').map((e) => e.attributes.idref ?? '');
  const parts: ReturnType<typeof parseHtml>[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  for (const idref of spine) {
    const item = manifest.get(idref);
    if (!item || !CHAPTER_TYPES.has(item.type)) continue;
    const name = resolveHref(opfPath, item.href);
    if (seen.has(name)) continue;
    seen.add(name);
    const xhtml = zip.readText(name);
    if (xhtml === undefined) continue;
    try {
      parts.push(parseHtml(refuseXmlDeclarations(xhtml, name)));
      names.push(name);
    } catch (error) {
      if (error instanceof HtmlTooDeepError) throw new SourceError('too-deep', `${name.slice(0, 80)}: ${error.message}`);
      throw error;
    }
  }
  if (spine.length === 0) throw new SourceError('malformed', 'not an EPUB: its package has no spine (no chapters in order)');
  const meta: BookMetadata = {
    title: first('title'),
    author: all('creator').join('; '),
    date: first('date'),
    language: first('language'),
    source: first('publisher'),
    description: first('description'),
    identifier: first('identifier'),
  };
  const { text, blocks, links, starts } = concatAssembled(parts);
  const chapters = new Map<string, Chapter>();
  parts.forEach((part, i) => {
    const shifted = new Map<string, number>();
    for (const [id, at] of part.anchors) shifted.set(id, at + starts[i]!);
    chapters.set(names[i]!, { start: starts[i]!, anchors: shifted });
  });
  // The first contents document that gives any heading (nav, then NCX); else the chapters' headings.
  let headings: SourceHeading[] | undefined;
  for (const { entries, base } of tocEntries(zip, opfPath, opf)) {
    const found = tocHeadings(entries, base, chapters, text, blocks);
    if (found.length > 0) {
      headings = found;
      break;
    }
  }
  return { text, blocks, links, meta, ...(headings ? { headings } : {}) };
}
