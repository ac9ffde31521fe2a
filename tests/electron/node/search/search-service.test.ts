import lunr from 'lunr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_FIELDS } from '../../../../electron/node/search/search-fields';
import { ServiceError } from '../../../../electron/node/services/service-error';
import { openSearchOn, SEARCH_FIXTURES, writeSources } from './search-fixture';

let fixture: ReturnType<typeof openSearchOn>;
beforeAll(() => {
  fixture = openSearchOn(SEARCH_FIXTURES);
});
afterAll(() => fixture.dispose());

const ids = (query: string) => fixture.search.search({ query }).results.map((r) => r.id);
const highlighted = (query: string) =>
  fixture.search.search({ query }).results.flatMap((r) => r.snippets.flatMap((s) => s.highlights.map((h) => s.text.slice(h.start, h.end))));

describe('search: Arabic and diacritics', () => {
  it('finds الاموي for الأموي and the reverse, whatever the harakat and tatweel', () => {
    expect(ids('الأموي')).toEqual(['umayyad-mosque']);
    expect(ids('الاموي')).toEqual(['umayyad-mosque']);
    expect(highlighted('الأموي')).toEqual(['الأُمَوِيُّ', 'الأموية', 'الاموي', 'الامـــوي']);
  });

  it('handles Arabic phrases, wildcards and fuzzy words', () => {
    expect(highlighted('"المسجد الأموي"')).toEqual(['المسجد الاموي']);
    expect(ids('الأمو*')).toEqual(['umayyad-mosque']);
    expect(ids('دمشك~1')).toEqual(['umayyad-mosque']);
  });

  it('matches ة/ه and ى/ي variants', () => {
    expect(ids('مدينه')).toEqual(['umayyad-mosque']);
    expect(ids('مستشفي')).toEqual(['umayyad-mosque']);
  });

  it('finds Baghdād for Baghdad and Baghdad for Baghdād', () => {
    expect(ids('Baghdad').sort()).toEqual(['round-city', 'wisdom-elsewhere']);
    expect(ids('baghdād').sort()).toEqual(['round-city', 'wisdom-elsewhere']);
    expect(highlighted('Baghdad')).toContain('Baghdād');
  });
});

describe('search: query language', () => {
  it('matches an exact phrase, checking the common words inside it', () => {
    expect(ids('"house of wisdom"')).toEqual(['round-city']);
    expect(ids('"house for wisdom"')).toEqual(['wisdom-elsewhere']);
    expect(highlighted('"house of wisdom"')).toEqual(['House of Wisdom', 'House of Wisdom']);
    expect(ids('"wisdom house"')).toEqual([]);
  });

  it('restricts a word to a field', () => {
    expect(ids('title:baghdad')).toEqual(['round-city']);
    expect(ids('author:example')).toEqual(['round-city']);
    expect(ids('source:press').sort()).toEqual(['round-city', 'wisdom-elsewhere']);
  });

  it('honours +required and -excluded', () => {
    expect(ids('+caliphate -propaganda')).toEqual(['wisdom-elsewhere']);
    expect(ids('+library cordoba baghdad')).toEqual(['wisdom-elsewhere']);
  });

  it('expands trailing wildcards over words as written, and fuzzy words', () => {
    expect(highlighted('propagand*')).toEqual(['Propaganda', 'propagandists']);
    expect(ids('caliphat~1').sort()).toEqual(['round-city', 'wisdom-elsewhere']);
    expect(ids('baghdat~1').sort()).toEqual(['round-city', 'wisdom-elsewhere']);
    expect(ids('cor*ba')).toEqual(['wisdom-elsewhere']);
  });

  it('answers a clause typed twice as once, with twice its weight', () => {
    const once = fixture.search.search({ query: '"house of wisdom"' }).results;
    const twice = fixture.search.search({ query: '"house of wisdom" "house of wisdom"' }).results;
    expect(twice.map((r) => [r.id, r.hitCount])).toEqual(once.map((r) => [r.id, r.hitCount]));
  });

  it('checks NEAR/n on word positions', () => {
    expect(ids('founded NEAR/3 caliph')).toEqual(['round-city']);
    expect(ids('founded NEAR/1 caliph')).toEqual([]);
    expect(ids('palace NEAR/3 wisdom')).toEqual(['round-city']);
    expect(ids('palace NEAR/2 wisdom')).toEqual([]);
    expect(highlighted('palace NEAR/3 wisdom')).toEqual(['Wisdom', 'palace']);
  });

  it('refuses or explains queries that would return everything or nothing', () => {
    expect(fixture.search.search({ query: '   ' })).toMatchObject({ total: 0, results: [] });
    expect(fixture.search.search({ query: '&& …' })).toMatchObject({ total: 0, results: [] });
    expect(() => fixture.search.search({ query: '-caliph' })).toThrow(/only excludes/);
  });

  it('turns every malformed query into a query-syntax ServiceError', () => {
    for (const query of [':', 'title:', '^', 'x^y', '~', '+-', '--x', 'a:b:c', '*', 'NEAR/']) {
      let error: unknown;
      try {
        fixture.search.search({ query });
      } catch (caught) {
        error = caught;
      }
      expect(error, query).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('query-syntax');
    }
  });

  it('never throws anything but a query-syntax error on random input', () => {
    const alphabet = ['a', 'b', 'ب', 'ā', ' ', ':', '"', '*', '~', '^', '+', '-', '1', 'NEAR/', 'NEAR/2', 'title:', '\\', '(', ')', '\u0640', '\u064E'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const query = Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      try {
        const response = fixture.search.search({ query });
        expect(response.total).toBeGreaterThanOrEqual(response.results.length);
      } catch (error) {
        expect((error as ServiceError).code, query).toBe('query-syntax');
      }
    }
  });
});

describe('search: snippets and hits', () => {
  it('cuts snippets at the indexed positions of the hits', () => {
    const [result] = fixture.search.search({ query: 'wisdom' }).results.filter((r) => r.id === 'round-city');
    const doc = fixture.store.getDocument('round-city')!;
    expect(result!.hitCount).toBe(2);
    for (const snippet of result!.snippets) {
      for (const h of snippet.highlights) {
        expect(doc.text.slice(snippet.offset + h.start, snippet.offset + h.end)).toBe('Wisdom');
        expect(snippet.text.slice(h.start, h.end)).toBe('Wisdom');
      }
    }
  });

  it('findInDocument lists every match in reading order, with offsets into the text', () => {
    const doc = fixture.store.getDocument('round-city')!;
    const { matches } = fixture.search.findInDocument({ id: 'round-city', query: 'caliph* city' });
    expect(matches.map((m) => doc.text.slice(m.start, m.end))).toEqual(['City', 'caliph', 'caliphate', 'caliphate', 'city']);
    const starts = matches.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(fixture.search.findInDocument({ id: 'round-city', query: '' }).matches).toEqual([]);
    expect(() => fixture.search.findInDocument({ id: 'nope', query: 'x' })).toThrow(/No document/);
  });
});

describe('search: scores', () => {
  it('scores by BM25F over the fields, with the documents matching every word first', () => {
    const docs = {
      'a.txt': '---\ntitle: "Trade routes"\n---\nCaravans crossed the desert carrying silk and spices to the markets of the city.',
      'b.txt': '---\ntitle: "The city"\n---\nThe city walls were round and the markets were busy with silk merchants.',
      'c.txt': '---\ntitle: "Scholars"\n---\nScholars translated books on astronomy and medicine in the city libraries.',
      'd.txt': '---\ntitle: "Markets"\n---\nSpices and silk and spices again filled the markets every morning.',
    };
    const sources = writeSources(docs);
    const opened = openSearchOn(sources.dir);
    try {
      // The formula computed here from the texts, tokenised as Carrel does (Lunr's tokeniser,
      // trimmer and Porter stemmer, common words kept): per term, idf × 2.2 × t / (1.2 + t),
      // t = Σ fields boost × tf / (0.25 + 0.75 × length / average length), 3 decimals per field.
      const metas = opened.store.listDocuments().map((meta) => opened.store.getDocument(meta.id)!);
      const analyse = (text: string | undefined) =>
        lunr.tokenizer(text ?? '').map((token) => lunr.stemmer(lunr.trimmer(token)!).toString().toLowerCase());
      const fields = metas.map((doc) => SEARCH_FIELDS.map((field) => analyse((doc as unknown as Record<string, string | undefined>)[field.name])));
      const averages = SEARCH_FIELDS.map((_, f) => fields.reduce((sum, d) => sum + d[f]!.length, 0) / metas.length || 1);
      const weight = (d: number, term: string) =>
        SEARCH_FIELDS.reduce((sum, field, f) => {
          const tf = fields[d]![f]!.filter((t) => t === term).length;
          return tf === 0 ? sum : sum + Math.round((1000 * field.boost * tf) / (0.25 + (0.75 * fields[d]![f]!.length) / averages[f]!)) / 1000;
        }, 0);
      const idf = (term: string) => {
        const df = metas.filter((_, d) => weight(d, term) > 0).length;
        return Math.log(1 + (metas.length - df + 0.5) / (df + 0.5));
      };
      for (const query of ['silk', 'city markets', 'spices silk', 'the silk', 'astronomy city']) {
        const terms = analyse(query);
        const expected = metas
          .map((doc, d) => {
            const bm25f = terms.reduce((sum, term) => {
              const t = weight(d, term);
              return sum + (t > 0 ? (idf(term) * 2.2 * t) / (1.2 + t) : 0);
            }, 0);
            const all = terms.length > 1 && terms.every((term) => weight(d, term) > 0);
            return { id: doc.id, score: bm25f + (all ? terms.reduce((sum, term) => sum + idf(term) * 2.2, 0) : 0), any: bm25f > 0 };
          })
          .filter((r) => r.any)
          .sort((x, y) => y.score - x.score)
          .map((r) => [r.id, r.score.toFixed(3)]);
        const actual = opened.search.search({ query }).results.map((r) => [r.id, r.score.toFixed(3)]);
        expect(actual, query).toEqual(expected);
      }
    } finally {
      opened.dispose();
      sources.dispose();
    }
  });
});
