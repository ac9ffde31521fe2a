import { describe, expect, it } from 'vitest';
import { CSL_TYPES, type CslItem } from '../../../../electron/common/citations/citation-types';
import { createCitationEngine } from '../../../../electron/node/citations/citation-engine';
import { defaultCslDir } from '../../../../electron/node/citations/csl-styles';
import { expectedBack, LOSSES, parseBack, project } from './parse-back';

const engine = createCitationEngine(defaultCslDir());

// One item of each kind of document, with every field Carrel fills, written to be hard on the
// formats: TeX's special characters and an unpaired brace, Arabic, a comma in the publisher, an
// address with & and %, names split, kept whole in Arabic, and an organisation.
const full = (type: (typeof CSL_TYPES)[number], i: number): CslItem => ({
  id: `doc-${i}`,
  type,
  title: `Q&A on ${type}: 50% of “quotes” #1 a_b {draft} \\ ~^ $x$ and { alone`,
  author: [{ family: 'Winter', given: 'Charlie' }, { literal: 'عبد الباري عطوان' }, { literal: 'Quilliam Foundation' }],
  issued: { 'date-parts': [[2017, 8, 12]] },
  'container-title': 'رأي اليوم',
  publisher: 'Publisher, Inc.',
  URL: 'https://example.org/a?b=1&c=50%25#top',
  page: '12-14',
  language: 'ar',
});

// And the sparse ones a corpus gives: a year, or a month, no author, no outlet.
const sparse: CslItem[] = [
  { id: 'year-only', type: 'article-newspaper', title: 'الخلافة الافتراضية', author: [{ literal: 'عبد الباري عطوان' }], issued: { 'date-parts': [[2015]] }, 'container-title': 'رأي اليوم', language: 'ar' },
  { id: 'month-only', type: 'report', title: 'A report', issued: { 'date-parts': [[2016, 3]] }, publisher: 'ICSR' },
  { id: 'bare', type: 'document', title: 'Untitled notes' },
];

const items = [...CSL_TYPES.map(full), ...sparse];

describe('BibTeX and RIS exports read back by citation-js', () => {
  it.each(['bibtex', 'ris'] as const)('%s: every item of every type comes back as it was, less what the format cannot carry', (format) => {
    const back = parseBack(engine.bibliography(items, format), format);
    expect(back).toHaveLength(items.length);
    for (const [i, item] of items.entries()) expect(project(back[i]!, format), `${item.id} (${item.type})`).toEqual(expectedBack(item, format));
  });

  it('gives every BibTeX entry its own key, even for one author’s articles of one year', () => {
    const bib = engine.bibliography(items, 'bibtex');
    const keys = [...bib.matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1]);
    expect(keys).toHaveLength(items.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 3)).toEqual(['Winter2017Qa', 'Winter2017Qb', 'Winter2017Qc']);
  });

  it('writes TeX’s special characters as commands, so LaTeX reads the file (and an unpaired brace does not end a field)', () => {
    const bib = engine.bibliography([full('article-newspaper', 0)], 'bibtex');
    expect(bib).toContain('title = {Q\\&{A} on article-newspaper: 50\\% of “quotes” \\#1 a\\_b \\{draft\\} \\textbackslash{} \\textasciitilde{}\\textasciicircum{} \\$x\\$ and \\{ alone},');
    expect(bib).toContain('publisher = {Publisher, Inc.},');
    // The address is verbatim: url fields are read as they are.
    expect(bib).toContain('url = {https://example.org/a?b=1&c=50%25#top},');
    expect(bib).toContain('journal = {رأي اليوم},');
  });

  it('writes a newspaper article’s full date and its authors in RIS (DA and AU)', () => {
    const ris = engine.bibliography([full('article-newspaper', 0)], 'ris');
    expect(ris).toMatch(/^TY {2}- NEWS$/m);
    expect(ris).toMatch(/^DA {2}- 2017\/8\/12\/$/m);
    expect(ris.match(/^AU {2}- .*$/gm)).toEqual(['AU  - Winter, Charlie', 'AU  - عبد الباري عطوان', 'AU  - Quilliam Foundation']);
  });

  it('writes every RIS value on its own tagged line, however long (a broken line came back with a space in a word)', () => {
    const long = { id: 'long', type: 'report' as const, title: `${'A very long title of a report on the virtual caliphate '.repeat(4)}end`, publisher: 'Line one\nline two' };
    const ris = engine.bibliography([long], 'ris');
    expect(ris.endsWith('ER  - \n')).toBe(true);
    for (const line of ris.slice(0, -1).split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/);
    expect(parseBack(ris, 'ris')[0]).toMatchObject({ title: long.title, publisher: 'Line one line two' });
  });

  it('says why each loss is one', () => {
    for (const reasons of Object.values(LOSSES)) for (const reason of Object.values(reasons)) expect(reason.length).toBeGreaterThan(20);
  });
});
