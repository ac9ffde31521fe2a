import { createRequire } from 'node:module';
import type * as CitationCore from '@citation-js/core';
import type * as RisSpecs from '@citation-js/plugin-ris/lib/spec/index.js';
import type { BibliographyFormat, CitationLocator, CitationStyle, CslItem, CslName } from '../../common/citations/citation-types';
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
 * Loads citation-js, with settings of its plugins:
 * - BibTeX keeps Unicode as it is (by default every character outside ASCII is dropped, so an
 *   Arabic title would be exported as “{ }”); the characters TeX reads as commands are escaped
 *   by Carrel instead (texSafe), since that setting turns citation-js's own escaping off.
 * - RIS writes and reads the authors of newspaper articles (TY NEWS) as AU (its mapping read
 *   them as "reporter" and wrote none), and their full date as DA, as for chapters (its mapping
 *   kept only the year, PY, of both: a newspaper article lost its day).
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
  const moved = { NEWS: 'article-newspaper', CHAP: 'chapter' } as const;
  const remove = (list: string[], value: string) => {
    if (list.includes(value)) list.splice(list.indexOf(value), 1);
  };
  for (const spec of [SPECS.new, SPECS.mixed]) {
    for (const mapping of spec) {
      const types = mapping.when?.source?.TY;
      const targets = mapping.when?.target?.type;
      if (!types || !targets) continue;
      const source = JSON.stringify(mapping.source);
      if (mapping.source === 'AU' && mapping.target === 'author' && !types.includes('NEWS')) {
        types.push('NEWS');
        targets.push('article-newspaper');
      } else if (mapping.source === 'AU' && mapping.target === 'reporter') {
        remove(types, 'NEWS');
        remove(targets, 'article-newspaper');
      } else if (mapping.target === 'issued' && source === '"PY"') {
        for (const [ty, type] of Object.entries(moved)) {
          remove(types, ty);
          remove(targets, type);
        }
      } else if (mapping.target === 'issued' && source === '["DA","PY"]') {
        for (const [ty, type] of Object.entries(moved)) {
          if (types.includes(ty)) continue;
          types.push(ty);
          targets.push(type);
        }
      }
    }
  }
  loaded = { Cite, plugins };
  return loaded;
}

/** TeX's special characters in text, as commands: with asciiOnly off, citation-js writes text as it is, and a “&” or an unpaired “{” breaks the file for LaTeX. */
const TEX_SPECIALS: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' };
const tex = (text: string) => text.replace(/[\\{}&%$#_~^]/g, (c) => TEX_SPECIALS[c]!);
const texName = (name: CslName): CslName => Object.fromEntries(Object.entries(name).map(([k, v]) => [k, tex(v)]));

/** An item's text, escaped for BibTeX (the id, type, date, language and URL are not text: citation-js writes the URL verbatim). */
function texSafe(item: CslItem): CslItem {
  return {
    ...item,
    title: tex(item.title),
    ...(item.author ? { author: item.author.map(texName) } : {}),
    ...(item['container-title'] ? { 'container-title': tex(item['container-title']) } : {}),
    ...(item.publisher ? { publisher: tex(item.publisher) } : {}),
    ...(item.page ? { page: tex(item.page) } : {}),
  };
}

/** Keys that are unique in the file: citation-js makes them from author, year and the title's first word, so two articles of an author in a year can share one (BibTeX then drops the second). */
function uniqueKeys(keys: string[]): string[] {
  const count = new Map<string, number>();
  for (const key of keys) count.set(key, (count.get(key) ?? 0) + 1);
  const taken = new Set(keys);
  const seen = new Map<string, number>();
  return keys.map((key) => {
    if (count.get(key) === 1) return key;
    let n = seen.get(key) ?? 0;
    let candidate: string;
    do candidate = `${key}${suffix(n++)}`;
    while (taken.has(candidate));
    seen.set(key, n);
    taken.add(candidate);
    return candidate;
  });
}

type RisEntry = Record<string, string | number | (string | number)[]>;

/**
 * RIS from citation-js's tags, one line each. Its own text output breaks every value after 70
 * characters onto a line without a tag, which readers (citation-js included) join back with a
 * space: a long title came back as “…and { alon e”. A line break inside a value becomes a space.
 */
function risText(entries: RisEntry[]): string {
  const line = (tag: string, value: string | number) => `${tag}  - ${String(value).replace(/\s*[\r\n]+\s*/g, ' ')}`;
  const records = entries.map((entry) => {
    const lines = [line('TY', entry.TY as string)];
    for (const [tag, value] of Object.entries(entry)) if (tag !== 'TY') for (const one of ([] as (string | number)[]).concat(value)) lines.push(line(tag, one));
    return [...lines, 'ER  - '].join('\n');
  });
  return `${records.join('\n')}\n`;
}

/** a, b, …, z, aa, ab, … (as year suffixes are written). */
function suffix(n: number): string {
  return (n >= 26 ? suffix(Math.floor(n / 26) - 1) : '') + String.fromCharCode(97 + (n % 26));
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
  const cite = (items: (CslItem & { 'citation-key'?: string })[]) => new Cite(items, { forceType: '@csl/list+object', generateGraph: false });
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
      if (format === 'ris') return risText(cite(items).format('ris', { format: 'object' }) as unknown as RisEntry[]);
      const safe = items.map(texSafe);
      const keys = uniqueKeys((cite(safe).format('bibtex', { format: 'object' }) as unknown as { label: string }[]).map((entry) => entry.label));
      return cite(safe.map((item, i) => ({ ...item, 'citation-key': keys[i] }))).format('bibtex', { format: 'text' });
    },
  };
}

/** One line, no trailing space (citeproc's text output ends with a newline). */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
