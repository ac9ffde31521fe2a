import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords } from '../../../../electron/node/analysis/word-list';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { CORPUS_FORMAT_VERSION } from '../../../../electron/node/corpus/corpus-format';
import { openCorpus, type CorpusStore } from '../../../../electron/node/corpus/corpus-store';
import { createSearchService } from '../../../../electron/node/services/search-service';
import { BUNDLED_SOURCES } from '../../../harness/paths';

let dir: string;
const tmp = () => fs.mkdtempSync(path.join(dir, 'c-'));
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-folded-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function build(files: Record<string, string>): CorpusStore {
  const sources = tmp();
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(sources, name)), { recursive: true });
    fs.writeFileSync(path.join(sources, name), body);
  }
  const file = path.join(tmp(), 'corpus.sqlite');
  buildCorpus({ sourcesDir: sources, outFile: file });
  return openCorpus(file);
}

/** Folded and shown lines of a document as the reader gets them. */
function lines(store: CorpusStore, id: string) {
  const doc = store.getDocument(id)!;
  const text = (p: { start: number; end: number }) => doc.text.slice(p.start, p.end);
  return { folded: doc.paragraphs.filter((p) => p.fold).map((p) => [p.fold, text(p)]), shown: doc.paragraphs.filter((p) => !p.fold).map(text) };
}

describe('a corpus built with folded lines', () => {
  it('is of the current format, and the bundled articles no longer show their title or navigation', () => {
    const sources = tmp();
    for (const name of fs.readdirSync(BUNDLED_SOURCES)) fs.copyFileSync(path.join(BUNDLED_SOURCES, name), path.join(sources, name));
    const file = path.join(tmp(), 'bundled.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: file });
    const store = openCorpus(file);
    try {
      expect(store.info.formatVersion).toBe(CORPUS_FORMAT_VERSION);
      const asharq = lines(store, '004-as-isis-loses-territory-it-seeks-to-survive-online');
      expect(asharq.folded.map(([reason]) => reason)).toEqual(['navigation', 'title', 'navigation']);
      expect(asharq.shown[0]).toMatch(/^A 2014 image/);
      // The text is the source's, byte for byte: the sources and the stored text are unchanged.
      const doc = store.getDocument('003-isis-propaganda-campaign-on-prisoners')!;
      expect(doc.text.startsWith('skip to Main Content\n\nTerrorism, Isis launches')).toBe(true);
      // Folded lines are not searched as text; the title still finds its document by its title.
      const search = createSearchService(() => store);
      expect(search.search({ query: 'text:skip' }).total).toBe(0);
      expect(search.search({ query: '"media id"' }).total).toBe(0);
      expect(search.search({ query: 'text:jihadists' }).results.map((r) => r.id)).toContain('003-isis-propaganda-campaign-on-prisoners');
      expect(search.search({ query: 'title:prisoners' }).results.map((r) => r.id)).toEqual(['003-isis-propaganda-campaign-on-prisoners']);
      // Word lists count what search counts: not the words of folded lines.
      const words = countWords(store.textBatches(undefined), { n: 1, hideStopWords: false });
      expect(words.truncated).toBe(false);
      expect(words.entries.map((e) => e.words)).not.toContain('skip');
      expect(words.entries.map((e) => e.words)).toContain('jihadists');
      // Hits point at the same characters as before: offsets count in the unchanged text.
      const [hit] = search.findInDocument({ id: '003-isis-propaganda-campaign-on-prisoners', query: 'forgotten' }).matches;
      expect(doc.text.slice(hit!.start, hit!.end)).toBe('forgotten');
    } finally {
      store.close();
    }
  });

  it('folds lines most documents of a site carry at their top or bottom, and keeps those of one document or of few', () => {
    const article = (i: number, site: string, extra = '') =>
      `---\ntitle: "Dispatch ${i}"\nsource: "${site}"\n---\nExample News · World edition\n\nDispatch ${i}\n\n${extra}The convoy ${i} reached the city.\n\nIt left at night.\n\nSubscribe to our newsletter\n\n© 2017 Example News\n`;
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`example/d${i}.md`] = article(i, 'Example News', i === 2 ? 'Analysis\n\n' : '');
    // The same footer on two documents of another site: too few to be that site's.
    for (let i = 5; i < 7; i++) files[`other/d${i}.md`] = `---\ntitle: "Note ${i}"\nsource: "Other"\n---\nThe note ${i}.\n\nMore of note ${i}.\n\n© 2017 Example News\n`;
    const store = build(files);
    try {
      const two = lines(store, 'example/d2');
      expect(two.folded).toEqual([
        ['navigation', 'Example News · World edition'],
        ['title', 'Dispatch 2'],
        ['repeated', 'Subscribe to our newsletter'],
        ['repeated', '© 2017 Example News'],
      ]);
      // A short line of one document is its own.
      expect(two.shown).toEqual(['Analysis', 'The convoy 2 reached the city.', 'It left at night.']);
      expect(lines(store, 'other/d5').folded).toEqual([]);
      // A sentence every document repeats is text, not furniture.
      expect(lines(store, 'example/d0').shown).toContain('It left at night.');
    } finally {
      store.close();
    }
  });
});
