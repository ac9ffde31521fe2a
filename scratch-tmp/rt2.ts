import { Cite } from '@citation-js/core';
import { CSL_TYPES, type CslItem } from '../electron/common/citations/citation-types';
import { createCitationEngine } from '../electron/node/citations/citation-engine';
import { defaultCslDir } from '../electron/node/citations/csl-styles';
const engine = createCitationEngine(defaultCslDir());
const items: CslItem[] = CSL_TYPES.map((type, i) => ({
  id: `doc-${i}`, type, title: `Title ${type}: Q&A “quoted” 50% #1 a_b {open \\ ~^ $x$`,
  author: [{ family: 'Winter', given: 'Charlie' }, { literal: 'عبد الباري عطوان' }],
  issued: { 'date-parts': [[2017, 8, 12]] },
  'container-title': 'رأي اليوم', publisher: 'Publisher, Inc.', URL: 'https://example.org/a?b=1&c=2', page: '12-14', language: 'ar',
}));
const bib = engine.bibliography(items, 'bibtex');
const ris = engine.bibliography(items, 'ris');
const fromB = new Cite(bib, { forceType: '@biblatex/text' }).data as Record<string, unknown>[];
const fromR = new Cite(ris, { forceType: '@ris/file' }).data as Record<string, unknown>[];
const keys = ['id','type','title','author','issued','container-title','publisher','URL','page','language'];
for (let i = 0; i < items.length; i++) {
  const it = items[i] as Record<string, unknown>;
  for (const [name, got] of [['BIB', fromB[i]!], ['RIS', fromR[i]!]] as const) {
    const diffs = keys.filter((k) => JSON.stringify(it[k]) !== JSON.stringify(got[k])).map((k) => `${k}: ${JSON.stringify(got[k])}`);
    const extra = Object.keys(got).filter((k) => !keys.includes(k) && k !== '_graph');
    console.log(it.type, name, diffs.join(' | '), extra.length ? `EXTRA ${extra.map(k=>k+'='+JSON.stringify(got[k])).join(',')}` : '');
  }
}
