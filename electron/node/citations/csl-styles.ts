import fs from 'node:fs';
import path from 'node:path';
import type { CitationStyle } from '../../common/citations/citation-types';

/** The CSL style file shipped for each style (resources/csl/, from the official CSL repository, CC BY-SA 3.0). */
export const STYLE_FILES: Record<CitationStyle, string> = {
  apa: 'apa.csl',
  'chicago-author-date': 'chicago-author-date.csl',
  mla: 'modern-language-association.csl',
  harvard: 'harvard-cite-them-right.csl',
};

/** Largest style file read (the shipped ones are under 200 KB). */
const MAX_STYLE_BYTES = 1024 * 1024;

/**
 * resources/csl of a checkout, found from this file's folder (electron/node/citations under tsx,
 * out/main once bundled); a packaged app passes its own (process.resourcesPath/csl).
 */
export function defaultCslDir(from = __dirname): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'resources', 'csl');
    if (fs.existsSync(path.join(candidate, STYLE_FILES.apa))) return candidate;
    dir = path.dirname(dir);
  }
  return path.join(from, '..', '..', '..', 'resources', 'csl');
}

export function readStyle(cslDir: string, style: CitationStyle): string {
  const file = path.join(cslDir, STYLE_FILES[style]);
  const size = fs.statSync(file).size;
  if (size > MAX_STYLE_BYTES) throw new Error(`The citation style ${file} is too large (${size} bytes).`);
  const xml = fs.readFileSync(file, 'utf8');
  if (!xml.includes('<style') || /<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error(`${file} is not a CSL style Carrel can use.`);
  return xml;
}
