import path from 'node:path';
import { concatAssembled } from '../assembled-text';
import { HtmlTooDeepError, parseHtml } from '../parse-html';
import { SourceError } from '../source-error';
import type { AssembledText } from '../text-blocks';
import { refuseXmlDeclarations } from './xml-guard';
import { localName, xmlElements } from './xml-reader';
import { safeEntryName, ZipArchive } from './zip-archive';

export type BookMetadata = { title: string; author: string; date: string; language: string; source: string; description: string; identifier: string };

export type EpubText = AssembledText & { meta: BookMetadata };

const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/x-dtbook+xml']);
const MAX_META = 1000;
const clean = (value: string) => value.replace(/\s+/g, ' ').trim().slice(0, MAX_META);

/** Reads an XML entry of the book, refusing entity declarations; missing: a malformed book. */
function xmlEntry(zip: ZipArchive, name: string, what: string): string {
  const text = zip.readText(name);
  if (text === undefined) throw new SourceError('malformed', `not an EPUB: ${what} (${name.slice(0, 80)}) is missing`);
  return refuseXmlDeclarations(text, name);
}

/** The archive path an href of the package points at, or a refusal when it leaves the archive. */
function resolveHref(opfPath: string, href: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split('#')[0]!);
  } catch {
    decoded = href.split('#')[0]!;
  }
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(opfPath), decoded));
  if (!safeEntryName(joined) || /^[a-z][a-z0-9+.-]*:/i.test(decoded)) {
    throw new SourceError('unsafe-archive', `the book points at "${href.slice(0, 80)}", outside the archive`);
  }
  return joined;
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
  const parts: AssembledText[] = [];
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
  return { ...concatAssembled(parts), meta };
}
