import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../electron/node/search/parse-query';
import { QuerySyntaxError } from '../../../../electron/node/search/query-syntax';

describe('parseQuery', () => {
  it('reads words, phrases, fields, presence, wildcards, fuzzy words, boosts and NEAR', () => {
    const { clauses } = parseQuery('caliph "House of Wisdom" title:Baghdād +required -excluded propagand* caliphat~1 city^3 isis NEAR/4 online');
    expect(clauses.map((c) => [c.presence, c.fields, c.boost])).toEqual([
      ['optional', undefined, 1],
      ['optional', undefined, 1],
      ['optional', ['title'], 1],
      ['required', undefined, 1],
      ['prohibited', undefined, 1],
      ['optional', undefined, 1],
      ['optional', undefined, 1],
      ['optional', undefined, 3],
      ['optional', undefined, 1],
    ]);
    expect(clauses[1]!.operands[0]).toMatchObject({
      kind: 'phrase',
      words: [
        { word: 'house', offset: 0 },
        { word: 'of', offset: 1 },
        { word: 'wisdom', offset: 2 },
      ],
    });
    expect(clauses[2]!.operands[0]).toMatchObject({ kind: 'word', word: 'baghdad' });
    expect(clauses[5]!.operands[0]).toMatchObject({ word: 'propagand*', wildcard: true });
    expect(clauses[6]!.operands[0]).toMatchObject({ word: 'caliphat', editDistance: 1 });
    expect(clauses[8]!.operands.map((o) => o.kind === 'word' && o.word)).toEqual(['isis', 'online']);
    expect(clauses[8]!.distances).toEqual([4]);
  });

  it('reads a hyphenated word as a phrase and a field-prefixed phrase', () => {
    expect(parseQuery('x-ray').clauses[0]!.operands[0]).toMatchObject({ kind: 'phrase', words: [{ word: 'x' }, { word: 'ray' }] });
    expect(parseQuery('title:"round city"').clauses[0]).toMatchObject({ fields: ['title'], operands: [{ kind: 'phrase' }] });
  });

  it('reads an unclosed quotation mark as a phrase to the end, with a notice', () => {
    const parsed = parseQuery('"house of wisdom');
    expect(parsed.clauses[0]!.operands[0]).toMatchObject({ kind: 'phrase' });
    expect(parsed.notices[0]).toMatch(/quotation mark is missing/);
  });

  it('bounds fuzzy distance with a notice', () => {
    const parsed = parseQuery('caliphate~7');
    expect(parsed.clauses[0]!.operands[0]).toMatchObject({ editDistance: 2 });
    expect(parsed.notices[0]).toMatch(/at most 2/);
  });

  it.each([
    [':', /field name before ":"/],
    ['title:', /right after "title:"/],
    ['^', /go right after a word/],
    ['x^y', /boost is a positive number/],
    ['~', /go right after a word/],
    ['+-', /single "\+"/],
    ['--x', /single "\+"/],
    ['+', /followed directly by a word/],
    ['a:b:c', /"a:" is not a field/],
    ['title:b:c', /one field prefix per word/],
    ['*', /cannot start with "\*"/],
    ['*ism', /cannot start with "\*"/],
    ['NEAR/', /NEAR needs a distance/],
    ['NEAR/3 x', /one on each side/],
    ['x NEAR/3', /one on each side/],
    ['x NEAR/3 -y', /first word of a NEAR group/],
    ['""', /contain no words/],
    ['caliph~x', /fuzzy match takes a number/],
    ['"house of"~2', /single word/],
    ['pro*~1', /either "\*" or "~"/],
    ['x'.repeat(1001), /limited to 1,000 characters/],
    [Array.from({ length: 101 }, (_, i) => `w${i}`).join(' '), /at most 100/],
    ['a* b* c* d* e* f* g* h* i* j~1 k~1', /11 words with "\*" or "~"; at most 10/],
  ])('refuses %j with a plain-language message', (query, message) => {
    expect(() => parseQuery(query)).toThrow(QuerySyntaxError);
    expect(() => parseQuery(query)).toThrow(message);
  });
});
