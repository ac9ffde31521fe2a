import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONCORDANCE_DOCUMENTS } from '../../../../electron/common/analysis/analysis-types';
import { termOf } from '../../../../electron/node/search/analyse';
import { tokenise } from '../../../../electron/node/search/tokenise';
import { STOP_WORDS } from '../../../../electron/node/analysis/stop-words';
import { createAnalysisService, paragraphAt, type AnalysisService } from '../../../../electron/node/services/analysis-service';
import type { CorpusStore } from '../../../../electron/node/corpus/corpus-store';
import { ServiceError } from '../../../../electron/node/services/service-error';
import { openSearchOn, writeSources } from '../search/search-fixture';

/** Deterministic pseudo-random numbers. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = ['the', 'media', 'office', 'video', 'videos', 'released', 'a', 'of', 'caliphate', 'amaq', 'agency', 'news', 'said', 'in', 'propaganda', 'channel'];

function randomText(next: () => number, paragraphs: number): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const words = Array.from({ length: 20 + Math.floor(next() * 30) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    out.push(words.join(' ') + '.');
  }
  return out.join('\n\n');
}

describe('concordance and collocates', () => {
  let sources: { dir: string; dispose(): void };
  let corpus: ReturnType<typeof openSearchOn>;
  let analysis: AnalysisService;
  let texts: Map<string, string>;

  beforeAll(() => {
    const next = prng(7);
    const files: Record<string, string> = {
      'amaq.md': '---\ntitle: Amaq and its videos\n---\n\nThe Amaq News Agency said the video was released. Amaq videos followed.\n\nA second paragraph names Amaq again.',
      'arabic.md': '---\ntitle: وكالة أعماق\n---\n\nنشرت وكالة أعماق بيانا. ثم قالت أعماق إن الفيديو صحيح.',
    };
    for (let i = 0; i < 12; i++) files[`doc-${i}.md`] = `---\ntitle: Generated ${i}\n---\n\n${randomText(next, 4)}`;
    sources = writeSources(files);
    corpus = openSearchOn(sources.dir);
    analysis = createAnalysisService(() => corpus.store);
    texts = new Map(corpus.store.listDocuments().map((doc) => [doc.id, corpus.store.getDocument(doc.id)!.text]));
  });
  afterAll(() => {
    corpus?.dispose();
    sources?.dispose();
  });

  it('gives every occurrence with its context, exactly as the text has it, with its paragraph', () => {
    const response = analysis.concordance({ query: 'amaq', width: 3, limit: 1000 });
    const amaq = response.lines.filter((line) => line.title === 'Amaq and its videos');
    expect(amaq.map((line) => [line.left, line.keyword, line.right, line.paragraph])).toEqual([
      ['The', 'Amaq', 'News Agency said', 1],
      ['video was released.', 'Amaq', 'videos followed. A', 1],
      // Context runs across paragraphs, as in other concordancers; punctuation stays with its word.
      ['second paragraph names', 'Amaq', 'again.', 2],
    ]);
    for (const line of response.lines) {
      const text = texts.get(line.documentId)!;
      expect(text.slice(line.start, line.end)).toBe(line.keyword);
      expect(text.slice(0, line.start).replace(/\s+/g, ' ').trimEnd().endsWith(line.left)).toBe(true);
      expect(text.slice(line.end).replace(/\s+/g, ' ').trimStart().startsWith(line.right)).toBe(true);
    }
    // Every "amaq" of every text, and nothing else: counted independently by tokenising each text.
    const expected = [...texts.values()].reduce((n, text) => n + tokenise(text).filter((t) => t.word === 'amaq').length, 0);
    expect(response.total).toBe(expected);
  });

  it('finds Arabic spellings with the folding search uses', () => {
    const response = analysis.concordance({ query: 'اعماق', width: 2 });
    expect(response.lines.map((line) => line.keyword)).toEqual(['أعماق', 'أعماق']);
    expect(response.lines[0]!.left).toBe('نشرت وكالة');
  });

  it('sorts by a word to the left or right, and filters by document, paging through the same answer', () => {
    const all = analysis.concordance({ query: 'video', width: 4, sort: 'right1', limit: 1000 });
    const keys = all.lines.map((line) => tokenise(line.right)[0]?.word ?? '\uffff');
    expect(keys).toEqual([...keys].sort((a, b) => new Intl.Collator('und', { sensitivity: 'base', numeric: true }).compare(a, b)));
    const left2 = analysis.concordance({ query: 'video', width: 4, sort: 'left2', limit: 1000 });
    const second = left2.lines.map((line) => tokenise(line.left).at(-2)?.word ?? '\uffff');
    expect(second).toEqual([...second].sort((a, b) => new Intl.Collator('und', { sensitivity: 'base', numeric: true }).compare(a, b)));
    const page = analysis.concordance({ query: 'video', width: 4, sort: 'right1', offset: 5, limit: 5 });
    expect(page.lines).toEqual(all.lines.slice(5, 10));
    const top = all.documents[0]!;
    const one = analysis.concordance({ query: 'video', width: 4, documentId: top.id, limit: 1000 });
    expect(one.total).toBe(top.lines);
    expect(new Set(one.lines.map((line) => line.documentId))).toEqual(new Set([top.id]));
    expect(all.documents.reduce((n, d) => n + d.lines, 0)).toBe(all.total);
  });

  it('reads the text of only the documents whose lines are asked for, and pages the same lines as a whole answer', () => {
    // The corpus's store with its search tables counting the documents whose text is read.
    const read: number[] = [];
    const tables = corpus.store.searchTables();
    const counting: CorpusStore = {
      ...corpus.store,
      searchTables: () => ({
        ...tables,
        documents: (requests) => (read.push(...requests.map((r) => r.ord)), tables.documents(requests)),
        texts: (ords) => (read.push(...ords), tables.texts(ords)),
      }),
    };
    const counted = createAnalysisService(() => counting);
    const first = counted.concordance({ query: 'the', width: 4, limit: 3 });
    expect(first.total).toBeGreaterThan(100);
    // "the" stands in every generated document; the first three lines stand in one or two.
    expect(first.documentsTotal).toBeGreaterThanOrEqual(12);
    expect(new Set(read).size).toBeLessThanOrEqual(new Set(first.lines.map((line) => line.documentId)).size);
    // Pages of corpus order, before and after a sort by context read every line, are the whole answer's slices.
    const whole = analysis.concordance({ query: 'the', width: 4, limit: 1000 });
    expect(first.lines).toEqual(whole.lines.slice(0, 3));
    expect(counted.concordance({ query: 'the', width: 4, offset: 40, limit: 7 }).lines).toEqual(whole.lines.slice(40, 47));
    counted.concordance({ query: 'the', width: 4, sort: 'left1', limit: 1 });
    expect(new Set(read).size).toBe(first.documentsTotal);
    expect(counted.concordance({ query: 'the', width: 4, offset: 90, limit: 5 }).lines).toEqual(whole.lines.slice(90, 95));
    // One document's lines, in corpus order, are the whole answer's lines of it.
    const top = whole.documents[0]!;
    expect(counted.concordance({ query: 'the', width: 4, documentId: top.id, limit: 1000 }).lines).toEqual(whole.lines.filter((line) => line.documentId === top.id));
    expect(whole.documentsTotal).toBe(whole.documents.length);
  });

  it('says what is wrong with a malformed query', () => {
    expect(() => analysis.concordance({ query: '+' })).toThrow(ServiceError);
    expect(() => analysis.collocates({ query: 'title:' })).toThrow(/Type a word/);
  });

  it('counts collocates exactly as a brute-force count over every text', () => {
    // Each generated text holds "caliphate" about ten times: windows overlap, at the texts' ends too.
    for (const [node, window, hideStopWords] of [['caliphate', 3, false], ['caliphate', 1, false], ['caliphate', 10, true], ['the', 5, true], ['amaq', 2, false]] as const) {
      const response = analysis.collocates({ query: node, window, hideStopWords, minCount: 1, limit: 100_000 });
      // Brute force: every token of every text; windows of `window` tokens around each occurrence.
      const counts = new Map<string, number>();
      const frequency = new Map<string, number>();
      const forms = new Map<string, Map<string, number>>();
      let occurrences = 0;
      for (const text of texts.values()) {
        const tokens = tokenise(text);
        for (const token of tokens) frequency.set(termOf(token.word), (frequency.get(termOf(token.word)) ?? 0) + 1);
        tokens.forEach((token, i) => {
          if (termOf(token.word) !== termOf(node)) return;
          occurrences++;
          for (const near of [...tokens.slice(Math.max(0, i - window), i), ...tokens.slice(i + 1, i + 1 + window)]) {
            if (hideStopWords && STOP_WORDS.has(near.word)) continue;
            counts.set(termOf(near.word), (counts.get(termOf(near.word)) ?? 0) + 1);
            const seen = forms.get(termOf(near.word)) ?? new Map<string, number>();
            forms.set(termOf(near.word), seen.set(near.word, (seen.get(near.word) ?? 0) + 1));
          }
        });
      }
      expect(occurrences).toBeGreaterThan(0);
      expect(response.occurrences).toBe(occurrences);
      expect(new Map(response.collocates.map((c) => [termOf(c.word), c.count]))).toEqual(counts);
      for (const c of response.collocates) expect(c.frequency).toBe(Math.max(c.count, frequency.get(termOf(c.word))!));
      // Each shown in its commonest form in the windows, ties in code-unit order.
      const commonest = (term: string) => [...forms.get(term)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      for (const c of response.collocates) expect(c.word).toBe(commonest(termOf(c.word)));
      const ranked = response.collocates.map((c) => c.logLikelihood);
      expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    }
    const response = analysis.collocates({ query: 'caliphate', window: 3, hideStopWords: false, minCount: 1, limit: 1000 });
    // "video" and "videos" are one term, shown in its commoner form.
    expect(response.collocates.filter((c) => termOf(c.word) === termOf('video'))).toHaveLength(1);
  });

  it('leaves out function words when asked, and words seen fewer times than minCount', () => {
    const shown = analysis.collocates({ query: 'caliphate', window: 3, hideStopWords: true, minCount: 3 });
    expect(shown.collocates.length).toBeGreaterThan(0);
    for (const c of shown.collocates) {
      expect(STOP_WORDS.has(c.word)).toBe(false);
      expect(c.count).toBeGreaterThanOrEqual(3);
    }
  });

  it('answers a new corpus, not the concordance kept from the last', () => {
    const other = writeSources({ 'one.md': '---\ntitle: One\n---\n\nAmaq once.' });
    const second = openSearchOn(other.dir);
    let current: CorpusStore = corpus.store;
    const switching = createAnalysisService(() => current);
    try {
      expect(switching.concordance({ query: 'amaq' }).total).toBeGreaterThan(1);
      current = second.store;
      expect(switching.concordance({ query: 'amaq' }).total).toBe(1);
    } finally {
      second.dispose();
      other.dispose();
    }
  });
});

describe('the concordance of a word in more documents than the filter lists', () => {
  it('lists the documents with the most lines, ties in library order, and counts them all', () => {
    const files: Record<string, string> = {};
    // "harbour" once in each, three times in the last one.
    for (let i = 0; i <= MAX_CONCORDANCE_DOCUMENTS + 1; i++) files[`d${String(i).padStart(4, '0')}.txt`] = `Note ${i}\n\nThe harbour${i === MAX_CONCORDANCE_DOCUMENTS + 1 ? ' and the harbour and the harbour' : ''} at dawn.`;
    const sources = writeSources(files);
    const corpus = openSearchOn(sources.dir);
    try {
      const response = createAnalysisService(() => corpus.store).concordance({ query: 'harbour', limit: 10 });
      expect(response.total).toBe(MAX_CONCORDANCE_DOCUMENTS + 4);
      expect(response.documentsTotal).toBe(MAX_CONCORDANCE_DOCUMENTS + 2);
      expect(response.documents).toHaveLength(MAX_CONCORDANCE_DOCUMENTS);
      const ids = corpus.store.documentIds();
      expect(response.documents[0]).toEqual({ id: ids.at(-1), title: `Note ${MAX_CONCORDANCE_DOCUMENTS + 1}`, lines: 3 });
      expect(response.documents.slice(1).map((d) => d.id)).toEqual(ids.slice(0, MAX_CONCORDANCE_DOCUMENTS - 1));
    } finally {
      corpus.dispose();
      sources.dispose();
    }
  }, 30_000);
});

describe('concordance sorts', () => {
  it('order lines as collating their whole key words would, keys the collator holds equal in corpus order, none last', () => {
    // Keys the collator holds equal though folded apart (straße and strasse, æon and aeon, 07 and 7),
    // or folded alike (accents, case), numbers (collated as numbers), none (a text's start or end).
    const bodies = ['Été river. ete river straße river strasse river straße river', 'æon river 10 river aeon river 9 river 07 river. 7 river Æon river', 'River été river', 'é river item 2 river Strasse river'];
    const files = Object.fromEntries(bodies.flatMap((body, i) => [[`a${i}.txt`, `Note ${i}\n\n${body}`], [`b${i}.txt`, `More ${i}\n\n${[...body.split(' ')].reverse().join(' ')}`]]));
    const sources = writeSources(files);
    const corpus = openSearchOn(sources.dir);
    try {
      const analysis = createAnalysisService(() => corpus.store);
      const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });
      const whole = analysis.concordance({ query: 'river', width: 3, limit: 1000 }).lines;
      expect(whole.length).toBeGreaterThan(20);
      for (const sort of ['left1', 'left2', 'right1', 'right3', 'keyword'] as const) {
        const n = Number(sort.slice(-1));
        const key = (line: (typeof whole)[number]) =>
          sort === 'keyword' ? line.keyword.toLowerCase() : ((sort.startsWith('left') ? tokenise(line.left).map((t) => t.word).reverse() : tokenise(line.right).map((t) => t.word))[n - 1] ?? '');
        // The reference: every line's key compared by the collator, in a sort of the whole lines.
        const expected = [...whole].sort((a, b) => {
          const ka = key(a);
          const kb = key(b);
          if (ka === '' || kb === '') return (ka === '' ? 1 : 0) - (kb === '' ? 1 : 0);
          return collator.compare(ka, kb);
        });
        const sorted = analysis.concordance({ query: 'river', width: 3, sort, limit: 1000 }).lines;
        expect(sorted.map((line) => [line.documentId, line.start])).toEqual(expected.map((line) => [line.documentId, line.start]));
      }
    } finally {
      corpus.dispose();
      sources.dispose();
    }
  });
});

describe('paragraphAt', () => {
  it('finds the paragraph holding an offset', () => {
    const paragraphs = [{ start: 0, end: 10 }, { start: 12, end: 20 }, { start: 22, end: 30 }];
    expect([0, 9, 12, 21, 29].map((offset) => paragraphAt(paragraphs, offset))).toEqual([1, 1, 2, 2, 3]);
  });
});
