import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { BUILDER_VERSION, CORPUS_FORMAT_VERSION } from '../../../../electron/node/corpus/corpus-format';
import { MANIFEST_SCHEME, readManifest, verifyCorpusFile } from '../../../../electron/node/corpus/corpus-manifest';
import { sha256Hex } from '../../../../electron/node/corpus/sha256';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { FIXTURES } from '../../../harness/paths';

let dir: string;
let built: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-manifest-'));
  built = path.join(dir, 'built.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-mixed'), outFile: built });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the built corpus with one change made to it. */
function tampered(name: string, sql: string, ...params: unknown[]): string {
  const file = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(built, file);
  const db = openDatabase(file);
  try {
    db.pragma('foreign_keys = OFF');
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
  return file;
}

describe('corpus manifest', () => {
  it('records corpus id, title, creation time, builder version and a SHA-256 per document and for the corpus', () => {
    const db = openDatabase(built, { readonly: true });
    try {
      const manifest = readManifest(db);
      expect(manifest).toMatchObject({
        scheme: MANIFEST_SCHEME,
        corpusId: 'corpus-mixed',
        title: 'Mixed fixture corpus',
        builderVersion: BUILDER_VERSION,
        formatVersion: CORPUS_FORMAT_VERSION,
        documentCount: 5,
      });
      expect(Date.now() - Date.parse(manifest.createdAt)).toBeLessThan(10 * 60 * 1000);
      expect(manifest.contentSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(manifest.documents).toHaveLength(5);
      const texts = db.prepare('SELECT id, text FROM documents ORDER BY ord').all() as { id: string; text: string }[];
      expect(manifest.documents).toEqual(texts.map((t) => ({ id: t.id, sha256: sha256Hex(t.text) })));
    } finally {
      db.close();
    }
  });

  it('verifies an untouched corpus', () => {
    const check = verifyCorpusFile(built);
    expect(check.ok).toBe(true);
    expect(check.mismatched).toEqual([]);
    expect(check.documentCount).toEqual({ expected: 5, actual: 5 });
    expect(check.contentSha256.actual).toBe(check.contentSha256.expected);
  });

  it('names the document whose text was changed', () => {
    const file = tampered('text', "UPDATE documents SET text = text || ' (edited)' WHERE id = ?", 'reports/arabic-caliphate');
    const check = verifyCorpusFile(file);
    expect(check.ok).toBe(false);
    expect(check.mismatched.map((m) => m.id)).toEqual(['reports/arabic-caliphate']);
    expect(check.contentSha256.actual).not.toBe(check.contentSha256.expected);
  });

  it('catches a text changed together with its stored hash, and a changed title, through the corpus hash', () => {
    const both = tampered(
      'both',
      "UPDATE documents SET text = 'Replaced text', sha256 = ? WHERE id = 'plain/copy-of-field-notes'",
      sha256Hex('Replaced text'),
    );
    expect(verifyCorpusFile(both)).toMatchObject({ ok: false, mismatched: [] });
    const title = tampered('title', "UPDATE documents SET title = 'Another title' WHERE id = 'hostile/hostile-page'");
    expect(verifyCorpusFile(title)).toMatchObject({ ok: false, mismatched: [] });
  });

  it('catches a removed document', () => {
    const file = tampered('removed', "DELETE FROM documents WHERE id = 'briefs/propaganda-brief'");
    expect(verifyCorpusFile(file)).toMatchObject({ ok: false, documentCount: { expected: 5, actual: 4 } });
  });
});
