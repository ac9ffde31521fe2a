import path from 'node:path';
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { CITATION_STYLES, type CitationStyle } from '../../../../electron/common/citations/citation-types';
import { createCitationEngine } from '../../../../electron/node/citations/citation-engine';
import { defaultCslDir, STYLE_FILES } from '../../../../electron/node/citations/csl-styles';
import { documentCsl } from '../../../../electron/node/citations/document-csl';
import { ROOT } from '../../../harness/paths';
import fs from 'node:fs';

const engine = createCitationEngine(defaultCslDir());

// A known document of the bundled corpus, with the details a user would give it.
const winter = documentCsl({
  id: '004-as-isis-loses-territory-it-seeks-to-survive-online',
  title: 'As ISIS Loses Territory, it Seeks to Survive Online',
  author: 'Charlie Winter',
  date: '2017-08-12',
  source: 'Asharq Al-Awsat',
  language: 'en',
});

const arabic = documentCsl({
  id: 'ar-1',
  title: 'الخلافة الافتراضية',
  author: 'عبد الباري عطوان؛ Hassan Hassan',
  date: '2015',
  source: 'رأي اليوم',
  language: 'ar',
});

const REFERENCES: Record<CitationStyle, string> = {
  apa: 'Winter, C. (2017, August 12). As ISIS Loses Territory, it Seeks to Survive Online. Asharq Al-Awsat.',
  'chicago-author-date': 'Winter, Charlie. 2017. “As ISIS Loses Territory, It Seeks to Survive Online.” Asharq Al-Awsat, August 12.',
  mla: 'Winter, Charlie. “As ISIS Loses Territory, It Seeks to Survive Online.” Asharq Al-Awsat, 12 Aug. 2017.',
  harvard: 'Winter, C. (2017) “As ISIS Loses Territory, it Seeks to Survive Online,” Asharq Al-Awsat, 12 August.',
};

const CITATIONS: Record<CitationStyle, string> = {
  apa: '(Winter, 2017, para. 4)',
  'chicago-author-date': '(Winter 2017, para. 4)',
  mla: '(Winter, par. 4)',
  harvard: '(Winter, 2017, para. 4)',
};

// The first format of a style loads citation-js and the style: seconds on a busy machine.
describe('citations with the bundled CSL styles', { timeout: 30_000 }, () => {
  it('ships each style with its CC BY-SA licence', () => {
    for (const file of Object.values(STYLE_FILES)) {
      const xml = fs.readFileSync(path.join(ROOT, 'resources', 'csl', file), 'utf8');
      expect(xml, file).toContain('http://creativecommons.org/licenses/by-sa/3.0/');
    }
  });

  it.each(CITATION_STYLES)('formats the reference and the in-text citation with a paragraph in %s', (style) => {
    expect(engine.reference(winter, style)).toBe(REFERENCES[style]);
    expect(engine.citation(winter, style, { label: 'paragraph', value: '4' })).toBe(CITATIONS[style]);
  });

  it('cites a page when the document has pages', () => {
    expect(engine.citation(winter, 'chicago-author-date', { label: 'page', value: '12' })).toBe('(Winter 2017, 12)');
    expect(engine.citation(winter, 'apa', { label: 'page', value: '12' })).toBe('(Winter, 2017, p. 12)');
  });

  it('keeps Arabic names whole and in their order, with the Latin name inverted', () => {
    expect(arabic.author).toEqual([{ literal: 'عبد الباري عطوان' }, { family: 'Hassan', given: 'Hassan' }]);
    expect(engine.reference(arabic, 'chicago-author-date')).toBe('عبد الباري عطوان, and Hassan Hassan. 2015. “الخلافة الافتراضية.” رأي اليوم.');
    expect(engine.citation(arabic, 'apa', { label: 'paragraph', value: '2' })).toBe('(عبد الباري عطوان & Hassan, 2015, para. 2)');
  });

  it('exports BibTeX and RIS that citation-js reads back to the same details, Arabic included', () => {
    const items = [winter, arabic];
    const fromBibtex = new Cite(engine.bibliography(items, 'bibtex'), { forceType: '@biblatex/text' }).data;
    const fromRis = new Cite(engine.bibliography(items, 'ris'), { forceType: '@ris/file' }).data;
    for (const parsed of [fromBibtex, fromRis]) {
      expect(parsed.map((item) => item.title)).toEqual(items.map((item) => item.title));
      expect(parsed.map((item) => item['container-title'])).toEqual(items.map((item) => item['container-title']));
      expect(parsed.map((item) => (item.issued as { 'date-parts': number[][] })['date-parts'][0]![0])).toEqual([2017, 2015]);
      const names = (item: Record<string, unknown>) =>
        (item.author as { family?: string; given?: string; literal?: string }[]).map((n) => n.literal ?? [n.given, n.family].filter(Boolean).join(' '));
      expect(parsed.map(names)).toEqual([['Charlie Winter'], ['عبد الباري عطوان', 'Hassan Hassan']]);
    }
    expect(JSON.parse(engine.bibliography(items, 'csl-json'))).toEqual(items);
  });
});
