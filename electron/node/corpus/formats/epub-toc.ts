import { Parser } from 'htmlparser2';
import { MAX_HEADING_TITLE, MAX_HEADINGS } from '../headings';

/**
 * An entry of a book's own table of contents as written: its nesting (1 = top), its label and
 * the address it points at, relative to the navigation document or NCX (`text/c1.xhtml#s2`;
 * '' for a label with no link, such as a part grouping its chapters).
 */
export type TocEntry = { level: number; title: string; href: string };

/** Deepest nesting of elements read in a contents document; deeper, the book's contents are not used (its headings are). */
export const MAX_TOC_DEPTH = 256;

class TooDeep extends Error {}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const tokens = (value: string | undefined) => (value ?? '').toLowerCase().split(/\s+/);

/** Appends text to a label, bounded (a hostile label cannot grow without end). */
const grow = (label: string, text: string) => (label.length >= MAX_HEADING_TITLE * 2 ? label : label + text.slice(0, MAX_HEADING_TITLE * 2 - label.length));

/** Runs a parser over a document, giving up (no entries) on one nested deeper than MAX_TOC_DEPTH. */
function parseBounded(run: () => TocEntry[]): TocEntry[] {
  try {
    return run();
  } catch (error) {
    if (error instanceof TooDeep) return [];
    throw error;
  }
}

/**
 * The table of contents of an EPUB 3 navigation document: the `<nav epub:type="toc">` (or
 * role="doc-toc"; without either, the first `<nav>` that is not a page list or landmarks), its
 * nested `<ol>`s giving the levels, each `<li>`'s first `<a>` (or `<span>`) its label and
 * target. The document is parsed as data only (htmlparser2, nothing fetched or run), bounded in
 * entries, label length and depth.
 */
export function navToc(xhtml: string): TocEntry[] {
  return parseBounded(() => {
    type Nav = { toc: boolean; other: boolean; entries: TocEntry[] };
    const navs: Nav[] = [];
    let nav: Nav | undefined;
    let navDepth = 0;
    let depth = 0;
    let lists = 0;
    // Open <li>s of the nav being read, innermost last, with the list depth they sit at.
    const items: { entry: TocEntry; lists: number; labelled: boolean }[] = [];
    let label: { item: (typeof items)[number]; depth: number } | undefined;
    let dropped = 0;
    const parser = new Parser(
      {
        onopentag(name, attribs) {
          if (++depth > MAX_TOC_DEPTH) throw new TooDeep();
          if (name === 'nav' && !nav) {
            const types = [...tokens(attribs['epub:type']), ...tokens(attribs.role)];
            nav = {
              toc: types.includes('toc') || types.includes('doc-toc'),
              other: types.some((t) => t === 'page-list' || t === 'landmarks' || t === 'doc-pagelist'),
              entries: [],
            };
            navs.push(nav);
            navDepth = depth;
            return;
          }
          if (!nav) return;
          if (name === 'script' || name === 'style') dropped++;
          if (name === 'ol' || name === 'ul') lists++;
          if (name === 'li' && lists > 0 && nav.entries.length < MAX_HEADINGS) {
            const entry: TocEntry = { level: lists, title: '', href: '' };
            nav.entries.push(entry);
            items.push({ entry, lists, labelled: false });
          }
          const item = items[items.length - 1];
          if ((name === 'a' || name === 'span') && item && !item.labelled && item.lists === lists && !label) {
            item.labelled = true;
            if (name === 'a') item.entry.href = (attribs.href ?? '').trim();
            label = { item, depth };
          }
          if (name === 'img' && label && attribs.alt) label.item.entry.title = grow(label.item.entry.title, ` ${attribs.alt} `);
        },
        ontext(text) {
          if (label && dropped === 0) label.item.entry.title = grow(label.item.entry.title, text);
        },
        onclosetag(name) {
          if (label && label.depth === depth) label = undefined;
          if (nav && depth === navDepth && name === 'nav') nav = undefined;
          depth--;
          if (!nav) return;
          if (name === 'script' || name === 'style') dropped = Math.max(0, dropped - 1);
          if (name === 'li' && items.length > 0 && items[items.length - 1]!.lists === lists) items.pop();
          if ((name === 'ol' || name === 'ul') && lists > 0) lists--;
        },
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
    );
    parser.write(xhtml);
    parser.end();
    const chosen = navs.find((n) => n.toc) ?? navs.find((n) => !n.other);
    return (chosen?.entries ?? []).map((e) => ({ ...e, title: flat(e.title) }));
  });
}

/**
 * The table of contents of an EPUB 2 NCX: the navMap's navPoints, nested for the levels, each
 * with its navLabel's text and its content's src (page lists and other navLists are not
 * contents). XML read by htmlparser2 (only the predefined entities decoded), bounded as navToc.
 */
export function ncxToc(xml: string): TocEntry[] {
  return parseBounded(() => {
    const entries: TocEntry[] = [];
    let depth = 0;
    let inMap = 0;
    // navPoints open, innermost last; null when one past the bound is not kept.
    const points: (TocEntry | null)[] = [];
    let labelDepth = 0;
    let textDepth = 0;
    const local = (name: string) => name.slice(name.indexOf(':') + 1);
    const parser = new Parser(
      {
        onopentag(raw, attribs) {
          if (++depth > MAX_TOC_DEPTH) throw new TooDeep();
          const name = local(raw);
          if (name === 'navMap') inMap++;
          if (inMap === 0) return;
          if (name === 'navPoint') {
            const entry = entries.length < MAX_HEADINGS ? { level: points.length + 1, title: '', href: '' } : null;
            if (entry) entries.push(entry);
            points.push(entry);
          }
          const point = points[points.length - 1];
          if (!point) return;
          if (name === 'navLabel' && labelDepth === 0 && point.title === '') labelDepth = depth;
          if (name === 'text' && labelDepth > 0 && textDepth === 0) textDepth = depth;
          if (name === 'content' && point.href === '') point.href = (attribs.src ?? '').trim();
        },
        ontext(text) {
          const point = points[points.length - 1];
          if (point && textDepth > 0) point.title = grow(point.title, text);
        },
        onclosetag(raw) {
          const name = local(raw);
          if (depth === textDepth) textDepth = 0;
          if (depth === labelDepth) labelDepth = 0;
          depth--;
          if (inMap === 0) return;
          if (name === 'navPoint') points.pop();
          if (name === 'navMap') inMap--;
        },
      },
      { xmlMode: true, decodeEntities: true },
    );
    parser.write(xml);
    parser.end();
    return entries.map((e) => ({ ...e, title: flat(e.title) }));
  });
}
