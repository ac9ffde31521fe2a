import { Cite } from '@citation-js/core';
import { CSL_TYPES, type CslItem } from '/work/wt/b-exports/electron/common/citations/citation-types';
import { createCitationEngine } from '/work/wt/b-exports/electron/node/citations/citation-engine';
import { defaultCslDir } from '/work/wt/b-exports/electron/node/citations/csl-styles';
const engine = createCitationEngine(defaultCslDir());
const items: CslItem[] = CSL_TYPES.map((type, i) => ({
  id: `doc-${i}`, type, title: `Title ${type}: “quoted” {braces} & 50% $x$ _u_ #h`,
  author: [{ family: 'Winter', given: 'Charlie' }, { literal: 'عبد الباري عطوان' }, { literal: 'Quilliam Foundation' }],
  issued: { 'date-parts': [[2017, 8, 12]] },
  'container-title': 'رأي اليوم', publisher: 'Publisher, Inc.', URL: 'https://example.org/a?b=1&c=2', page: '12-14', language: 'ar',
}));
const bib = engine.bibliography(items, 'bibtex');
const ris = engine.bibliography(items, 'ris');
console.log(bib.slice(0, 1500)); console.log(ris.slice(0, 800));
const fromB = new Cite(bib, { forceType: '@biblatex/text' }).data;
const fromR = new Cite(ris, { forceType: '@ris/file' }).data;
for (let i = 0; i < items.length; i++) {
  console.log('=====', items[i]!.type);
  console.log('BIB', JSON.stringify(fromB[i]));
  console.log('RIS', JSON.stringify(fromR[i]));
}
