import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisService, type AnalysisService } from '../../../../electron/node/services/analysis-service';
import { buildRelatedIndex, documentTermsPaced, isStopTerm, relatedDocuments } from '../../../../electron/node/analysis/related-documents';
import { STOP_WORDS } from '../../../../electron/node/analysis/stop-words';
import { termOf } from '../../../../electron/node/search/analyse';
import { tokenise } from '../../../../electron/node/search/tokenise';
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

/**
 * Three topics, each with its own vocabulary over shared filler words; within a topic, documents
 * draw more or fewer topic words, so that the nearest of each document is known: the documents
 * of its topic, the most topical first.
 */
const TOPICS = {
  river: ['euphrates', 'dam', 'irrigation', 'flood', 'bank', 'current', 'delta', 'barge'],
  media: ['video', 'broadcast', 'channel', 'editor', 'studio', 'bulletin', 'camera', 'anchor'],
  prison: ['cell', 'guard', 'inmate', 'warden', 'sentence', 'parole', 'bars', 'yard'],
};
const FILLER = ['the', 'of', 'and', 'report', 'said', 'year', 'people', 'many', 'time', 'place'];
/** Words two topics share now and then, so that documents of other topics are weakly related. */
const SHARED = ['water', 'night', 'border'];

describe('related documents', () => {
  let sources: { dir: string; dispose(): void };
  let corpus: ReturnType<typeof openSearchOn>;
  let analysis: AnalysisService;

  beforeAll(() => {
    const next = prng(3);
    const files: Record<string, string> = {};
    for (const [topic, words] of Object.entries(TOPICS)) {
      for (let i = 0; i < 4; i++) {
        // i = 0 is the most topical: 60 % topic words, down to 30 %.
        const share = 0.6 - i * 0.1;
        const text = Array.from({ length: 200 }, () => {
          const r = next();
          if (r < share) return words[Math.floor(next() * words.length)];
          return r < share + 0.05 ? SHARED[Math.floor(next() * SHARED.length)] : FILLER[Math.floor(next() * FILLER.length)];
        }).join(' ');
        files[`${topic}-${i}.md`] = `---\ntitle: ${topic} ${i}\n---\n\n${text}.`;
      }
    }
    sources = writeSources(files);
    corpus = openSearchOn(sources.dir);
    analysis = createAnalysisService(() => corpus.store);
  });
  afterAll(() => {
    corpus?.dispose();
    sources?.dispose();
  });

  it('finds the documents of the same topic first, never the document itself', async () => {
    for (const topic of Object.keys(TOPICS)) {
      for (let i = 0; i < 4; i++) {
        const { related } = await analysis.relatedDocuments({ documentId: `${topic}-${i}`, limit: 3 });
        expect(related.map((r) => r.id).sort()).toEqual([0, 1, 2, 3].filter((k) => k !== i).map((k) => `${topic}-${k}`));
      }
    }
  });

  it('scores by cosine: between 0 and 1, best first, other topics far below', async () => {
    const { related } = await analysis.relatedDocuments({ documentId: 'media-0', limit: 50 });
    expect(related.length).toBeGreaterThan(3);
    for (const r of related) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < related.length; i++) expect(related[i - 1]!.score).toBeGreaterThanOrEqual(related[i]!.score);
    const sameTopic = related.filter((r) => r.id.startsWith('media-'));
    const others = related.filter((r) => !r.id.startsWith('media-'));
    expect(Math.min(...sameTopic.map((r) => r.score))).toBeGreaterThan(5 * Math.max(0, ...others.map((r) => r.score)));
  });

  it('gives the TF-IDF cosine a brute-force count of the texts gives', async () => {
    const ids = corpus.store.listDocuments().map((d) => d.id);
    const tf = new Map(ids.map((id) => {
      const counts = new Map<string, number>();
      for (const t of tokenise(corpus.store.getDocument(id)!.text)) if (!isStopTerm(termOf(t.word))) counts.set(termOf(t.word), (counts.get(termOf(t.word)) ?? 0) + 1);
      return [id, counts] as const;
    }));
    const df = new Map<string, number>();
    for (const counts of tf.values()) for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const vector = (id: string) => new Map([...tf.get(id)!].map(([term, n]) => [term, n * Math.log(ids.length / df.get(term)!)]));
    const cosine = (a: Map<string, number>, b: Map<string, number>) => {
      let dot = 0;
      for (const [term, w] of a) dot += w * (b.get(term) ?? 0);
      const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
      return dot / (norm(a) * norm(b));
    };
    for (const id of ['media-0', 'river-3', 'prison-1']) {
      const { related } = await analysis.relatedDocuments({ documentId: id, limit: 50 });
      for (const r of related) expect(r.score).toBeCloseTo(cosine(vector(id), vector(r.id)), 2);
    }
  });

  it('is symmetric: the cosine of a and b is that of b and a', async () => {
    const ab = (await analysis.relatedDocuments({ documentId: 'river-0', limit: 50 })).related.find((r) => r.id === 'river-2')!.score;
    const ba = (await analysis.relatedDocuments({ documentId: 'river-2', limit: 50 })).related.find((r) => r.id === 'river-0')!.score;
    expect(ab).toBeCloseTo(ba, 2);
  });

  it('refuses a document that is not in the corpus', async () => {
    await expect(analysis.relatedDocuments({ documentId: 'nope' })).rejects.toThrow(ServiceError);
  });
});

describe('the best related documents, kept as they are scored', () => {
  it('are the first of the whole ranking, ties in corpus order, call after call', () => {
    const next = prng(11);
    const words = ['dam', 'flood', 'bank', 'delta', 'barge', 'video', 'studio', 'camera', 'cell', 'guard', 'yard', 'water'];
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`d${String(i).padStart(2, '0')}.md`] = `---\ntitle: D ${i}\n---\n\n${Array.from({ length: 40 }, () => words[Math.floor(next() * words.length)]).join(' ')}.`;
    // Three copies of one text's words (punctuated apart: identical files are one document): the same score for each, so their order is corpus order.
    for (const [name, end] of [['x1', '.'], ['x2', '!'], ['x3', '?']]) files[`${name}.md`] = `---\ntitle: ${name}\n---\n\ndam flood video camera cell yard water dam flood${end}`;
    const sources = writeSources(files);
    const corpus = openSearchOn(sources.dir);
    try {
      const tables = corpus.store.searchTables();
      const index = buildRelatedIndex(tables);
      const ids = corpus.store.documentIds();
      for (const id of ['d03', 'x1', 'd17']) {
        const ord = tables.documentOrd(id)!;
        const text = corpus.store.getDocument(id)!.text;
        const whole = relatedDocuments(index, tables, ord, text, 1000);
        expect(whole.length).toBeGreaterThan(20);
        for (let i = 1; i < whole.length; i++) expect(whole[i - 1]!.score > whole[i]!.score || (whole[i - 1]!.score === whole[i]!.score && whole[i - 1]!.ord < whole[i]!.ord)).toBe(true);
        for (const k of [1, 2, 3, 5, 8, 20]) expect(relatedDocuments(index, tables, ord, text, k)).toEqual(whole.slice(0, k));
        // Asked again, the same (nothing left over from the call before).
        expect(relatedDocuments(index, tables, ord, text, 1000)).toEqual(whole);
      }
      const x2 = relatedDocuments(index, tables, tables.documentOrd('x2')!, corpus.store.getDocument('x2')!.text, 2);
      expect(x2.map((r) => ids[r.ord])).toEqual(['x1', 'x3']);
      expect(x2[0]!.score).toBe(x2[1]!.score);
    } finally {
      corpus.dispose();
      sources.dispose();
    }
  });
});

describe('the terms of a document, counted in chunks between pauses', () => {
  it('are the terms of the whole text, whatever the chunk, and the counting lets other work run', async () => {
    const words = ['al-Baghdadi', 'don’t', 'Dabiq', 'الدولة', 'الإسلامية', '𝐌𝐚𝐭𝐡', 'videos', 'the', 'Amaq', 'x2', 'naïve'];
    const next = prng(7);
    const text = Array.from({ length: 3000 }, (_, i) => words[Math.floor(next() * words.length)] + (i % 17 === 0 ? '\n\n' : i % 5 === 0 ? ', ' : ' ')).join('');
    const whole = new Map<string, number>();
    for (const { word } of tokenise(text)) if (!STOP_WORDS.has(word)) whole.set(termOf(word), (whole.get(termOf(word)) ?? 0) + 1);
    for (const chunk of [1, 7, 100, 4096, text.length + 1]) {
      let pauses = 0;
      const counted = await documentTermsPaced(text, async () => void pauses++, chunk);
      expect(Object.fromEntries([...counted].sort())).toEqual(Object.fromEntries([...whole].sort()));
      if (chunk < 200) expect(pauses).toBeGreaterThan(10);
      if (chunk > text.length) expect(pauses).toBe(0);
    }
  });
});
