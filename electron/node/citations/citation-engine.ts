import { createRequire } from 'node:module';
import type * as CitationCore from '@citation-js/core';
import type * as RisSpecs from '@citation-js/plugin-ris/lib/spec/index.js';
import type { BibliographyFormat, CitationLocator, CitationStyle, CslItem } from '../../common/citations/citation-types';
import { readStyle } from './csl-styles';

/**
 * citation-js, in Node only (citeproc-js builds functions at run time, which the renderer's CSP
 * forbids). Only the CSL, BibTeX and RIS plugins are loaded — never plugin-doi or any input that
 * fetches — and data is always handed over with its type forced, so a string that looks like a
 * web address is never taken for one to download.
 */
export type CitationEngine = {
  /** The full reference of each item, as in a bibliography (plain text, one line each). */
  reference(item: CslItem, style: CitationStyle): string;
  /** The in-text citation, with the locator (paragraph or page) if given. */
  citation(item: CslItem, style: CitationStyle, locator?: CitationLocator): string;
  bibliography(items: CslItem[], format: BibliographyFormat): string;
};

const CSL_LOCALE = 'en-US';
const templateName = (style: CitationStyle) => `carrel-${style}`;

type Loaded = { Cite: typeof CitationCore.Cite; plugins: typeof CitationCore.plugins };
let loaded: Loaded | undefined;

/**
 * Loads citation-js, with two settings of its plugins: BibTeX keeps Unicode as it is (by default every character
 * outside ASCII is dropped, so an Arabic title would be exported as “{ }”), and RIS writes and
 * reads the authors of newspaper articles (TY NEWS) as AU (its mapping left them out).
 */
function load(): Loaded {
  if (loaded) return loaded;
  // Loaded on the first citation, not at start (citeproc-js and the plugins take ~150 ms to load).
  const load = createRequire(__filename);
  const { Cite, plugins } = load('@citation-js/core') as typeof CitationCore;
  load('@citation-js/plugin-csl');
  load('@citation-js/plugin-bibtex');
  load('@citation-js/plugin-ris');
  const { SPECS } = load('@citation-js/plugin-ris/lib/spec/index.js') as typeof RisSpecs;
  plugins.config.get('@bibtex').format.asciiOnly = false;
  for (const spec of [SPECS.new, SPECS.mixed]) {
    for (const mapping of spec) {
      const types = mapping.when?.source?.TY;
      const targets = mapping.when?.target?.type;
      if (mapping.source === 'AU' && mapping.target === 'author' && types && targets && !types.includes('NEWS')) {
        types.push('NEWS');
        targets.push('article-newspaper');
      }
    }
  }
  loaded = { Cite, plugins };
  return loaded;
}

export function createCitationEngine(cslDir: string): CitationEngine {
  const { Cite, plugins } = load();
  const registered = new Set<CitationStyle>();
  const template = (style: CitationStyle) => {
    if (!registered.has(style)) {
      plugins.config.get('@csl').styles.add(templateName(style), readStyle(cslDir, style));
      registered.add(style);
    }
    return templateName(style);
  };
  const cite = (items: CslItem[]) => new Cite(items, { forceType: '@csl/list+object', generateGraph: false });
  return {
    reference(item, style) {
      return tidy(cite([item]).format('bibliography', { format: 'text', template: template(style), lang: CSL_LOCALE }));
    },
    citation(item, style, locator) {
      const entry = [{ id: item.id, ...(locator ? { locator: locator.value, label: locator.label } : {}) }];
      return tidy(cite([item]).format('citation', { format: 'text', template: template(style), lang: CSL_LOCALE, entry }));
    },
    bibliography(items, format) {
      if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
      if (items.length === 0) return '';
      return cite(items).format(format === 'bibtex' ? 'bibtex' : 'ris', { format: 'text' });
    },
  };
}

/** One line, no trailing space (citeproc's text output ends with a newline). */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
