// citation-js ships no type declarations: the little Carrel uses of it, typed here.
declare module '@citation-js/core' {
  export type CiteOptions = { forceType?: string; generateGraph?: boolean };
  export type FormatOptions = {
    format?: 'text' | 'html' | 'string' | 'object';
    template?: string;
    lang?: string;
    type?: string;
    entry?: string | string[] | { id: string; locator?: string; label?: string }[];
  };
  export class Cite {
    constructor(data: unknown, options?: CiteOptions);
    data: Record<string, unknown>[];
    format(format: 'bibliography' | 'citation' | 'bibtex' | 'ris' | 'data', options?: FormatOptions): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { styles: Register; locales: Register };
      get(name: '@bibtex'): { format: { asciiOnly: boolean } };
    };
    list(): string[];
  };
  type Register = { add(name: string, value: string): void; has(name: string): boolean };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-ris/lib/spec/index.js' {
  type Mapping = { source: string | string[]; target: string | string[]; when?: { source?: { TY?: string[] }; target?: { type?: string[] } } };
  export const SPECS: { new: Mapping[]; mixed: Mapping[]; old: Mapping[] };
}
