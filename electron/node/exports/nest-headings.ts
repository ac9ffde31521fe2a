import MarkdownIt from 'markdown-it';

// A real CommonMark parser finds the headings, so none in a code block, an HTML block or a
// paragraph line that merely starts with "#" in a code span is touched. html: true because
// Markdown viewers read raw HTML blocks, and a "#" line inside one is not a heading there.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** What stands before a heading's "#" on its line: indentation, block-quote signs, list markers. */
export const CONTAINER_PREFIX = /^(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/**
 * A note written in Markdown, placed under a heading of level `containerLevel` in an export:
 * its headings are moved down together so that its top one sits one level below (capped at 6),
 * and the note's own outline nests under the place it stands in rather than starting a new top
 * section. Headings already deep enough stay as written (the user chose that depth); setext
 * headings that can no longer be setext (level 3 and below) become ATX ones. A code fence the
 * note leaves open is closed, or it would swallow the rest of the export.
 */
export function nestHeadings(body: string, containerLevel: number): string {
  const lines = body.split(/\r?\n/);
  const tokens = markdown.parse(body, {});
  const headings = tokens.filter((t) => t.type === 'heading_open' && t.map);
  const top = Math.min(...headings.map((t) => Number(t.tag.slice(1))));
  const shift = headings.length ? Math.max(0, containerLevel + 1 - top) : 0;

  if (shift > 0) {
    // From the last heading up, so that joining a setext heading's lines keeps the others' line numbers.
    for (const token of [...headings].reverse()) {
      const [start, end] = token.map!;
      const level = Math.min(6, Number(token.tag.slice(1)) + shift);
      if (token.markup.startsWith('#')) {
        const line = lines[start]!;
        const prefix = CONTAINER_PREFIX.exec(line)![0];
        lines[start] = `${prefix}${'#'.repeat(level)}${line.slice(prefix.length).replace(/^#+/, '')}`;
      } else if (level === 2) {
        // "Title\n====" one level down is still setext: "Title\n----".
        lines[end - 1] = lines[end - 1]!.replace(/=+/, (run) => '-'.repeat(run.length));
      } else {
        const prefix = CONTAINER_PREFIX.exec(lines[start]!)![0];
        const text = lines
          .slice(start, end - 1)
          .map((line, i) => (i === 0 ? line.slice(prefix.length) : line.replace(/^[ \t>]*/, '')).trim())
          .join(' ');
        lines.splice(start, end - start, `${prefix}${'#'.repeat(level)} ${text}`);
      }
    }
  }

  const lastFence = tokens.filter((t) => t.type === 'fence' && t.level === 0 && t.map).at(-1);
  if (lastFence && lastFence.map![1] >= body.split(/\r?\n/).length) {
    const closing = CLOSING_FENCE.exec(body.split(/\r?\n/).at(-1) ?? '');
    const closed = lastFence.map![1] - lastFence.map![0] > 1 && closing !== null && closing[1]![0] === lastFence.markup[0] && closing[1]!.length >= lastFence.markup.length;
    if (!closed) lines.push(lastFence.markup);
  }
  return lines.join('\n');
}
