import MarkdownIt, { type Token } from 'markdown-it';
import { parseHtml } from './parse-html';
import { TextAssembler, type AssembledText, type BlockKind } from './text-blocks';

// Raw HTML is recognised so that its tags can be stripped (and its scripts dropped), not shown.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

const INLINE_DROPPED = /^<\s*(script|style|template|noscript|iframe|object|svg|math|textarea)\b/i;
const INLINE_DROPPED_END = /^<\s*\/\s*(script|style|template|noscript|iframe|object|svg|math|textarea)\s*>/i;

/**
 * Strips Markdown syntax into blocks of plain text with a real Markdown parser: headings,
 * paragraphs, list items, block quotes and code blocks become blocks; inline text is kept as
 * written (emphasis marks, link syntax and inline HTML tags removed); links are kept as data.
 */
export function parseMarkdown(source: string): AssembledText {
  const out = new TextAssembler();
  const tokens = markdown.parse(source, {});
  let quote = 0;
  let list = 0;
  let kind: BlockKind = 'p';

  for (const token of tokens) {
    switch (token.type) {
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        list++;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        list--;
        break;
      case 'heading_open':
        kind = token.tag as BlockKind;
        break;
      case 'paragraph_open':
        kind = list > 0 ? 'li' : quote > 0 ? 'quote' : 'p';
        break;
      case 'tr_open':
        kind = 'row';
        break;
      case 'th_open':
      case 'td_open':
        out.addCellSeparator();
        break;
      case 'inline':
        out.setKind(kind);
        addInline(out, token.children ?? []);
        if (kind !== 'row') out.endBlock();
        break;
      case 'tr_close':
        out.endBlock();
        break;
      case 'fence':
      case 'code_block':
        out.setKind('pre');
        out.addRaw(token.content);
        out.endBlock();
        break;
      case 'html_block':
        addHtml(out, token.content);
        break;
      default:
        break;
    }
  }
  return out.finish();
}

function addInline(out: TextAssembler, children: Token[]): void {
  let dropped = 0;
  for (const child of children) {
    if (child.type === 'html_inline') {
      if (INLINE_DROPPED.test(child.content)) dropped++;
      else if (INLINE_DROPPED_END.test(child.content) && dropped > 0) dropped--;
      continue;
    }
    if (dropped > 0) continue;
    switch (child.type) {
      case 'text':
      case 'code_inline':
        out.addRaw(child.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        out.addLineBreak();
        break;
      case 'link_open':
        out.openLink(String(child.attrGet('href') ?? ''));
        break;
      case 'link_close':
        out.closeLink();
        break;
      case 'image':
        addInline(out, child.children ?? []);
        break;
      default:
        break;
    }
  }
}

/** A raw HTML block inside Markdown: only its readable text, as blocks. */
function addHtml(out: TextAssembler, html: string): void {
  const parsed = parseHtml(html);
  for (const block of parsed.blocks) {
    out.setKind(block.kind);
    out.addRaw(parsed.text.slice(block.start, block.end));
    out.endBlock();
  }
}
