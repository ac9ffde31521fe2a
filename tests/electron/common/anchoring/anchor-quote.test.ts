import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorQuote, type AnchorResult } from '../../../../electron/common/anchoring/anchor-quote';
import { buildSelectors } from '../../../../electron/common/anchoring/build-selectors';
import { SEEDS_DIR } from '../../../harness/paths';

const seed = (name: string) => fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
const seed000 = seed('000_83ec540f884ec08d.txt');
const seed001 = seed('001_a3e0fe2a95cac1e4.txt');

/** The n-th (0-based) occurrence of a passage in a text. */
function nth(text: string, passage: string, n: number): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(passage, at + 1);
    if (at === -1) throw new Error(`occurrence ${n} of "${passage}" not found`);
  }
  return at;
}

/** Highlights `passage` (its n-th copy) in `original`, applies `edit`, and re-anchors. */
function reanchor(original: string, passage: string, n: number, edit: (text: string) => string): { result: AnchorResult; edited: string; start: number } {
  const start = nth(original, passage, n);
  const { quote, position } = buildSelectors(original, start, start + passage.length);
  const edited = edit(original);
  return { result: anchorQuote(edited, quote, position), edited, start };
}

const insertBefore = (marker: string, insertion: string) => (text: string) => {
  const at = text.indexOf(marker);
  return text.slice(0, at) + insertion + text.slice(at);
};
const replaceFirst = (from: string, to: string) => (text: string) => text.replace(from, to);
const removeParagraph = (paragraphStart: string, n = 0) => (text: string) => {
  const at = nth(text, paragraphStart, n);
  const end = text.indexOf('\n\n', at);
  return text.slice(0, at) + text.slice(end + 2);
};

function spanOf(result: AnchorResult, text: string): string {
  if (result.status === 'orphaned') throw new Error('orphaned');
  return text.slice(result.start, result.end);
}

const CAPTION = 'ISIS fighter with an American accent delivers a propaganda message with a set of crutches placed on some rocks next to him';
const FILMS = 'The once-professional and lengthy films showing barbaric executions and graphic training videos have been replaced by shaky footage and photoshopped posters';
const FEWER = 'Fewer than 3,000 active fighters are thought to remain';

describe('anchorQuote on real edits of the seed texts', () => {
  it('finds an unchanged highlight exactly where it was', () => {
    const { result, start } = reanchor(seed000, 'hemorrhaged militants', 0, (t) => `${t}\n\nA paragraph added at the end.`);
    expect(result).toMatchObject({ status: 'exact', start, ambiguous: false });
  });

  it('follows a highlight moved by an insertion before it', () => {
    const insertion = 'Editor’s note: this article was updated with new figures from the coalition.\n\n';
    const { result, edited, start } = reanchor(seed000, 'a wheelchair-bound suicide bomber', 0, insertBefore('Islamic State have', insertion));
    expect(result).toMatchObject({ status: 'moved', start: start + insertion.length, ambiguous: false });
    expect(spanOf(result, edited)).toBe('a wheelchair-bound suicide bomber');
  });

  it('follows a highlight after a deleted paragraph', () => {
    const { result, edited, start } = reanchor(seed000, 'state-building, which had been a tool', 0, removeParagraph('Now, the ISIS propaganda team'));
    expect(result.status).toBe('moved');
    expect(spanOf(result, edited)).toBe('state-building, which had been a tool');
    expect(result.status !== 'orphaned' && result.start).toBeLessThan(start);
  });

  it('finds a highlight with a typo fixed inside it as fuzzy, with a score', () => {
    const passage = 'it appears the group is attempting to retreat to smaller cells';
    const { result, edited } = reanchor(seed000, passage, 0, replaceFirst('attempting to retreat', 'attemting to retreat'));
    expect(result.status).toBe('fuzzy');
    if (result.status !== 'fuzzy') return;
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.score).toBeLessThan(1);
    expect(spanOf(result, edited)).toBe(passage.replace('attempting', 'attemting'));
  });

  it('orphans a highlight whose paragraph was deleted, and does not invent a place', () => {
    const passage = 'There’s still have a heavy fight going on';
    const { result } = reanchor(seed000, passage, 0, removeParagraph('‘There’s still have'));
    expect(result.status).toBe('orphaned');
  });

  it('orphans a highlight whose words were rewritten beyond recognition', () => {
    const passage = 'ensured no accidental engagement of non-military personnel';
    const { result } = reanchor(seed000, passage, 0, replaceFirst(passage, 'meant that civilians were not hit, officials insisted'));
    expect(result.status).toBe('orphaned');
  });

  describe('repeated passages (seed 000 repeats captions word for word)', () => {
    it('keeps each copy of a repeated caption on its own copy after an insertion before both', () => {
      const insertion = 'A new paragraph, inserted by the editor before the captions.\n\n';
      for (const n of [0, 1]) {
        const { result, edited } = reanchor(seed000, CAPTION, n, insertBefore('A disabled fighter in a wheelchair', insertion));
        expect(result.status).toBe('moved');
        expect(result.status !== 'orphaned' && result.start).toBe(nth(edited, CAPTION, n));
        expect(result.status !== 'orphaned' && result.ambiguous).toBe(false);
      }
    });

    it('chooses the right copy of a few repeated words inside a repeated caption', () => {
      const insertion = 'Inserted sentence. ';
      for (const n of [0, 1]) {
        const { result, edited } = reanchor(seed000, 'American accent', n, insertBefore('The terror group has been rolling', insertion));
        expect(result.status !== 'orphaned' && result.start).toBe(nth(edited, 'American accent', n));
      }
    });

    it('chooses the second of three near-identical "Fewer than 3,000" paragraphs after the first is deleted', () => {
      // Copies 0 and 1 are adjacent and identical; copy 2 ends with a full stop. Highlight copy 1, delete copy 0.
      const { result, edited } = reanchor(seed000, FEWER, 1, removeParagraph(FEWER, 0));
      expect(result.status).not.toBe('orphaned');
      // In the edited text, the old copy 1 is now the first occurrence.
      expect(result.status !== 'orphaned' && result.start).toBe(nth(edited, FEWER, 0));
    });

    it('keeps the third "Fewer than" copy (the one with a full stop) on itself when the copies before it change', () => {
      const { result, edited } = reanchor(seed000, `${FEWER}, and the US-led coalition`, 2, replaceFirst(FEWER, 'Fewer than 2,500 active fighters are believed to remain'));
      expect(result.status !== 'orphaned' && result.start).toBe(nth(edited, `${FEWER}, and the US-led coalition`, 1));
    });

    it('finds the right copy of a repeated caption with a typo in it, not the untouched copy', () => {
      // Highlight the second "films" caption, then a typo is fixed only in that copy.
      const { result, edited } = reanchor(seed000, FILMS, 1, (text) => {
        const at = nth(text, FILMS, 1);
        return text.slice(0, at) + text.slice(at).replace('barbaric', 'barbarous');
      });
      expect(result.status).toBe('fuzzy');
      const second = nth(seed000, FILMS, 1);
      expect(result.status !== 'orphaned' && Math.abs(result.start - second)).toBeLessThanOrEqual(1);
      expect(spanOf(result, edited)).toContain('barbarous');
    });
  });

  it('copes with a long document and many edits (seed 001)', () => {
    const passage = seed001.slice(20_000, 20_120);
    const edit = (text: string) =>
      'Preface added by the editor.\n\n' + text.slice(0, 5_000) + text.slice(6_000, 20_050) + 'X' + text.slice(20_051);
    const { result, edited } = reanchor(seed001, passage, 0, edit);
    expect(result.status).toBe('fuzzy');
    const expectedStart = 20_000 - 1_000 + 'Preface added by the editor.\n\n'.length;
    expect(result.status !== 'orphaned' && Math.abs(result.start - expectedStart)).toBeLessThanOrEqual(1);
    expect(spanOf(result, edited)).toContain('X');
  });

  it('never silently misplaces a highlight when seed 000 is revised (every paragraph highlighted)', () => {
    // An editorial revision at paragraph level, so where every paragraph went is known exactly.
    const paragraphs = seed000.split('\n\n');
    const highlights = paragraphs
      .map((paragraph, index) => ({ index, local: Math.min(12, Math.floor(paragraph.length / 4)), length: Math.min(60, Math.floor(paragraph.length / 2)) }))
      .filter((h) => h.length >= 8);
    const offsetOf = (list: string[], index: number) => list.slice(0, index).reduce((sum, p) => sum + p.length + 2, 0);
    const deleted = paragraphs.findIndex((p) => p.startsWith('After many of its leaders'));
    const typoIn = paragraphs.findIndex((p) => p.startsWith('The report also said'));
    const revised = paragraphs.map((p, i) => (i === typoIn ? p.replace('narrative no longer', 'narative no longer') : p));
    const edited = ['Updated: figures revised after publication.', ...revised.filter((_, i) => i !== deleted)];
    const newIndex = (index: number) => (index < deleted ? index + 1 : index);
    const text = edited.join('\n\n');
    let reviewed = 0;
    for (const h of highlights) {
      const start = offsetOf(paragraphs, h.index) + h.local;
      const { quote, position } = buildSelectors(seed000, start, start + h.length);
      const result = anchorQuote(text, quote, position);
      if (h.index === deleted) {
        // Gone: orphaned, or found only where the very same text still is.
        if (result.status !== 'orphaned') expect(text.slice(result.start, result.end)).toBe(quote.exact);
        continue;
      }
      const expected = offsetOf(edited, newIndex(h.index)) + h.local;
      expect(result.status, `paragraph ${h.index}`).not.toBe('orphaned');
      if (result.status === 'orphaned') continue;
      if (result.status === 'fuzzy' || result.ambiguous) reviewed++;
      if (result.status === 'fuzzy') expect(Math.abs(result.start - expected)).toBeLessThanOrEqual(2);
      else if (!result.ambiguous) expect(result.start, `paragraph ${h.index}: "${quote.exact}"`).toBe(expected);
    }
    // The typo makes exactly one highlight doubtful; the rest are placed without asking.
    expect(reviewed).toBeGreaterThanOrEqual(1);
    expect(reviewed).toBeLessThanOrEqual(3);
  });

  it('finds Arabic text again when vowel marks are added to it (fuzzy) and after an insertion (moved)', () => {
    const arabic = 'نشر التنظيم مجلة دابق باللغة الإنجليزية، ثم مجلة رومية بعد خسارة الأراضي. '.repeat(3) + 'يتحدث الباحثون عن الخلافة الأموية والعباسية في سياق الدعاية.';
    const passage = 'الخلافة الأموية والعباسية';
    const voweled = reanchor(arabic, passage, 0, replaceFirst('الأموية', 'الأُمَوِيّة'));
    expect(voweled.result.status).toBe('fuzzy');
    expect(spanOf(voweled.result, voweled.edited)).toBe('الخلافة الأُمَوِيّة والعباسية');
    const moved = reanchor(arabic, 'مجلة رومية', 1, (text) => `مقدمة جديدة. ${text}`);
    expect(moved.result).toMatchObject({ status: 'moved', ambiguous: false, start: nth(moved.edited, 'مجلة رومية', 1) });
  });

  it('finds a short quote that occurs thousands of times, however far into the text it is', () => {
    const text = 'the cat sat on the mat. '.repeat(3000) + 'At the very end the quote stands alone in a sentence of its own.';
    const { result, edited } = reanchor(text, 'the', 6001, (t) => `A new first line.\n${t}`);
    expect(result.status !== 'orphaned' && result.start).toBe(edited.indexOf('the quote stands'));
    expect(result.status !== 'orphaned' && result.ambiguous).toBe(false);
  });
});

