import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CarrelServices } from '../../common/ipc/ipc-contract';
import type { PdfResourceKind } from '../../common/corpus/corpus-types';
import { ServiceError } from './service-error';

/** Largest font or CMap file served (pdfjs-dist's largest is under 200 KB). */
const MAX_RESOURCE_BYTES = 2 * 1024 * 1024;

const FOLDERS: Record<PdfResourceKind, { dir: string; extension: RegExp }> = {
  'standard-font': { dir: 'standard_fonts', extension: /\.(pfb|ttf)$/ },
  cmap: { dir: 'cmaps', extension: /\.bcmap$/ },
};

/** pdfjs-dist's folder: the same package (and version) the renderer's pdf.js comes from. */
function pdfjsDir(): string {
  return path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
}

/**
 * The standard fonts and CMaps pdfjs-dist ships, for the reader's pdf.js ("Show original"): the
 * renderer's CSP allows no fetch at all (connect-src 'none'), so pdf.js asks for them here. Only a
 * file of the folder's own listing is read, by its plain name, never a path.
 */
export function createPdfResourceService(dir = pdfjsDir()): Pick<CarrelServices, 'getPdfResource'> {
  const listings = new Map<PdfResourceKind, Set<string>>();
  const listing = (kind: PdfResourceKind) => {
    let names = listings.get(kind);
    if (!names) {
      const { dir: folder, extension } = FOLDERS[kind];
      names = new Set(fs.readdirSync(path.join(dir, folder)).filter((name) => extension.test(name)));
      listings.set(kind, names);
    }
    return names;
  };
  return {
    getPdfResource({ kind, name }) {
      if (!listing(kind).has(name)) throw new ServiceError('not-found', `pdf.js has no ${kind === 'cmap' ? 'CMap' : 'standard font'} named “${name}”.`);
      const file = path.join(dir, FOLDERS[kind].dir, name);
      if (fs.statSync(file).size > MAX_RESOURCE_BYTES) throw new ServiceError('too-large', `${name} is larger than a pdf.js resource may be.`);
      const bytes = fs.readFileSync(file);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}
