import { unzipSync } from 'fflate';
import { SourceError } from '../source-error';

/** Most entries an EPUB or DOCX may list. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Most bytes all of its entries may hold once uncompressed (as they declare it). */
export const MAX_ZIP_UNCOMPRESSED = 256 * 1024 * 1024;
/** Highest compression ratio of an entry larger than a few kilobytes (a zip bomb's is in the thousands). */
export const MAX_ZIP_RATIO = 200;
const RATIO_FREE_BYTES = 64 * 1024;

export type ZipEntry = { name: string; size: number; originalSize: number };

/**
 * Whether an entry name stays inside the archive: relative, with forward slashes, no '..'
 * step, no drive letter, no NUL. Anything else (zip slip, `../../x`, `/etc/passwd`, `C:\x`) is refused.
 */
export function safeEntryName(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\')) return false;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return !name.split('/').some((step) => step === '..');
}

/**
 * A zip file (EPUB, DOCX) opened with guards: its central directory is read first and the file
 * refused, with its reason, if an entry name leaves the archive, if it lists too many entries,
 * declares too much uncompressed data in all, or an entry is compressed suspiciously well.
 * Entries are then inflated one at a time on demand, never past the size they declare.
 */
export class ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;

  constructor(private readonly bytes: Uint8Array) {
    const entries = new Map<string, ZipEntry>();
    let total = 0;
    try {
      unzipSync(bytes, {
        filter: (file) => {
          if (!safeEntryName(file.name)) throw new SourceError('unsafe-archive', `an entry named "${file.name.slice(0, 80)}" leaves the archive`);
          if (entries.size >= MAX_ZIP_ENTRIES) throw new SourceError('too-many-entries', `more than ${MAX_ZIP_ENTRIES} entries in the archive`);
          total += file.originalSize;
          if (total > MAX_ZIP_UNCOMPRESSED) {
            throw new SourceError('too-large', `over ${MAX_ZIP_UNCOMPRESSED / 1024 / 1024} MB once uncompressed (a zip bomb?)`);
          }
          if (file.originalSize > RATIO_FREE_BYTES && file.originalSize > MAX_ZIP_RATIO * Math.max(1, file.size)) {
            throw new SourceError('too-large', `"${file.name.slice(0, 80)}" is compressed ${Math.round(file.originalSize / Math.max(1, file.size))} times (a zip bomb?)`);
          }
          entries.set(file.name, { name: file.name, size: file.size, originalSize: file.originalSize });
          return false;
        },
      });
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw new SourceError('corrupt-archive', `not a readable zip archive (${(error as Error).message})`);
    }
    this.entries = entries;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The bytes of one entry, or undefined when the archive has none of that name. */
  read(name: string): Uint8Array | undefined {
    if (!this.entries.has(name)) return undefined;
    try {
      return unzipSync(this.bytes, { filter: (file) => file.name === name })[name];
    } catch (error) {
      throw new SourceError('corrupt-archive', `"${name.slice(0, 80)}" cannot be uncompressed (${(error as Error).message})`);
    }
  }

  /** Every entry whose name passes the test, inflated in one pass over the archive. */
  readMatching(test: (name: string) => boolean): Map<string, Uint8Array> {
    try {
      return new Map(Object.entries(unzipSync(this.bytes, { filter: (file) => this.entries.has(file.name) && test(file.name) })));
    } catch (error) {
      throw new SourceError('corrupt-archive', `an entry cannot be uncompressed (${(error as Error).message})`);
    }
  }

  /** An entry as UTF-8 text (a BOM dropped), or undefined when there is none. */
  readText(name: string): string | undefined {
    const bytes = this.read(name);
    if (!bytes) return undefined;
    return decodeEntry(bytes, name);
  }
}

/** An entry's bytes as UTF-8 text (a BOM dropped); not UTF-8: refused. */
export function decodeEntry(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new SourceError('invalid-utf8', `"${name.slice(0, 80)}" is not valid UTF-8`);
  }
}
