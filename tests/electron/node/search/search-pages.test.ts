import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_SCHEMAS } from '../../../../electron/common/ipc/ipc-schemas';
import { dateRange } from '../../../../electron/node/search/document-facts';
import { openSearchOn, writeSources } from './search-fixture';

/** Sixty reports on propaganda, dated over five years, from two sites; a few name an author. */
function reports(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 60; i++) {
    const date = `${2014 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const source = i % 2 === 0 ? 'Thought Front' : 'Media Watch';
    const author = i % 10 === 3 ? 'Charlie Winter' : '';
    const body = `Report ${i} on propaganda.\n\n${'The media office released propaganda again. '.repeat(1 + (i % 7))}`;
    files[`report-${String(i).padStart(2, '0')}.md`] = `---\ntitle: "Report ${i}"\nsource: "${source}"\nauthor: "${author}"\ndate: "${date}"\n---\n\n${body}\n`;
  }
  return files;
}

let sources: ReturnType<typeof writeSources>;
let fixture: ReturnType<typeof openSearchOn>;
beforeAll(() => {
  sources = writeSources(reports());
  fixture = openSearchOn(sources.dir);
});
afterAll(() => {
  fixture.dispose();
  sources.dispose();
});

const search = (input: Parameters<typeof fixture.search.search>[0]) => fixture.search.search(input);

describe('search results in pages', () => {
  it('reaches every result, page after page, each once, in the order of one long page', () => {
    const whole = search({ query: 'propaganda', limit: 500 });
    expect(whole.total).toBe(60);
    expect(whole.results).toHaveLength(60);
    const paged = [0, 25, 50].flatMap((offset) => search({ query: 'propaganda', offset, limit: 25 }).results.map((r) => r.id));
    expect(paged).toEqual(whole.results.map((r) => r.id));
    expect(search({ query: 'propaganda', offset: 50, limit: 25 })).toMatchObject({ total: 60, offset: 50 });
    expect(search({ query: 'propaganda', offset: 100, limit: 25 }).results).toEqual([]);
  });

  it('sorts by title, numbers as numbers, and by date either way, undated last', () => {
    const titles = search({ query: 'propaganda', limit: 500, sort: 'title' }).results.map((r) => r.title);
    expect(titles.slice(0, 3)).toEqual(['Report 0', 'Report 1', 'Report 2']);
    expect(titles.at(-1)).toBe('Report 59');
    const dates = search({ query: 'propaganda', limit: 500, sort: 'date-oldest' }).results.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    const newest = search({ query: 'propaganda', limit: 500, sort: 'date-newest' }).results.map((r) => r.date);
    expect(newest).toEqual([...dates].sort().reverse());
    // Pages of a sorted search follow its order.
    expect(search({ query: 'propaganda', offset: 10, limit: 5, sort: 'title' }).results.map((r) => r.title)).toEqual(titles.slice(10, 15));
  });

  it('filters by document words (title, source, author, file name) and by date, the total counting what is kept', () => {
    const winter = search({ query: 'propaganda', limit: 500, filters: { document: 'charlie winter' } });
    expect(winter.total).toBe(6);
    expect(winter.results.every((r) => r.author === 'Charlie Winter')).toBe(true);
    expect(search({ query: 'propaganda', filters: { document: 'thought' } }).total).toBe(30);
    expect(search({ query: 'propaganda', limit: 500, filters: { document: 'report-07' } }).results.map((r) => r.title)).toEqual(['Report 7']);
    const in2016 = search({ query: 'propaganda', limit: 500, filters: { dateFrom: '2016', dateTo: '2016' } });
    expect(in2016.total).toBe(12);
    expect(in2016.results.every((r) => r.date.startsWith('2016-'))).toBe(true);
    const spring = search({ query: 'propaganda', limit: 500, filters: { dateFrom: '2015-03', dateTo: '2015-05-31' } });
    for (const r of spring.results) expect(r.date >= '2015-03-01' && r.date <= '2015-05-31').toBe(true);
    expect(spring.total).toBeGreaterThan(0);
  });

  it('limits words without a field of their own to the field chosen', () => {
    expect(search({ query: 'propaganda', filters: { field: 'title' } }).total).toBe(0);
    expect(search({ query: 'report', filters: { field: 'title' } }).total).toBe(60);
    expect(search({ query: 'winter', filters: { field: 'author' } }).total).toBe(6);
    expect(search({ query: 'winter', filters: { field: 'text' } }).total).toBe(0);
    // title:… keeps its own field.
    expect(search({ query: 'title:report', filters: { field: 'text' } }).total).toBe(60);
  });

  it('schema-checks the options', () => {
    const schema = INPUT_SCHEMAS.search;
    expect(schema.safeParse({ query: 'x', offset: 25, limit: 25, sort: 'title', filters: { field: 'author', dateFrom: '2016-02' } }).success).toBe(true);
    for (const bad of [
      { query: 'x', offset: -1 },
      { query: 'x', sort: 'random' },
      { query: 'x', filters: { field: 'body' } },
      { query: 'x', filters: { dateFrom: '16/02/2016' } },
      { query: 'x', filters: { document: 'x'.repeat(201) } },
      { query: 'x', filters: { other: 1 } },
    ]) {
      expect(schema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('dateRange', () => {
  it('reads ISO dates and their prefixes as the days they may mean, other dates when they parse', () => {
    expect(dateRange('2016')).toEqual(['2016-01-01', '2016-12-31']);
    expect(dateRange('2016-02')).toEqual(['2016-02-01', '2016-02-29']);
    expect(dateRange('2016-02-03T10:00:00Z')).toEqual(['2016-02-03', '2016-02-03']);
    expect(dateRange('3 March 2017')).toEqual(['2017-03-03', '2017-03-03']);
    expect(dateRange('')).toEqual(['', '']);
    expect(dateRange('sometime')).toEqual(['', '']);
  });
});
