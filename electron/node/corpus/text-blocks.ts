/** What a block of a document was in its source; the reader may style it, never run it. */
export type BlockKind = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'li' | 'quote' | 'pre' | 'row';

/** Writing direction a source states for a block (dir="rtl"/"ltr"); without one the reader decides per paragraph. */
export type BlockDir = 'rtl' | 'ltr';

/**
 * lang and dir: only when the source states them for the block (an HTML lang/dir around it).
 * page: the printed label of the page the block starts on, for paginated sources (PDF).
 */
export type TextBlock = { start: number; end: number; kind: BlockKind; lang?: string; dir?: BlockDir; page?: string };

/** A link found in a document: a span of its text and the address, kept as data only. */
export type TextLink = { start: number; end: number; href: string };

export type AssembledText = { text: string; blocks: TextBlock[]; links: TextLink[] };

const MAX_HREF = 2048;
/** Most element ids a document keeps the place of (targets of an EPUB's contents), and longest id. */
export const MAX_ANCHORS = 20_000;
const MAX_ANCHOR_ID = 256;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'ftp', 'tel', 'news']);

/**
 * The address of a link if it is worth keeping: relative, or with a scheme a reader may want
 * to copy. javascript:, data:, vbscript: and the like are dropped (browsers ignore tabs, new
 * lines and control characters inside a scheme, so they are removed before looking).
 */
export function keptHref(href: string): string {
  const compact = href.replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) return '';
  return href.trim().slice(0, MAX_HREF);
}

/**
 * Assembles a document's plain text from blocks of a parsed source (HTML, Markdown): blocks
 * are joined by a blank line, and every offset counts UTF-16 code units into the result.
 * In flowing text, runs of whitespace collapse to one space as a browser would show them;
 * preformatted text is kept as written. Block ranges exclude surrounding whitespace.
 */
export class TextAssembler {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly blocks: TextBlock[] = [];
  private readonly links: TextLink[] = [];
  /**
   * The block being filled, as pieces: appending to one string and looking at its end would
   * flatten it each time, quadratic in a long block (a hostile page of 200k tags took 8 s).
   */
  private pieces: string[] = [];
  private bufferLength = 0;
  private lastChar = '';
  private hasText = false;
  private kind: BlockKind = 'p';
  private lang = '';
  private dir: BlockDir | '' = '';
  private openLinks: { href: string; start: number }[] = [];
  private pendingLinks: { href: string; start: number; end: number }[] = [];
  /** Ids met in the block being filled, at their place in it; an empty block passes them on to the next. */
  private pendingAnchors: { id: string; at: number }[] = [];
  private readonly anchors = new Map<string, number>();

  /** Sets the kind of the block being filled (the outermost structure wins when called first). */
  setKind(kind: BlockKind): void {
    if (this.bufferLength === 0) this.kind = kind;
  }

  /**
   * The language and direction the source states around the blocks that follow (an empty
   * string: none stated). Takes effect for the block being filled only if it has no text yet.
   */
  setLanguage(lang: string, dir: BlockDir | ''): void {
    if (this.bufferLength > 0) return;
    this.lang = lang;
    this.dir = dir;
  }

  /** Appends flowing text, collapsing whitespace. */
  addText(text: string): void {
    let collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (this.bufferLength === 0 || this.lastChar === ' ' || this.lastChar === '\n' || this.lastChar === '\t') {
      if (collapsed.startsWith(' ')) collapsed = collapsed.slice(1);
    }
    this.append(collapsed);
  }

  /** Appends text exactly as written (preformatted text, Markdown inline text). */
  addRaw(text: string): void {
    this.append(text);
  }

  /** A line break inside the current block. */
  addLineBreak(): void {
    this.trimEndSpaces();
    this.append('\n');
  }

  /** A separator between cells of a table row. */
  addCellSeparator(): void {
    if (!this.hasText) return;
    this.trimEndSpaces();
    this.append('\t');
  }

  private append(text: string): void {
    if (text === '') return;
    this.pieces.push(text);
    this.bufferLength += text.length;
    this.lastChar = text[text.length - 1]!;
    if (!this.hasText && /\S/.test(text)) this.hasText = true;
  }

  private trimEndSpaces(): void {
    while (this.pieces.length > 0) {
      const piece = this.pieces[this.pieces.length - 1]!;
      const trimmed = piece.replace(/[ \t]+$/, '');
      this.bufferLength -= piece.length - trimmed.length;
      if (trimmed !== '') {
        this.pieces[this.pieces.length - 1] = trimmed;
        this.lastChar = trimmed[trimmed.length - 1]!;
        return;
      }
      this.pieces.pop();
    }
    this.lastChar = '';
  }

  openLink(href: string): void {
    this.openLinks.push({ href: keptHref(href), start: this.bufferLength });
  }

  closeLink(): void {
    const link = this.openLinks.pop();
    if (link && link.href !== '') this.pendingLinks.push({ ...link, end: this.bufferLength });
  }

  /**
   * An element's id (or an old-style <a name>) at this place: its offset in the text is where
   * the next text lands. The first of two equal ids wins, as in a browser; bounded in number.
   */
  markAnchor(id: string): void {
    if (id === '' || id.length > MAX_ANCHOR_ID || this.anchors.size + this.pendingAnchors.length >= MAX_ANCHORS) return;
    this.pendingAnchors.push({ id, at: this.bufferLength });
  }

  /** The offset of every id met (markAnchor), once the text is finished. */
  anchorOffsets(): ReadonlyMap<string, number> {
    return this.anchors;
  }

  /** Ends the current block; an empty block leaves no trace. */
  endBlock(): void {
    const raw = this.pieces.join('');
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== '') {
      if (this.length > 0) this.push('\n\n');
      const start = this.length;
      this.push(body);
      const block: TextBlock = { start, end: this.length, kind: this.kind };
      if (this.lang) block.lang = this.lang;
      if (this.dir) block.dir = this.dir;
      this.blocks.push(block);
      for (const anchor of this.pendingAnchors) {
        if (!this.anchors.has(anchor.id)) this.anchors.set(anchor.id, start + Math.max(0, Math.min(body.length, anchor.at - lead)));
      }
      this.pendingAnchors = [];
      const spans = [...this.pendingLinks, ...this.openLinks.map((l) => ({ ...l, end: raw.length }))];
      for (const span of spans) {
        const from = Math.max(0, span.start - lead);
        const to = Math.min(body.length, span.end - lead);
        if (to > from && span.href !== '') this.links.push({ start: start + from, end: start + to, href: span.href });
      }
    }
    this.pieces = [];
    this.bufferLength = 0;
    this.lastChar = '';
    this.hasText = false;
    this.kind = 'p';
    this.pendingLinks = [];
    this.pendingAnchors = this.pendingAnchors.map((a) => ({ ...a, at: 0 }));
    this.openLinks = this.openLinks.map((l) => ({ ...l, start: 0 }));
  }

  finish(): AssembledText {
    this.endBlock();
    // Ids after the last text: the end of the text.
    for (const anchor of this.pendingAnchors) if (!this.anchors.has(anchor.id)) this.anchors.set(anchor.id, this.length);
    this.pendingAnchors = [];
    return { text: this.parts.join(''), blocks: this.blocks, links: this.links };
  }

  private push(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
}
