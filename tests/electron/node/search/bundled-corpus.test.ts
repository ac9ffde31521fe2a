import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldWord } from '../../../../electron/node/search/normalise';
import { termOf } from '../../../../electron/node/search/analyse';
import { BUNDLED_SOURCES } from '../../../harness/paths';
import { openSearchOn } from './search-fixture';

// Built from the bundled sources (as `npm run corpus:build` does) into a temporary file.
let bundled: ReturnType<typeof openSearchOn>;
beforeAll(() => {
  bundled = openSearchOn(BUNDLED_SOURCES);
});
afterAll(() => bundled.dispose());

describe('search on the bundled corpus', () => {
  it('ranks the caliphate articles and highlights only forms of the word', () => {
    const response = bundled.search.search({ query: 'caliphate' });
    expect(response.total).toBeGreaterThanOrEqual(3);
    expect(response.results[0]!.title.toLowerCase()).toContain('caliphate');
    const scores = response.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const result of response.results) {
      const doc = bundled.store.getDocument(result.id)!;
      for (const snippet of result.snippets) {
        expect(snippet.text).toBe(doc.text.slice(snippet.offset, snippet.offset + snippet.text.length).replace(/\s/g, ' '));
        for (const h of snippet.highlights) expect(termOf(foldWord(snippet.text.slice(h.start, h.end)))).toBe('caliph');
      }
    }
  });

  it('bounds a one-letter wildcard with a notice and still answers', () => {
    const response = bundled.search.search({ query: 's*' });
    expect(response.notice).toMatch(/more than 200 different words/);
    expect(response.total).toBe(5);
  });

  it('answers or refuses hostile and very broad queries without any other error', () => {
    const letters = 'abcdefghij'.split('');
    const queries = [
      letters.map((l) => `${l}*`).join(' '),
      letters.map((l) => `${l}a~2`).join(' '),
      Array(40).fill('"of the"').join(' '),
      Array(20).fill('"of the" NEAR/100 "in the"').join(' '),
      Array(100).fill('the').join(' '),
      letters.map((l) => `+${l}*`).join(' '),
      'x'.repeat(1000),
      `${'"'.repeat(333)}`,
      ':'.repeat(999),
    ];
    for (const query of queries) {
      try {
        const response = bundled.search.search({ query });
        expect(response.total, query.slice(0, 40)).toBeGreaterThanOrEqual(response.results.length);
      } catch (error) {
        expect((error as { code?: string }).code, query.slice(0, 40)).toBe('query-syntax');
      }
    }
  });

  it('finds a phrase and its hits, and the same hits through findInDocument', () => {
    const response = bundled.search.search({ query: '"virtual caliphate"' });
    expect(response.results.length).toBeGreaterThan(0);
    const top = response.results[0]!;
    const { matches } = bundled.search.findInDocument({ id: top.id, query: '"virtual caliphate"' });
    expect(matches.length).toBe(top.hitCount);
    const doc = bundled.store.getDocument(top.id)!;
    for (const m of matches) expect(doc.text.slice(m.start, m.end).toLowerCase()).toMatch(/^virtual\s+caliphate$/);
  });
});
