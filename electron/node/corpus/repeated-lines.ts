import { lineKey, SHORT_LINE, type LineFold, type TextLine } from './fold-lines';

/** Fewest documents of a site that must carry a line, and the share of the site's documents, for it to be the site's. */
export const MIN_REPEATS = 3;
export const MIN_SHARE = 0.6;
/** Most words a repeated line may have: a longer one is more likely text than a site's furniture. */
const MAX_WORDS = 8;
/** Bounds on what is remembered, whatever the corpus's size (a line not tracked is simply kept). */
const MAX_KEYS = 200_000;
const MAX_CANDIDATES = 1_000_000;

/**
 * Short lines standing as paragraphs of their own at the top or bottom of documents that most
 * documents of the same site carry
 * (a header, a footer: "© 2017 Example News", "Read more from Example"), found across the
 * whole corpus while it is read: each document's edge lines are counted per site, and when
 * every document is in, the lines carried by at least MIN_REPEATS documents and MIN_SHARE of
 * the site's documents are the ones to fold.
 */
export class RepeatedLines {
  private readonly keys = new Map<string, { docs: number; lastOrd: number; site: string }>();
  private readonly siteDocs = new Map<string, number>();
  private readonly candidates: { ord: number; start: number; end: number; key: string }[] = [];

  /** A document's edge lines (edgeLines; those already folded left out), by its site: its source, else its folder. */
  add(ord: number, site: string, text: string, lines: readonly TextLine[], folded: readonly LineFold[]): void {
    this.siteDocs.set(site, (this.siteDocs.get(site) ?? 0) + 1);
    const skip = new Set(folded.map((f) => f.start));
    // Edge lines (edgeLines) standing alone as a block: a line inside a paragraph (an entry's
    // "[1913 Webster]") is its text.
    lines.forEach((line) => {
      if (!line.whole || skip.has(line.start) || line.end - line.start > SHORT_LINE) return;
      const written = text.slice(line.start, line.end);
      // A sentence (it ends as one) is the article's, however often it is repeated.
      if (/[.!?؟。…]["”’»)]?$/.test(written)) return;
      const words = lineKey(written);
      if (words.length < 2 || words.split(' ').length > MAX_WORDS) return;
      const key = `${site}\u0000${words}`;
      let entry = this.keys.get(key);
      if (!entry) {
        if (this.keys.size >= MAX_KEYS) return;
        this.keys.set(key, (entry = { docs: 0, lastOrd: -1, site }));
      }
      if (entry.lastOrd !== ord) {
        entry.docs++;
        entry.lastOrd = ord;
      }
      if (this.candidates.length < MAX_CANDIDATES) this.candidates.push({ ord, start: line.start, end: line.end, key });
    });
  }

  /** The lines to fold, by document. */
  folds(): Map<number, LineFold[]> {
    const out = new Map<number, LineFold[]>();
    for (const { ord, start, end, key } of this.candidates) {
      const entry = this.keys.get(key)!;
      if (entry.docs < MIN_REPEATS || entry.docs < MIN_SHARE * this.siteDocs.get(entry.site)!) continue;
      let list = out.get(ord);
      if (!list) out.set(ord, (list = []));
      list.push({ start, end, reason: 'repeated' });
    }
    return out;
  }
}

/** The site a document belongs to, for repeated lines: the source it names, else the folder it is in. */
export function siteOf(source: string, sourcePath: string): string {
  const named = source.trim().toLowerCase();
  if (named !== '') return `source:${named}`;
  const slash = sourcePath.lastIndexOf('/');
  return `folder:${slash < 0 ? '' : sourcePath.slice(0, slash)}`;
}
