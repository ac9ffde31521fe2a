import { createHash, type Hash } from 'node:crypto';
import { openDatabase, type Db } from '../sqlite/open-database';
import { META } from './corpus-format';
import { readMeta } from './corpus-queries';
import { sha256Hex } from './sha256';

/**
 * The manifest of a corpus file: who built it, when, and a SHA-256 of every document's text
 * (documents.sha256) and of the whole corpus (meta content_sha256). The corpus hash covers,
 * in document order, each document's id, text hash and the metadata a reader sees, so that a
 * changed text, title or provenance is caught even if the stored per-document hash was edited
 * along with it. It does not cover the derived tables (paragraphs, links, search index).
 */
export const MANIFEST_SCHEME = 'carrel-manifest-1';

export type ManifestDocument = {
  id: string;
  sha256: string;
  title: string;
  author: string;
  source: string;
  date: string;
  language: string;
  sourcePath: string;
};

export type CorpusManifest = {
  scheme: string;
  corpusId: string;
  title: string;
  createdAt: string;
  builderVersion: string;
  formatVersion: number;
  documentCount: number;
  contentSha256: string;
  documents: { id: string; sha256: string }[];
};

export type ManifestCheck = {
  /** True when every document and the corpus hash match the manifest. */
  ok: boolean;
  contentSha256: { expected: string; actual: string };
  documentCount: { expected: number; actual: number };
  /** Documents whose text no longer has the SHA-256 recorded for it. */
  mismatched: { id: string; expected: string; actual: string }[];
};

/** Accumulates the corpus hash one document at a time, in document order. */
export class ContentHasher {
  private readonly hash: Hash = createHash('sha256');

  add(doc: ManifestDocument): void {
    const line = [doc.id, doc.sha256, doc.title, doc.author, doc.source, doc.date, doc.language, doc.sourcePath];
    this.hash.update(`${JSON.stringify(line)}\n`);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

type ManifestRow = {
  id: string;
  sha256: string;
  title: string;
  author: string;
  source: string;
  date: string;
  language: string;
  source_path: string;
};

const MANIFEST_COLUMNS = 'id, sha256, title, author, source, date, language, source_path';

export function readManifest(db: Db): CorpusManifest {
  const meta = readMeta(db);
  const documents = db.prepare('SELECT id, sha256 FROM documents ORDER BY ord').all() as { id: string; sha256: string }[];
  return {
    scheme: meta.get(META.manifestScheme) ?? '',
    corpusId: meta.get(META.corpusId) ?? '',
    title: meta.get(META.title) ?? '',
    createdAt: meta.get(META.createdAt) ?? '',
    builderVersion: meta.get(META.builderVersion) ?? '',
    formatVersion: db.pragma('user_version', { simple: true }) as number,
    documentCount: Number(meta.get(META.documentCount) ?? 0),
    contentSha256: meta.get(META.contentSha256) ?? '',
    documents,
  };
}

/** Recomputes every document's hash and the corpus hash and compares them with the manifest. */
export function verifyManifest(db: Db): ManifestCheck {
  const meta = readMeta(db);
  const hasher = new ContentHasher();
  const mismatched: ManifestCheck['mismatched'] = [];
  let count = 0;
  const rows = db.prepare(`SELECT ${MANIFEST_COLUMNS}, text FROM documents ORDER BY ord`).iterate() as IterableIterator<
    ManifestRow & { text: string }
  >;
  for (const row of rows) {
    count++;
    const actual = sha256Hex(row.text);
    if (actual !== row.sha256) mismatched.push({ id: row.id, expected: row.sha256, actual });
    hasher.add({ ...row, sha256: actual, sourcePath: row.source_path });
  }
  const contentSha256 = { expected: meta.get(META.contentSha256) ?? '', actual: hasher.digest() };
  const documentCount = { expected: Number(meta.get(META.documentCount) ?? -1), actual: count };
  const ok =
    meta.get(META.manifestScheme) === MANIFEST_SCHEME &&
    mismatched.length === 0 &&
    contentSha256.expected === contentSha256.actual &&
    documentCount.expected === documentCount.actual;
  return { ok, contentSha256, documentCount, mismatched };
}

/** Opens a corpus file read-only and verifies it against its manifest. */
export function verifyCorpusFile(file: string, options: { nativeBinding?: string } = {}): ManifestCheck {
  const db = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    return verifyManifest(db);
  } finally {
    db.close();
  }
}
