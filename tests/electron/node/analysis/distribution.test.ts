import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisService, type AnalysisService } from '../../../../electron/node/services/analysis-service';
import { openSearchOn, writeSources } from '../search/search-fixture';

/** Four dated reports and one undated, with the word "drone" counted by hand. */
const FILES: Record<string, string> = {
  // 11 words, drone twice
  'a.md': '---\ntitle: A\ndate: 2015-03-01\n---\n\nThe drone flew. A second drone came back to base today.',
  // 8 words, drone once
  'b.md': '---\ntitle: B\ndate: 2015-11-20\n---\n\nReports mention one drone near the old bridge.',
  // 5 words, none
  'c.md': '---\ntitle: C\ndate: 2016\n---\n\nNothing happened here this week.',
  // 4 words, drone (and drones, one stem) 3 times
  'd.md': '---\ntitle: D\ndate: 2017-06\n---\n\nDrone, drones, drone again.',
  // 6 words, drone once, no date
  'e.md': '---\ntitle: E\n---\n\nAn undated note about a drone.',
};

describe('distribution of a term', () => {
  let sources: { dir: string; dispose(): void };
  let corpus: ReturnType<typeof openSearchOn>;
  let analysis: AnalysisService;
  beforeAll(() => {
    sources = writeSources(FILES);
    corpus = openSearchOn(sources.dir);
    analysis = createAnalysisService(() => corpus.store);
  });
  afterAll(() => {
    corpus?.dispose();
    sources?.dispose();
  });

  it('gives each document its occurrences and their rate per 10,000 of its words, as counted by hand', () => {
    const response = analysis.distribution({ query: 'drone' });
    expect(response.occurrences).toBe(7);
    expect(response.truncated).toBe(false);
    expect(response.documents.map((d) => [d.title, d.words, d.occurrences, d.perTenThousand])).toEqual([
      ['A', 11, 2, 1818.18],
      ['B', 8, 1, 1250],
      ['C', 5, 0, 0],
      ['D', 4, 3, 7500],
      ['E', 6, 1, 1666.67],
    ]);
  });

  it('sums the dated documents by year, leaving out the undated', () => {
    const { periods } = analysis.distribution({ query: 'drone' });
    expect(periods).toEqual([
      { period: '2015', documents: 2, words: 19, occurrences: 3, perTenThousand: 1578.95 },
      { period: '2016', documents: 1, words: 5, occurrences: 0, perTenThousand: 0 },
      { period: '2017', documents: 1, words: 4, occurrences: 3, perTenThousand: 7500 },
    ]);
  });

  it('takes phrases and the rest of the query language', () => {
    expect(analysis.distribution({ query: '"second drone"' }).documents.map((d) => d.occurrences)).toEqual([1, 0, 0, 0, 0]);
    expect(() => analysis.distribution({ query: 'title:' })).toThrow();
  });
});

describe('distribution by month', () => {
  it('counts by month when every dated document is in one year', () => {
    const sources = writeSources({
      'a.md': '---\ntitle: A\ndate: 2016-01-05\n---\n\nDrone one two three.',
      'b.md': '---\ntitle: B\ndate: 2016-01-20\n---\n\nNo such word.',
      'c.md': '---\ntitle: C\ndate: 2016-04-02\n---\n\nDrone drone.',
    });
    const corpus = openSearchOn(sources.dir);
    try {
      const { periods } = createAnalysisService(() => corpus.store).distribution({ query: 'drone' });
      expect(periods.map((p) => [p.period, p.occurrences, p.words])).toEqual([
        ['2016-01', 1, 7],
        ['2016-04', 2, 2],
      ]);
    } finally {
      corpus.dispose();
      sources.dispose();
    }
  });
});
