import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STOP_WORDS } from '../../../../electron/node/analysis/stop-words';
import { createAnalysisService, type AnalysisService } from '../../../../electron/node/services/analysis-service';
import { foldWord } from '../../../../electron/node/search/normalise';
import { openSearchOn, writeSources } from '../search/search-fixture';

/** Deterministic pseudo-random numbers. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = ['The', 'media', 'office', 'Video', 'released', 'a', 'of', 'caliphate', 'Amaq', 'news', 'in', 'propaganda', 'في', 'من', 'أعماق', 'وكالة'];

/** The words of a paragraph by a plain split (the texts are built of the words above, spaces and full stops). */
const wordsOf = (paragraph: string) => paragraph.split(/[\s.]+/).filter(Boolean).map((w) => foldWord(w.toLowerCase()));

describe('word lists and n-grams', () => {
  let sources: { dir: string; dispose(): void };
  let corpus: ReturnType<typeof openSearchOn>;
  let analysis: AnalysisService;
  const paragraphs = new Map<string, string[]>();

  beforeAll(() => {
    const next = prng(11);
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) {
      const paras = Array.from({ length: 3 + (i % 3) }, () => Array.from({ length: 5 + Math.floor(next() * 25) }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ') + '.');
      files[`doc-${i}.md`] = `---\ntitle: Doc ${i}\n---\n\n${paras.join('\n\n')}`;
      paragraphs.set(`doc-${i}`, paras);
    }
    files['edges.md'] = '---\ntitle: Edges\n---\n\nfirst paragraph ends here\n\nsecond paragraph starts there';
    paragraphs.set('edges', ['first paragraph ends here', 'second paragraph starts there']);
    sources = writeSources(files);
    corpus = openSearchOn(sources.dir);
    analysis = createAnalysisService(() => corpus.store);
  });
  afterAll(() => {
    corpus?.dispose();
    sources?.dispose();
  });

  /** n-grams counted by brute force, paragraph by paragraph, over the given documents. */
  function bruteForce(n: number, ids: string[], hide: boolean): Map<string, { count: number; documents: Set<string> }> {
    const counts = new Map<string, { count: number; documents: Set<string> }>();
    for (const id of ids) {
      for (const paragraph of paragraphs.get(id)!) {
        const words = wordsOf(paragraph);
        for (let i = 0; i + n <= words.length; i++) {
          const gram = words.slice(i, i + n);
          if (hide && (STOP_WORDS.has(gram[0]!) || STOP_WORDS.has(gram[n - 1]!))) continue;
          const key = gram.join(' ');
          const entry = counts.get(key) ?? { count: 0, documents: new Set() };
          entry.count++;
          entry.documents.add(id);
          counts.set(key, entry);
        }
      }
    }
    return counts;
  }
  const asRecord = (counts: Map<string, { count: number; documents: Set<string> }>) =>
    Object.fromEntries([...counts].map(([k, v]) => [k, [v.count, v.documents.size]]));

  it('counts every word of the corpus as a brute-force count does, with the documents holding it', async () => {
    for (const n of [1, 2, 3]) {
      const list = await analysis.wordList({ n });
      expect(Object.fromEntries(list.entries.map((e) => [e.words, [e.count, e.documents]]))).toEqual(asRecord(bruteForce(n, [...paragraphs.keys()], false)));
      expect(list.documents).toBe(9);
      expect(list.truncated).toBe(false);
    }
  });

  it('never joins the last word of a paragraph to the first of the next', async () => {
    const grams = (await analysis.wordList({ n: 2, documentIds: ['edges'] })).entries.map((e) => e.words);
    expect(grams).toContain('ends here');
    expect(grams).toContain('second paragraph');
    expect(grams).not.toContain('here second');
    const trigrams = (await analysis.wordList({ n: 3, documentIds: ['edges'] })).entries.map((e) => e.words);
    expect(trigrams.some((g) => g.includes('here second'))).toBe(false);
    expect(trigrams).toHaveLength(4);
  });

  it('counts only the documents chosen', async () => {
    const ids = ['doc-1', 'doc-4'];
    const list = await analysis.wordList({ n: 1, documentIds: ids });
    expect(list.documents).toBe(2);
    expect(Object.fromEntries(list.entries.map((e) => [e.words, [e.count, e.documents]]))).toEqual(asRecord(bruteForce(1, ids, false)));
  });

  it('hides English and Arabic function words when asked, and n-grams that start or end with one', async () => {
    const all = (await analysis.wordList({ n: 1 })).entries.map((e) => e.words);
    expect(all).toEqual(expect.arrayContaining(['the', 'of', 'a', 'in', 'في', 'من']));
    const hidden = (await analysis.wordList({ n: 1, hideStopWords: true })).entries.map((e) => e.words);
    for (const stop of ['the', 'of', 'a', 'in', 'في', 'من']) expect(hidden).not.toContain(stop);
    expect(hidden).toEqual(expect.arrayContaining(['media', 'amaq', foldWord('أعماق'), foldWord('وكالة')]));
    const bigrams = await analysis.wordList({ n: 2, hideStopWords: true });
    expect(Object.fromEntries(bigrams.entries.map((e) => [e.words, [e.count, e.documents]]))).toEqual(asRecord(bruteForce(2, [...paragraphs.keys()], true)));
  });

  it('knows Arabic function words in their folded forms and with a joined conjunction', async () => {
    for (const word of ['إلى', 'الى', 'هذه', 'التي', 'وفي', 'فقد', 'لكن', 'عليه']) expect(STOP_WORDS.has(foldWord(word))).toBe(true);
    for (const word of ['وكالة', 'أعماق', 'الدولة', 'media', 'caliphate']) expect(STOP_WORDS.has(foldWord(word))).toBe(false);
  });

  it('sorts by frequency (ties by word) or by word', async () => {
    const byCount = (await analysis.wordList({ n: 1 })).entries;
    for (let i = 1; i < byCount.length; i++) {
      const [a, b] = [byCount[i - 1]!, byCount[i]!];
      expect(a.count > b.count || (a.count === b.count && a.words < b.words)).toBe(true);
    }
    const byWord = (await analysis.wordList({ n: 1, sort: 'word' })).entries.map((e) => e.words);
    expect(byWord).toEqual([...byWord].sort(new Intl.Collator('und', { sensitivity: 'base', numeric: true }).compare));
  });
});

describe('a long word list', () => {
  let sources: { dir: string; dispose(): void };
  let corpus: ReturnType<typeof openSearchOn>;
  let analysis: AnalysisService;
  const DOCUMENTS = 200;
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  beforeAll(() => {
    const files: Record<string, string> = {};
    for (let i = 0; i < DOCUMENTS; i++) files[`d-${String(i).padStart(3, '0')}.md`] = `---\ntitle: D ${i}\n---\n\nmedia office ${i} released news of propaganda`;
    sources = writeSources(files);
    corpus = openSearchOn(sources.dir);
    analysis = createAnalysisService(() => corpus.store);
  });
  afterAll(() => {
    corpus?.dispose();
    sources?.dispose();
  });

  it('says how many documents it has counted while it counts', async () => {
    expect(analysis.wordListProgress(undefined)).toEqual({ running: false, documentsDone: 0, documentsTotal: 0 });
    const list = analysis.wordList({ n: 1 });
    const seen: number[] = [];
    while (analysis.wordListProgress(undefined).running) {
      seen.push(analysis.wordListProgress(undefined).documentsDone);
      await turn();
    }
    expect((await list).documents).toBe(DOCUMENTS);
    // Counted a batch at a time: some answers fell between the first document and the last.
    expect(seen.some((done) => done > 0 && done < DOCUMENTS)).toBe(true);
    expect(analysis.wordListProgress(undefined)).toEqual({ running: false, documentsDone: DOCUMENTS, documentsTotal: DOCUMENTS });
  });

  it('stops when cancelled, says so, and counts again when asked again', async () => {
    const list = analysis.wordList({ n: 3 });
    while (analysis.wordListProgress(undefined).documentsDone === 0) await turn();
    expect(analysis.cancelWordList(undefined)).toEqual({ cancelled: true });
    await expect(list).rejects.toMatchObject({ code: 'cancelled', message: expect.stringMatching(/cancelled/) });
    const stoppedAt = analysis.wordListProgress(undefined);
    expect(stoppedAt.running).toBe(false);
    expect(stoppedAt.documentsDone).toBeLessThan(DOCUMENTS);
    expect(analysis.cancelWordList(undefined)).toEqual({ cancelled: false });
    const again = await analysis.wordList({ n: 3 });
    expect(again.documents).toBe(DOCUMENTS);
    expect(again.entries.find((e) => e.words === 'released news of')?.count).toBe(DOCUMENTS);
  });

  it('stops a count still running when another is asked for', async () => {
    const first = analysis.wordList({ n: 2, hideStopWords: true });
    while (analysis.wordListProgress(undefined).documentsDone === 0) await turn();
    const second = analysis.wordList({ n: 2 });
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    expect((await second).documents).toBe(DOCUMENTS);
  });
});
