import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { ROOT } from '../../../../harness/paths';

export const SHARED_REFI = path.resolve(ROOT, '..', 'shared', 'refi-qda');
export const XSD = fs.readFileSync(path.join(SHARED_REFI, 'Project-mrt2019.xsd'), 'utf8');
export const SAMPLES = path.join(SHARED_REFI, 'samples');

/** A .qdpx of a project.qde and sources/<name> texts (or any entries, as bytes). */
export function qdpx(qde: string, entries: Record<string, string | Uint8Array> = {}, level: 0 | 6 = 6): Uint8Array {
  const files: Zippable = { 'project.qde': strToU8(qde) };
  for (const [name, value] of Object.entries(entries)) files[name] = typeof value === 'string' ? strToU8(value) : value;
  return zipSync(files, { level, mtime: new Date('2000-01-01T00:00:00Z') });
}

/** The notes database as bytes on disk (the file and its write-ahead log), hashed. */
export function userDbHash(file: string): string {
  const hash = createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex');
}

export const project = (body: string, name = 'p') => `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="${name}">\n${body}\n</Project>\n`;

/** Code points of `quote` in `text` (REFI-QDA positions), the end the code point after it. */
export function codePointSpan(text: string, quote: string): { start: number; end: number } {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`“${quote}” is not in the text`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...quote].length };
}

let counter = 0;
/** A fresh GUID for fixtures (upper case, as ATLAS.ti writes them). */
export function guid(): string {
  const hex = createHash('sha1').update(`fixture-${counter++}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`.toUpperCase();
}
