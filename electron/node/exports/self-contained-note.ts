import MarkdownIt from 'markdown-it';
import { CONTAINER_PREFIX } from './nest-headings';

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * CommonMark's HTML blocks 1 to 5 end only at their end condition: left open, one runs to the end
 * of the file, and in the rendered page a comment, <script>, <style> or <textarea> left open hides
 * everything after it (a browser reads raw text up to its end tag). Type 1 must meet its own end
 * tag here, as a browser needs: "<script>…</pre>" ends the Markdown block but not the script.
 */
const BLOCKS: { start: RegExp; closed: (content: string, start: RegExpExecArray) => boolean }[] = [
  { start: /^<(script|pre|style|textarea)(?=[\s>]|$)/i, closed: (content, start) => new RegExp(`</${start[1]}>`, 'i').test(content) },
  { start: /^<!--/, closed: (content) => content.includes('-->') },
  { start: /^<\?/, closed: (content) => content.includes('?>') },
  { start: /^<![A-Za-z]/, closed: (content) => content.includes('>') },
  { start: /^<!\[CDATA\[/, closed: (content) => content.includes(']]>') },
];

function leftOpen(content: string): boolean {
  for (const block of BLOCKS) {
    // Up to three spaces may stand before the opener (markdown-it keeps those after a ">").
    const start = block.start.exec(content.trimStart());
    if (start) return !block.closed(content, start);
  }
  return false;
}

/**
 * A note's HTML that it leaves open, shown as the text it is. Its opener is escaped ("\<!--"
 * begins a paragraph, read as "<!--") rather than closed at the note's end: Carrel shows raw HTML
 * in a note as text, so the user has read these words in the app, and closing the comment would
 * hide them in the export (a <script> closed would run instead). Blocks that are closed, and a
 * note without HTML, are returned as they are.
 */
export function escapeUnclosedHtml(body: string): string {
  // An HTML block starts a line, after a container's signs: a note without one needs no parse.
  if (!body.split('\n').some((line) => line.charAt(CONTAINER_PREFIX.exec(line)![0].length) === '<')) return body;
  let text = body;
  // Each round escapes one "<" that opens HTML, never the same one twice: the "<"s bound the rounds.
  for (let round = body.split('<').length - 1; round > 0; round--) {
    const open = markdown.parse(text, {}).find((t) => t.type === 'html_block' && t.map && (leftOpen(t.content) || openCommentAt(t.content) >= 0));
    if (!open) return text;
    const lines = text.split(/\r?\n/);
    const [start, end] = open.map!;
    if (leftOpen(open.content)) {
      const line = lines[start]!;
      const prefix = CONTAINER_PREFIX.exec(line)![0].length;
      const at = line.charAt(prefix) === '<' ? prefix : line.indexOf('<');
      lines[start] = `${line.slice(0, at)}\\${line.slice(at)}`;
    } else {
      // A comment opened after the block's end condition ("<!-- a --> <!-- b"): the Markdown
      // block ends, the browser's comment does not. Inside raw HTML only a reference escapes "<".
      // The block's content is its lines without the container's signs: the same line, from its end.
      const at = openCommentAt(open.content);
      const before = open.content.slice(0, at).split('\n');
      const i = start + before.length - 1;
      const inLine = lines[i]!.length - open.content.split('\n')[before.length - 1]!.length + before.at(-1)!.length;
      const col = lines[i]!.startsWith('<!--', inLine) ? inLine : lines[i]!.lastIndexOf('<!--');
      if (i >= end || col < 0) return text;
      lines[i] = `${lines[i]!.slice(0, col)}&lt;${lines[i]!.slice(col + 1)}`;
    }
    text = lines.join('\n');
  }
  return text;
}

const RAW_TEXT_START = /<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)(?=[\s/>]|$)/gi;

/**
 * Where raw HTML opens a comment it does not close (-1 if it does not). "<!--" in a script, style
 * or textarea closed is their text, not a comment; "<!-->" is a whole comment, as in HTML.
 */
function openCommentAt(content: string): number {
  for (let at = 0; ; ) {
    const comment = content.indexOf('<!--', at);
    RAW_TEXT_START.lastIndex = at;
    const raw = RAW_TEXT_START.exec(content);
    if (comment < 0) return -1;
    if (raw && raw.index < comment) {
      const close = content.slice(raw.index).search(new RegExp(`</${raw[1]}`, 'i'));
      // One never closed is escapeHidingElements' to show.
      if (close < 0) return -1;
      at = raw.index + close + 2;
      continue;
    }
    const end = content.indexOf('-->', comment + 2);
    if (end < 0) return comment;
    at = end + 3;
  }
}

const LIST_ITEM = /^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/m;

/**
 * Whether two notes written one after the other, a blank line between them, read as other blocks
 * than each alone: a list ending the first and one of the same kind starting the second are one.
 */
export function listsMerge(first: string, second: string): boolean {
  // Most notes neither start with a list item nor hold one: no need to parse them.
  if (!/^(?:[-+*]|\d{1,9}[.)])(?:[ \t\r\n]|$)/.test(second) || !LIST_ITEM.test(first)) return false;
  const blank = first.split('\n').length;
  // One list at the top level over the blank line between them: its lines before and after it.
  return markdown
    .parse(`${first}\n\n${second}`, {})
    .some((t) => t.level === 0 && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') && t.map![0] < blank && t.map![1] > blank + 1);
}

/**
 * Elements whose start tag, left open, spoils what follows in a browser: raw text and RCDATA read
 * up to their own end tag (<plaintext> to the end of the page); <template>, <details> (folded)
 * and <select> do not show what they hold as text; and HTML's formatting elements are rebuilt in
 * every paragraph after them (a <b> or <a href> left open makes the rest of the file bold, or one
 * link). Raw text is closed by the first end tag after the last start tag; the others nest, so
 * they are open while their start tags outnumber their ends.
 */
const RAW_TEXT = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'];
const HIDING = ['template', 'details', 'select', 'a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'];

const TAG = new Map([...RAW_TEXT, ...HIDING].map((name) => [name, { start: new RegExp(`<${name}(?=[\\s/>]|$)`, 'gim'), end: new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi') }]));
const tagsIn = (html: string, name: string, end: boolean) => [...html.matchAll(TAG.get(name)![end ? 'end' : 'start'])].map((m) => m.index);

/** Closed comments and raw text, whose "<textarea" or "<details" is text, not a tag: blanked, the places kept. */
const CLOSED_TEXT = /<!--[\s\S]*?-->|<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)(?=[\s/>])[\s\S]*?<\/\1(?=[\s/>])/gi;
const tagsInHtml = (html: string, name: string, end: boolean) => tagsIn(html.replace(CLOSED_TEXT, (text) => ' '.repeat(text.length)), name, end);

/** Which start tags of `name` in rendered HTML (their ranks, first is 0) a browser leaves open. */
function openStarts(html: string, name: string): Set<number> {
  const starts = tagsInHtml(html, name, false);
  const ends = tagsInHtml(html, name, true);
  // Raw text: the first start after the last end opens it; those after it are its text, shown once it is escaped.
  if (RAW_TEXT.includes(name)) {
    const lastEnd = name === 'plaintext' ? -1 : (ends.at(-1) ?? -1);
    return new Set(starts.flatMap((at, rank) => (at > lastEnd ? [rank] : [])));
  }
  // The others nest: an end tag closes the innermost one open.
  const open: number[] = [];
  const tags = [...starts.map((at, rank) => ({ at, rank })), ...ends.map((at) => ({ at, rank: -1 }))].sort((a, b) => a.at - b.at);
  for (const tag of tags) {
    if (tag.rank >= 0) open.push(tag.rank);
    else open.pop();
  }
  return new Set(open);
}

/**
 * A note's start tags of those elements that it leaves open, shown as text, as escapeUnclosedHtml
 * does for blocks. Which "<name" of the source is a tag (not code, not escaped already) is found
 * by trying, from the last one back: "\<" (in Markdown text) or "&lt;" (in raw HTML, where a
 * backslash is shown) is a tag less in the rendered note. Closed elements are left as they are.
 */
export function escapeHidingElements(body: string): string {
  if (!body.includes('<')) return body;
  let text = body;
  // The note rendered, once for all the names, again only when an escape changes it.
  let html: string | undefined;
  for (const name of TAG.keys()) {
    const candidates = tagsIn(text, name, false).reverse();
    if (!candidates.length) continue;
    html ??= markdown.render(text);
    const open = openStarts(html, name);
    let rank = tagsInHtml(html, name, false).length;
    for (const at of candidates) {
      if (!open.size) break;
      const before = tagsInHtml(html, name, false).length;
      for (const escaped of ['\\<', '&lt;']) {
        const tried = `${text.slice(0, at)}${escaped}${text.slice(at + 1)}`;
        const triedHtml = markdown.render(tried);
        if (tagsInHtml(triedHtml, name, false).length !== before - 1) continue;
        // This "<" is the tag of that rank; escaped only if it is one left open.
        rank--;
        if (open.delete(rank)) [text, html] = [tried, triedHtml];
        break;
      }
    }
  }
  return text;
}

/** The link reference definitions an export holds so far: normalised label, and where it leads. */
export type LinkLabels = Map<string, string>;

type References = Record<string, { href: string; title?: string }>;
/** A label as CommonMark matches it (markdown-it's normalizeReference): spaces collapsed, case folded. */
const normalise = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
const referencesOf = (text: string): References => {
  const env: Record<string, unknown> = {};
  markdown.parse(text, env);
  return (env.references as References | undefined) ?? {};
};

/**
 * A note's link reference definitions, kept its own. A definition holds for the whole file, and
 * the first of a label wins: a note's "[text][1]" would lead where an earlier note's "[1]: …"
 * does, not to its own. A label an earlier note defined otherwise is renamed in this note
 * ("[1]" becomes "[1][1-2]", "[1]: …" "[1-2]: …"), kept only when the note alone renders the same.
 */
export function ownLinkLabels(text: string, labels: LinkLabels): string {
  if (!text.includes(']:')) return text;
  const references = referencesOf(text);
  let html: string | undefined;
  let out = text;
  for (const [key, { href, title }] of Object.entries(references)) {
    const destination = `${href} ${title ?? ''}`;
    const taken = labels.get(key);
    if (taken === undefined || taken === destination) {
      labels.set(key, destination);
      continue;
    }
    let n = 2;
    while (labels.has(normalise(`${key}-${n}`)) || references[normalise(`${key}-${n}`)]) n++;
    const renamed = renameLabel(out, key, `${key.toLowerCase()}-${n}`);
    html ??= markdown.render(text);
    if (markdown.render(renamed) !== html || key in referencesOf(renamed)) continue;
    out = renamed;
    labels.set(normalise(`${key}-${n}`), destination);
  }
  return out;
}

function renameLabel(text: string, key: string, label: string): string {
  const name = key
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return text
    .replace(new RegExp(`^((?:[ \\t>]|[-+*](?=[ \\t])|\\d{1,9}[.)](?=[ \\t]))*)\\[${name}\\]:`, 'gimu'), (_, prefix: string) => `${prefix}[${label}]:`)
    .replace(new RegExp(`\\]\\[${name}\\]`, 'giu'), `][${label}]`)
    .replace(new RegExp(`\\[(${name})\\](?:\\[\\])?(?![[(:])`, 'giu'), (_, text: string) => `[${text}][${label}]`);
}
