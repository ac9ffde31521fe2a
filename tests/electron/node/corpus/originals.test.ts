import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { openCorpus } from '../../../../electron/node/corpus/corpus-store';
import { sha256Hex } from '../../../../electron/node/corpus/sha256';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { createCorpusService } from '../../../../electron/node/services/corpus-service';
import { main } from '../../../../electron/node/cli/carrel';
import { reportPdf } from '../../../harness/format-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-originals-'));
const sources = path.join(dir, 'sources');
fs.mkdirSync(sources);
const pdf = reportPdf();
fs.writeFileSync(path.join(sources, 'report.pdf'), pdf);
fs.writeFileSync(path.join(sources, 'plain.txt'), 'A plain text file\n\nIts one paragraph.\n');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytesOf = (file: string) => {
  const db = openDatabase(file);
  db.prepare("UPDATE meta SET value = '' WHERE key = 'created_at'").run();
  db.close();
  return fs.readFileSync(file);
};

describe('originals: a copy of each source PDF in the corpus ("Show original")', () => {
  const withOriginals = path.join(dir, 'with.sqlite');
  const summary = buildCorpus({ sourcesDir: sources, outFile: withOriginals });

  it('keeps the PDF byte for byte, and nothing for other formats', () => {
    expect(summary.originals).toEqual({ count: 1, bytes: pdf.length });
    const corpus = openCorpus(withOriginals);
    try {
      expect(corpus.getDocument('report')!.original).toEqual({ kept: true, size: pdf.length });
      expect(corpus.getDocument('plain')!.original).toBeUndefined();
      const original = corpus.getOriginal('report')!;
      expect(original).toMatchObject({ id: 'report', mediaType: 'application/pdf', sha256: sha256Hex(pdf) });
      expect(Buffer.from(original.bytes).equals(pdf)).toBe(true);
      expect(corpus.getOriginal('plain')).toBeUndefined();
    } finally {
      corpus.close();
    }
  });

  it('gives the same bytes for the same folder', () => {
    const again = path.join(dir, 'again.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: again });
    expect(bytesOf(again).equals(bytesOf(withOriginals))).toBe(true);
  });

  it('builds without them on request, smaller, and says why a PDF has none', async () => {
    const without = path.join(dir, 'without.sqlite');
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l), progress: () => {} };
    expect(await main(['corpus', 'build', sources, '--out', without, '--no-originals'], out)).toBe(0);
    expect(lines.join('\n')).not.toContain('Originals kept');
    const db = openDatabase(without, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM originals').pluck().get()).toBe(0);
      expect(db.prepare("SELECT value FROM meta WHERE key = 'originals'").pluck().get()).toBe('none');
    } finally {
      db.close();
    }
    expect(fs.statSync(without).size).toBeLessThan(fs.statSync(withOriginals).size - pdf.length / 2);
    const service = createCorpusService(without);
    try {
      expect(service.getDocument({ id: 'report' }).original).toEqual({ kept: false, missing: 'not-kept' });
      expect(() => service.getOriginal({ id: 'report' })).toThrow(/built without originals \(--no-originals\)/);
      expect(() => service.getOriginal({ id: 'plain' })).toThrow(/Only PDF documents/);
      expect(() => service.getOriginal({ id: 'nothing' })).toThrow(/No document with id/);
    } finally {
      service.close();
    }
  });

  it('names the originals kept on the command line', async () => {
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l), progress: () => {} };
    expect(await main(['corpus', 'build', sources, '--out', path.join(dir, 'cli.sqlite')], out)).toBe(0);
    expect(lines.join('\n')).toContain('Originals kept for "Show original": 1 PDF(s)');
  });
});
