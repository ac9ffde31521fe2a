import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../../../../electron/node/search/parse-query';
import { QuerySyntaxError } from '../../../../electron/node/search/query-syntax';
import { openSearchOn, writeSources } from './search-fixture';

const shape = (query: string) =>
  parseQuery(query).clauses.map((clause) => [
    clause.presence,
    clause.operands.map((operand) => (operand.kind === 'word' ? operand.word : operand.words.map((w) => w.word).join(' '))).join(' ~ '),
  ]);

describe('AND, OR and NOT in capitals', () => {
  it('reads a OR b as either word (as two words alone)', () => {
    expect(shape('caliphate OR propaganda')).toEqual([
      ['optional', 'caliphate'],
      ['optional', 'propaganda'],
    ]);
  });

  it('reads a AND b as both required', () => {
    expect(shape('caliphate AND propaganda')).toEqual([
      ['required', 'caliphate'],
      ['required', 'propaganda'],
    ]);
  });

  it('reads NOT a as a prohibited, and a AND NOT b as a required, b prohibited', () => {
    expect(shape('isis NOT iraq')).toEqual([
      ['optional', 'isis'],
      ['prohibited', 'iraq'],
    ]);
    expect(shape('isis AND NOT iraq')).toEqual([
      ['required', 'isis'],
      ['prohibited', 'iraq'],
    ]);
    expect(shape('NOT iraq AND isis')).toEqual([
      ['prohibited', 'iraq'],
      ['required', 'isis'],
    ]);
  });

  it('keeps lower-case or, and and not as words, and OR inside quotes as part of the phrase', () => {
    expect(shape('war or peace')).toEqual([
      ['optional', 'war'],
      ['optional', 'or'],
      ['optional', 'peace'],
    ]);
    expect(shape('"war OR peace"')).toEqual([['optional', 'war or peace']]);
    expect(shape('title:OR')).toEqual([['optional', 'or']]);
  });

  it('reads Arabic terms on both sides and joins a NEAR group as one clause', () => {
    expect(shape('بغداد AND دمشق')).toEqual([
      ['required', 'بغداد'],
      ['required', 'دمشق'],
    ]);
    expect(shape('الخلافة OR "الدولة الإسلامية"')).toEqual([
      ['optional', 'الخلافه'],
      ['optional', 'الدوله الاسلاميه'],
    ]);
    expect(shape('isis NEAR/5 online AND video')).toEqual([
      ['required', 'isis ~ online'],
      ['required', 'video'],
    ]);
  });

  it('keeps a "+" or "-" typed beside AND', () => {
    expect(shape('a AND -b')).toEqual([
      ['required', 'a'],
      ['prohibited', 'b'],
    ]);
  });

  it.each([
    ['AND x', /AND joins two words/],
    ['x OR', /OR joins two words/],
    ['x AND AND y', /AND joins two words/],
    ['x OR NOT y', /OR joins two words/],
    ['x NOT', /NOT goes right before a word/],
    ['x NOT -y', /not both/],
    ['a AND b OR c', /cannot be mixed/],
    ['a NEAR/3 OR b', /one on each side/],
  ])('refuses %j with a plain-language message', (query, message) => {
    expect(() => parseQuery(query)).toThrow(QuerySyntaxError);
    expect(() => parseQuery(query)).toThrow(message);
  });
});

describe('AND, OR and NOT in search', () => {
  let sources: ReturnType<typeof writeSources>;
  let fixture: ReturnType<typeof openSearchOn>;
  beforeAll(() => {
    sources = writeSources({
      'both.txt': 'Both\n\nThe caliphate and its propaganda.',
      'caliphate.txt': 'Caliphate\n\nThe caliphate alone, with war or peace.',
      'propaganda.txt': 'Propaganda\n\nPropaganda alone.',
      'baghdad.txt': 'بغداد\n\nمدينة بغداد القديمة',
      'damascus.txt': 'دمشق\n\nمدينة دمشق وبغداد',
    });
    fixture = openSearchOn(sources.dir);
  });
  afterAll(() => {
    fixture.dispose();
    sources.dispose();
  });
  const ids = (query: string) => fixture.search.search({ query }).results.map((r) => r.id).sort();

  it('finds either, both, and all but', () => {
    expect(ids('caliphate OR propaganda')).toEqual(['both', 'caliphate', 'propaganda']);
    expect(ids('caliphate AND propaganda')).toEqual(['both']);
    expect(ids('caliphate AND NOT propaganda')).toEqual(['caliphate']);
    expect(ids('مدينة NOT دمشق')).toEqual(['baghdad']);
    expect(ids('بغداد AND دمشق')).toEqual(['damascus']);
  });

  it('searches lower-case or as the word', () => {
    expect(ids('"war or peace"')).toEqual(['caliphate']);
    expect(ids('+or')).toEqual(['caliphate']);
  });

  it('says what to do for NOT alone', () => {
    expect(() => fixture.search.search({ query: 'NOT caliphate' })).toThrow(/NOT word only exclude/);
  });
});
