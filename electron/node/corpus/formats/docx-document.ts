import { HtmlTooDeepError, parseHtml } from '../parse-html';
import { SourceError } from '../source-error';
import type { AssembledText } from '../text-blocks';
import { refuseXmlDeclarations } from './xml-guard';
import { localName, xmlElements } from './xml-reader';
import { decodeEntry, ZipArchive } from './zip-archive';

export type DocxMetadata = { title: string; author: string; date: string; language: string; description: string };

const XML_PARTS = /\.(xml|rels)$/i;
const clean = (value: string) => value.replace(/\s+/g, ' ').trim().slice(0, 1000);

/**
 * Checks a Word document before mammoth reads it, in this thread: a zip within bounds (see
 * ZipArchive), with word/document.xml, and no XML part declaring entities. Returns its
 * metadata (docProps/core.xml: title, creator, created, language, subject or description).
 */
export function checkDocx(bytes: Uint8Array): DocxMetadata {
  const zip = new ZipArchive(bytes);
  if (!zip.has('word/document.xml')) throw new SourceError('malformed', 'not a Word document: word/document.xml is missing');
  // Every XML part in one pass (an archive of many parts is not read once per part).
  const parts = zip.readMatching((name) => XML_PARTS.test(name));
  for (const [name, bytes] of parts) refuseXmlDeclarations(decodeEntry(bytes, name), name);
  const coreBytes = parts.get('docProps/core.xml');
  const core = coreBytes && decodeEntry(coreBytes, 'docProps/core.xml');
  const elements = core === undefined ? [] : xmlElements(core);
  const field = (...names: string[]) => clean(elements.find((e) => names.includes(localName(e.name).toLowerCase()))?.text ?? '');
  return {
    title: field('title'),
    author: field('creator'),
    date: field('created').slice(0, 10),
    language: field('language'),
    description: field('description', 'subject'),
  };
}

/**
 * mammoth's HTML made to read as a document: a table cell's paragraphs stay in the cell (so a
 * row is one line of text, cells apart by tabs) and the footnotes' "↑" back-links go. mammoth
 * writes this HTML itself (the document's text is escaped in it), so its shape is known.
 */
function tidyMammothHtml(html: string): string {
  return html
    .replace(/<td([^>]*)>([\s\S]*?)<\/td>/g, (_, attributes: string, inner: string) => `<td${attributes}>${inner.replace(/<\/?p>/g, ' ')}</td>`)
    .replace(/\s*<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g, '');
}

/** The text of a Word document from mammoth's HTML, through the same sanitising HTML parser as .html sources. */
export function docxText(html: string): AssembledText {
  try {
    return parseHtml(tidyMammothHtml(html));
  } catch (error) {
    if (error instanceof HtmlTooDeepError) throw new SourceError('too-deep', error.message);
    throw error;
  }
}
