import fs from 'node:fs';
import { openDatabase } from '../sqlite/open-database';
import { CORPUS_APPLICATION_ID, META } from './corpus-format';

/** Where a corpus file came from, as its own meta table says: read from a file of any format version. */
export type CorpusOrigin = {
  corpusId: string;
  title: string;
  builderVersion: string;
  createdAt: string;
  formatVersion: number;
  /** False when it was built without the PDFs' originals (--no-originals): a rebuild leaves them out too. */
  originals: boolean;
};

/**
 * The origin of a Carrel corpus file without opening it as a corpus (its format may be one
 * this version does not read), or undefined when it is missing or not a Carrel corpus.
 */
export function readCorpusOrigin(file: string, nativeBinding?: string): CorpusOrigin | undefined {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      if (db.pragma('application_id', { simple: true }) !== CORPUS_APPLICATION_ID) return undefined;
      const formatVersion = db.pragma('user_version', { simple: true }) as number;
      const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
      const rows = hasMeta ? (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]) : [];
      const meta = new Map(rows.map((row) => [row.key, String(row.value)]));
      return {
        corpusId: meta.get(META.corpusId) ?? '',
        title: meta.get(META.title) ?? '',
        builderVersion: meta.get(META.builderVersion) ?? '',
        createdAt: meta.get(META.createdAt) ?? '',
        formatVersion,
        originals: meta.get(META.originals) !== 'none',
      };
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}
