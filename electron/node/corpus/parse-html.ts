import { Parser } from 'htmlparser2';
import { TextAssembler, type AssembledText, type BlockDir, type BlockKind } from './text-blocks';

export type HtmlMetadata = {
  title: string;
  author: string;
  date: string;
  description: string;
  source: string;
  language: string;
  dir: string;
};

/** anchors: the offset in the text of each element id (an EPUB's contents point at them). */
export type ParsedHtml = AssembledText & { meta: HtmlMetadata; anchors: ReadonlyMap<string, number> };

/** Elements whose content is never text for a reader: code, embedded documents, graphics, media. */
const DROPPED = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'svg', 'math', 'canvas', 'audio', 'video', 'textarea', 'select', 'button',
]);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'br', 'listing', 'plaintext', 'xmp',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PREFORMATTED = new Set(['pre', 'listing', 'plaintext', 'xmp']);

/** <meta> names (lower case) that fill each metadata field, most specific first. */
const META_FIELDS: Record<Exclude<keyof HtmlMetadata, 'title' | 'language' | 'dir'>, string[]> = {
  author: ['author', 'dc.creator', 'dcterms.creator', 'article:author'],
  date: ['date', 'dc.date', 'dcterms.date', 'dcterms.created', 'dcterms.issued', 'article:published_time', 'pubdate'],
  description: ['description', 'dc.description', 'dcterms.description', 'og:description'],
  source: ['source', 'dc.source', 'dcterms.source', 'og:site_name', 'dc.publisher', 'dcterms.publisher'],
};
const META_LANGUAGE = ['dc.language', 'dcterms.language', 'content-language', 'language'];
const META_TITLE = ['dc.title', 'dcterms.title', 'og:title'];
const MAX_META = 1000;

/**
 * Deepest nesting of elements read (Chromium's HTML parser stops nesting at 512 too). The
 * parser's cost per tag grows with the depth, so a hostile file of millions of unclosed tags
 * would take hours: it is refused instead, in milliseconds.
 */
export const MAX_HTML_DEPTH = 512;

/** Thrown when a document nests elements deeper than MAX_HTML_DEPTH. */
export class HtmlTooDeepError extends Error {}

const clean = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_META);

/**
 * Extracts the readable text of an untrusted HTML document with a real HTML parser. Only
 * text survives: scripts, styles, embedded objects, graphics and forms are dropped with their
 * content, block elements become blocks, entities are decoded, and links are recorded as data
 * (span and address) so that nothing in the document can ever run or load anything.
 */
export function parseHtml(html: string): ParsedHtml {
  const out = new TextAssembler();
  const metas = new Map<string, string>();
  let title = '';
  let inTitle = 0;
  let dropped = 0;
  let quote = 0;
  let item = 0;
  let pre = 0;
  let language = '';
  let dir = '';
  let depth = 0;
  // lang and dir stated by open elements, innermost last: each block gets those around it.
  const stated: { depth: number; lang: string; dir: BlockDir | '' }[] = [];
  const around = () => stated[stated.length - 1] ?? { lang: '', dir: '' as const };

  const blockKind = (name: string): BlockKind => {
    if (HEADINGS.has(name)) return name as BlockKind;
    if (name === 'li' || name === 'dt' || name === 'dd') return 'li';
    if (PREFORMATTED.has(name)) return 'pre';
    if (name === 'tr') return 'row';
    if (item > 0) return 'li';
    return quote > 0 ? 'quote' : 'p';
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (++depth > MAX_HTML_DEPTH) throw new HtmlTooDeepError(`elements nested more than ${MAX_HTML_DEPTH} deep`);
        if (name === 'html') {
          language = clean(attribs.lang ?? attribs['xml:lang']);
          dir = clean(attribs.dir).toLowerCase();
        }
        if (name === 'meta') {
          const key = (attribs.name ?? attribs.property ?? attribs['http-equiv'] ?? '').trim().toLowerCase();
          if (key && attribs.content !== undefined && !metas.has(key)) metas.set(key, clean(attribs.content));
        }
        if (name === 'title' && dropped === 0) {
          // The title is metadata, not body text (a <title> inside SVG is simply dropped).
          inTitle++;
          dropped++;
          return;
        }
        if (DROPPED.has(name)) dropped++;
        if (dropped > 0) return;
        const lang = clean(attribs.lang ?? attribs['xml:lang']);
        const stateDir = clean(attribs.dir).toLowerCase();
        if (lang || stateDir === 'rtl' || stateDir === 'ltr') {
          const outer = around();
          stated.push({ depth, lang: lang || outer.lang, dir: stateDir === 'rtl' || stateDir === 'ltr' ? stateDir : outer.dir });
        }
        if (name === 'blockquote') quote++;
        if (name === 'li') item++;
        if (BLOCKS.has(name)) {
          out.endBlock();
          out.setKind(blockKind(name));
          out.setLanguage(around().lang, around().dir);
        }
        if (PREFORMATTED.has(name)) pre++;
        if (name === 'td' || name === 'th') out.addCellSeparator();
        if (attribs.id) out.markAnchor(attribs.id);
        if (name === 'a' && attribs.name) out.markAnchor(attribs.name);
        // Every <a> opens a span (an empty address is not kept) so that closes stay paired.
        if (name === 'a') out.openLink(attribs.href ?? '');
        if (name === 'img' && attribs.alt) out.addText(` ${attribs.alt} `);
      },
      ontext(text) {
        if (inTitle > 0) title += text;
        if (dropped > 0) return;
        if (pre > 0) out.addRaw(text);
        else out.addText(text);
      },
      onclosetag(name) {
        const closesStated = stated.length > 0 && stated[stated.length - 1]!.depth === depth;
        if (closesStated) stated.pop();
        depth--;
        if (name === 'title' && inTitle > 0) {
          inTitle--;
          dropped--;
          return;
        }
        if (DROPPED.has(name)) {
          if (dropped > 0) dropped--;
          return;
        }
        if (dropped > 0) return;
        if (name === 'a') out.closeLink();
        if (PREFORMATTED.has(name) && pre > 0) pre--;
        if (BLOCKS.has(name)) {
          out.endBlock();
          out.setLanguage(around().lang, around().dir);
        }
        if (name === 'blockquote' && quote > 0) quote--;
        if (name === 'li' && item > 0) item--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const pick = (keys: string[]) => keys.map((k) => metas.get(k)).find((v) => v) ?? '';
  const meta: HtmlMetadata = {
    title: clean(title) || pick(META_TITLE),
    author: pick(META_FIELDS.author),
    date: pick(META_FIELDS.date),
    description: pick(META_FIELDS.description),
    source: pick(META_FIELDS.source),
    language: language || pick(META_LANGUAGE),
    dir: dir === 'rtl' || dir === 'ltr' ? dir : '',
  };
  return { ...out.finish(), meta, anchors: out.anchorOffsets() };
}

/** The character set an HTML document declares in its first bytes, if any (lower case). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase();
}
