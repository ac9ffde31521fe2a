import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../../electron/node/corpus/parse-source';
import { applyFolds, documentFolds, edgeLines, isNavigationLine, repeatsTitle, textLines } from '../../../../electron/node/corpus/fold-lines';
import { BUNDLED_SOURCES } from '../../../harness/paths';

/** A source as the build sees it, with the lines it folds and what each says. */
function folded(name: string, body: string) {
  const doc = parseSource(name, new TextEncoder().encode(body));
  const lines = edgeLines(doc.text, doc.blocks);
  const folds = documentFolds(doc.text, doc.title, lines);
  const blocks = applyFolds(doc.text, doc.blocks, folds);
  return {
    doc,
    folds: folds.map((f) => [f.reason, doc.text.slice(f.start, f.end)]),
    shown: blocks.filter((b) => !b.fold).map((b) => doc.text.slice(b.start, b.end)),
    blocks,
  };
}

const bundled = (name: string) => folded(name, fs.readFileSync(path.join(BUNDLED_SOURCES, name), 'utf8'));

describe('folded lines of the bundled sources', () => {
  it('folds the title each article repeats as its first line', () => {
    for (const name of fs.readdirSync(BUNDLED_SOURCES).filter((n) => n.endsWith('.txt'))) {
      const { doc, folds, shown } = bundled(name);
      expect(folds.filter(([reason]) => reason === 'title'), name).toHaveLength(1);
      expect(shown[0], name).not.toBe(doc.title);
    }
  });

  it('folds the site navigation around the title, and keeps the article', () => {
    expect(bundled('003-isis-propaganda-campaign-on-prisoners.txt').folds).toEqual([
      ['navigation', 'skip to Main Content'],
      ['title', 'Terrorism, Isis launches a propaganda campaign on jihadists prisoners'],
      ['navigation', 'Back To Top'],
    ]);
    const asharq = bundled('004-as-isis-loses-territory-it-seeks-to-survive-online.txt');
    expect(asharq.folds).toEqual([
      ['navigation', 'Middle-east Arab News Opinion | Asharq Al-awsat'],
      ['title', 'As ISIS Loses Territory, it Seeks to Survive Online | ASHARQ AL-AWSAT English Archive 2005 -2017'],
      ['navigation', 'Select Page'],
      ['navigation', 'Media ID: 55367487'],
    ]);
    expect(asharq.shown[0]).toMatch(/^A 2014 image taken from a propaganda video/);
    // The paper's name at the end is the article's attribution, not navigation.
    expect(asharq.shown.at(-1)).toBe('The Washington Post');
    expect(bundled('000-isis-abandoned-caliphate.txt').folds.at(-1)).toEqual(['navigation', 'Read more at DailyMail.co.uk']);
  });

  it('never changes the text: every block still points into it, and folded and shown blocks cover every line', () => {
    for (const name of fs.readdirSync(BUNDLED_SOURCES).filter((n) => n.endsWith('.txt'))) {
      const { doc, blocks } = bundled(name);
      const lines = textLines(doc.text, doc.blocks).map((l) => doc.text.slice(l.start, l.end));
      const covered = textLines(doc.text, blocks).map((l) => doc.text.slice(l.start, l.end));
      expect(covered, name).toEqual(lines);
      for (const b of blocks) expect(b.end, name).toBeGreaterThan(b.start);
    }
  });
});

describe('folded lines of other sources', () => {
  it('keeps a short real line: a heading at the top, navigation words inside the article', () => {
    const body = [
      'Title: The siege',
      '',
      'Analysis',
      '',
      'The siege lasted nine months.',
      '',
      ...Array.from({ length: 8 }, (_, i) => `Paragraph ${i} of the account.\n`),
      'Share',
      '',
      'Home',
      '',
      ...Array.from({ length: 6 }, (_, i) => `Closing paragraph ${i}.\n`),
    ].join('\n');
    const { folds, shown } = folded('siege.txt', body);
    // The first line is the title (a text file's title is its first line): folded; nothing else.
    expect(folds).toEqual([['title', 'Title: The siege']]);
    expect(shown).toContain('Analysis');
    expect(shown).toContain('Share');
    expect(shown).toContain('Home');
  });

  it('folds navigation phrases only at the edges, and a title with or without the site name', () => {
    const body = `---\ntitle: "Report on the border | Example News"\n---\nSkip to content\nHome › World › Middle East\nReport on the border\n\nThe border closed at dawn.\n\nShare on Facebook\n`;
    expect(folded('border.md', body).folds).toEqual([
      ['navigation', 'Skip to content'],
      ['navigation', 'Home › World › Middle East'],
      ['title', 'Report on the border'],
      ['navigation', 'Share on Facebook'],
    ]);
  });

  it('does not take a sentence before the title for site chrome', () => {
    const body = `---\ntitle: "The long war"\n---\nThis essay was first given as a lecture.\n\nThe long war\n\nIt began in 2014.\n`;
    const { folds, shown } = folded('essay.md', body);
    expect(folds).toEqual([]);
    expect(shown[0]).toBe('This essay was first given as a lecture.');
  });

  it('reads only the lines at both ends: the first eight and the last five', () => {
    const body = Array.from({ length: 30 }, (_, i) => `Line ${i}`).join('\n\n');
    const doc = parseSource('lines.txt', new TextEncoder().encode(body));
    const edge = edgeLines(doc.text, doc.blocks).map((l) => doc.text.slice(l.start, l.end));
    expect(edge).toEqual([...Array.from({ length: 8 }, (_, i) => `Line ${i}`), ...Array.from({ length: 5 }, (_, i) => `Line ${25 + i}`)]);
    const short = parseSource('short.txt', new TextEncoder().encode('One\n\nTwo\nThree'));
    expect(edgeLines(short.text, short.blocks).map((l) => [short.text.slice(l.start, l.end), l.whole])).toEqual([
      ['One', true],
      ['Two', false],
      ['Three', false],
    ]);
  });

  it('never folds a whole document', () => {
    const { folds, shown, blocks } = folded('only.txt', 'Only a title\n');
    expect(folds).toEqual([['title', 'Only a title']]);
    expect(shown).toEqual(['Only a title']);
    expect(blocks.every((b) => !b.fold)).toBe(true);
  });

  it('recognises the title repeated with a site name, cut short, or in other case and quotes', () => {
    expect(repeatsTitle('As ISIS Loses Territory | ASHARQ AL-AWSAT English Archive', 'As ISIS Loses Territory')).toBe(true);
    expect(repeatsTitle('“THE LONG WAR”', 'The long war')).toBe(true);
    expect(repeatsTitle('Report on the border', 'Report on the border – Example News')).toBe(true);
    expect(repeatsTitle('A title cut short by the source of its metadata at forty characters or more and the rest', 'A title cut short by the source of its metadata at forty')).toBe(true);
    expect(repeatsTitle('The long war began', 'The long war')).toBe(false);
    expect(repeatsTitle('War', 'Wa')).toBe(false);
  });

  it('knows navigation phrases, not sentences that contain them', () => {
    for (const line of ['skip to Main Content', 'Select Page', 'Media ID: 55367487', 'Back To Top', 'Share this article', 'Toggle navigation', 'News | World | Europe']) {
      expect(isNavigationLine(line), line).toBe(true);
    }
    for (const line of ['Select page 4 of the report and read it.', 'Skip to the end of the war', 'Media', 'The home front', 'Share the burden']) {
      expect(isNavigationLine(line), line).toBe(false);
    }
  });
});
