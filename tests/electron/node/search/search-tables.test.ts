import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyField } from '../../../../electron/node/search/postings';
import { FIELD_NUMBER } from '../../../../electron/node/search/search-fields';
import { openSearchOn, SEARCH_FIXTURES, writeSources } from './search-fixture';

describe('search tables read for corpus analysis', () => {
  let corpus: ReturnType<typeof openSearchOn>;
  beforeAll(() => {
    corpus = openSearchOn(SEARCH_FIXTURES);
  });
  afterAll(() => corpus?.dispose());

  it('count each term in a field as its decoded postings do, read from the blobs or the cache', () => {
    const tables = corpus.store.searchTables();
    const terms = [...new Set(tables.allWords().map((w) => w.term))];
    expect(terms.length).toBeGreaterThan(50);
    // Some terms decoded (cached) first: both ways of counting meet in one answer; asked again and
    // again, more terms than one statement reads.
    for (const term of terms.slice(0, 20)) tables.postings(term);
    const asked = [...Array.from({ length: 30 }, () => terms).flat(), 'no-such-term'];
    const fields = Object.values(FIELD_NUMBER);
    const answers = fields.map((field) => tables.fieldFrequencies(asked, field));
    fields.forEach((field, f) => {
      const expected = asked.map((term) => {
        const postings = tables.postings(term);
        let total = 0;
        for (let entry = 0; entry < (postings?.count ?? 0); entry++) if (keyField(postings!.keys[entry]!) === field) total += postings!.occurrenceCount(entry);
        return total;
      });
      expect(answers[f]).toEqual(expected);
    });
    expect(answers.flat().some((n) => n > 1)).toBe(true);
  });

  it('read the whole texts of documents, as documents() does', () => {
    const tables = corpus.store.searchTables();
    const ords = Array.from({ length: tables.documentCount }, (_, ord) => ord);
    const texts = tables.texts(ords);
    const docs = tables.documents(ords.map((ord) => ({ ord })));
    expect(texts.size).toBe(tables.documentCount);
    for (const ord of ords) expect(texts.get(ord)).toBe(docs.get(ord)!.text.text);
  });

  it('count terms beyond the first statement of a batch', () => {
    // 3,000 distinct made-up words (letters only: no stemmer suffixes), each once or twice.
    const word = (i: number) => `zq${[...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')}x`;
    const words = Array.from({ length: 3000 }, (_, i) => word(i));
    const sources = writeSources({ 'many.txt': `Many words\n\n${words.map((w, i) => (i % 3 === 0 ? `${w} ${w}` : w)).join(' ')}.` });
    const many = openSearchOn(sources.dir);
    try {
      const tables = many.store.searchTables();
      const terms = words.map((w) => tables.allWords().find((entry) => entry.word === w)!.term);
      expect(new Set(terms).size).toBeGreaterThan(2500);
      expect(tables.fieldFrequencies(terms, FIELD_NUMBER.text)).toEqual(words.map((_, i) => (i % 3 === 0 ? 2 : 1)));
    } finally {
      many.dispose();
      sources.dispose();
    }
  });
});
