import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchOn, writeSources } from './search-fixture';

/**
 * Ranking rules (issue 13) on a small hand-made corpus: everyday words ("the", "city",
 * "market", "silk") in many documents, a few rare ones in few.
 */
const FILLER = [
  'The city market sold silk and grain to the people of the town.',
  'Merchants of the city carried silk along the old road to the market.',
  'The market of the town was busy with the trade of the city.',
  'In the city the silk of the east was sold in the market every day.',
  'People came to the market of the city with grain and with cloth.',
  'The old road led from the town to the city and its market.',
  'Silk and cloth and grain filled the market of the town.',
  'The city walls stood around the market and the houses of the people.',
];

const DOCS: Record<string, string> = {
  ...Object.fromEntries(FILLER.map((text, i) => [`filler-${i}.txt`, `---\ntitle: "Town ${i}"\n---\n${text}\n`])),
  // Every word of "saffron silk market", each once, in a text of ordinary length.
  'all-words.txt':
    '---\ntitle: "A merchant\'s ledger"\n---\nHe wrote down what the caravan brought: bales of silk, a little saffron and some salt, all of it sold at the market by evening.\n',
  // The rare word alone, in its short title and again and again in its short text.
  'rare-alone.txt': '---\ntitle: "Saffron"\n---\nSaffron, saffron and more saffron.\n',
  // A title repeating a common word of the query, and its text repeating it too, nothing else of it.
  'title-repeats.txt': '---\ntitle: "Market"\n---\nThe market, the market hall and the market square.\n',
  // Every word of "market lantern harbour" in its text, once each.
  'body-has-all.txt': '---\ntitle: "Night watch"\n---\nA lantern hung by the harbour gate, where the fish market opened at dawn.\n',
  // Two words of "harbour lantern keeper" in a short text.
  'two-of-three.txt': '---\ntitle: "On the quay"\n---\nThe keeper lit a lantern.\n',
  // One of them, in its title and again and again in its text.
  'one-repeated.txt': '---\ntitle: "Harbour"\n---\nHarbour after harbour, the harbour.\n',
  // The same words, once in a short text and once in a long one that only repeats them for its length.
  'short-copper.txt': '---\ntitle: "Kitchen"\n---\nA copper kettle hung over the fire.\n',
  'long-copper.txt': `---\ntitle: "Household inventory"\n---\n${Array.from({ length: 40 }, (_, i) =>
    i % 13 === 0 ? 'One copper kettle was listed in the room with chairs, tables, rugs, lamps and baskets of linen.' : 'Chairs, tables, rugs, lamps, baskets of linen and boxes of old letters were listed in the room.',
  ).join(' ')}\n`,
};

let fixture: ReturnType<typeof openSearchOn>;
let sources: ReturnType<typeof writeSources>;
beforeAll(() => {
  sources = writeSources(DOCS);
  fixture = openSearchOn(sources.dir);
});
afterAll(() => {
  fixture.dispose();
  sources.dispose();
});

const ids = (query: string) => fixture.search.search({ query }).results.map((r) => r.id);
const rank = (query: string, id: string) => ids(query).indexOf(id);

describe('search ranking', () => {
  it('puts a document matching every query word above one matching a rare word alone', () => {
    expect(ids('saffron silk market')[0]).toBe('all-words');
    expect(rank('saffron silk market', 'all-words')).toBeLessThan(rank('saffron silk market', 'rare-alone'));
  });

  it('ranks every document holding all the words above those holding only some', () => {
    const found = fixture.search.search({ query: 'saffron silk market' }).results;
    const withAll = found.filter((r) => r.id === 'all-words');
    expect(withAll).toHaveLength(1);
    for (const other of found.filter((r) => r.id !== 'all-words')) expect(other.score).toBeLessThan(withAll[0]!.score);
  });

  it('does not let a title repeating a common query word beat a text holding every query word', () => {
    expect(ids('market lantern harbour')[0]).toBe('body-has-all');
    expect(rank('market lantern harbour', 'body-has-all')).toBeLessThan(rank('market lantern harbour', 'title-repeats'));
  });

  it('counts a word in a title and again in the text once, so that matching more of the query wins', () => {
    // Neither matches every word: the one holding two of them beats the one repeating one.
    expect(rank('harbour lantern keeper', 'two-of-three')).toBeLessThan(rank('harbour lantern keeper', 'one-repeated'));
  });

  it('does not let a long document win by its length', () => {
    expect(ids('copper kettle')[0]).toBe('short-copper');
  });

  it('keeps +required, -excluded and field prefixes as they were', () => {
    expect(ids('+saffron silk')).toEqual(['all-words', 'rare-alone']);
    expect(ids('saffron -silk')).toEqual(['rare-alone']);
    expect(ids('title:market')).toEqual(['title-repeats']);
  });

  it('lets boosts order the documents that match only some of the words', () => {
    expect(ids('saffron^10 market').slice(0, 2)).toEqual(['all-words', 'rare-alone']);
    expect(ids('saffron market^10').slice(0, 2)).toEqual(['all-words', 'title-repeats']);
  });
});
