import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus, buildCorpusInSlices } from '../../../../electron/node/corpus/build-corpus';
import { StepsCancelled } from '../../../../electron/node/steps/run-steps';
import { columnLines, writePdf } from '../../../harness/pdf-writer';
import { CORPUS_FORMAT_VERSION } from '../../../../electron/node/corpus/corpus-format';
import { verifyCorpusFile } from '../../../../electron/node/corpus/corpus-manifest';
import { openCorpus } from '../../../../electron/node/corpus/corpus-store';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { createSearchService } from '../../../../electron/node/services/search-service';
import { main } from '../../../../electron/node/cli/carrel';
import { MIXED_SKIPS, writeMixedFormats } from '../../../harness/mixed-formats';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-mixed-'));
const sources = path.join(dir, 'sources');
writeMixedFormats(sources);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytesOf = (file: string) => {
  // The file's bytes but for its creation time (meta created_at), which differs by design.
  const db = openDatabase(file);
  db.prepare("UPDATE meta SET value = '' WHERE key = 'created_at'").run();
  db.close();
  return fs.readFileSync(file);
};

describe('a corpus of PDF, EPUB, Word, text and HTML sources', () => {
  const out = path.join(dir, 'a.sqlite');
  const summary = buildCorpus({ sourcesDir: sources, outFile: out, title: 'Mixed' });

  it('adds the good documents and skips each hostile one with its reason', () => {
    expect(summary.documents).toBe(6);
    expect(Object.fromEntries(summary.skipped.map((s) => [s.path, s.reason]))).toEqual(MIXED_SKIPS);
    for (const skipped of summary.skipped) expect(skipped.message).not.toBe('');
  });

  it('stores the page of every PDF paragraph, and none for the others', () => {
    const corpus = openCorpus(out);
    try {
      const pdf = corpus.getDocument('report')!;
      expect(pdf.format).toBe('pdf');
      expect(pdf.paragraphs.every((p) => p.page)).toBe(true);
      expect([...new Set(pdf.paragraphs.map((p) => p.page))]).toEqual(['i', '1', '2', '3']);
      expect(corpus.getDocument('book')!.paragraphs.some((p) => p.page)).toBe(false);
      const arabic = corpus.getDocument('arabic')!;
      expect(arabic).toMatchObject({ language: 'ar', text: 'الخلافة الافتراضية في الفضاء الرقمي اليوم.\n\nالصفحة الثانية من التقرير.' });
      expect(arabic.paragraphs.map((p) => p.page)).toEqual(['1', '2']);
      expect(corpus.info.formatVersion).toBe(CORPUS_FORMAT_VERSION);
    } finally {
      corpus.close();
    }
  });

  it('finds words of every format in the search index, and the manifest holds', () => {
    const corpus = openCorpus(out);
    try {
      const search = createSearchService(() => corpus);
      const ids = (query: string) => search.search({ query }).results.map((r) => r.id);
      expect(ids('propaganda')).toContain('report');
      expect(ids('"second chapter"')).toEqual(['book']);
      expect(ids('telegram')).toEqual(['notes']);
      expect(ids('الافتراضية').sort()).toEqual(['arabic', 'book']);
    } finally {
      corpus.close();
    }
    expect(verifyCorpusFile(out).ok).toBe(true);
  });

  it('gives the same bytes twice, in one go or in slices', async () => {
    const again = path.join(dir, 'b.sqlite');
    const sliced = path.join(dir, 'c.sqlite');
    buildCorpus({ sourcesDir: sources, outFile: again, title: 'Mixed' });
    await buildCorpusInSlices({ sourcesDir: sources, outFile: sliced, title: 'Mixed' }, { sliceMs: 1 });
    expect(bytesOf(again).equals(bytesOf(out))).toBe(true);
    expect(bytesOf(sliced).equals(bytesOf(out))).toBe(true);
  });

  it('prints each reason from the command line', async () => {
    const lines: string[] = [];
    const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l), progress: () => {} };
    expect(await main(['corpus', 'build', sources, '--out', path.join(dir, 'cli.sqlite'), '--file-timeout-s', '30'], out)).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('6 document(s) added, 6 file(s) skipped');
    expect(text).toContain('Skipped, password-protected (1):\n  hostile/encrypted.pdf: password-protected PDF');
    expect(text).toContain('Skipped, no text layer (scanned) (1):\n  hostile/scanned.pdf: no text layer in its 3 pages: run OCR on it first');
    expect(text).toContain('Skipped, unsafe archive entry (1):\n  hostile/zip-slip.epub: an entry named "../../x" leaves the archive');
  });

  it('cancels while a PDF is being read, leaving nothing behind', async () => {
    const big = path.join(dir, 'big');
    fs.mkdirSync(big);
    const text = 'A line of the report that goes on for a while. '.repeat(40).trim();
    const pages = Array.from({ length: 300 }, () => columnLines([text, text, text], { x: 72, top: 720, size: 9, chars: 90 }));
    fs.writeFileSync(path.join(big, 'big.pdf'), writePdf({ pages }));
    const out = path.join(dir, 'big-out', 'big.sqlite');
    const controller = new AbortController();
    const building = buildCorpusInSlices({ sourcesDir: big, outFile: out }, { signal: controller.signal, sliceMs: 5 });
    setTimeout(() => controller.abort(), 50);
    await expect(building).rejects.toBeInstanceOf(StepsCancelled);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });

  it('skips a PDF that takes too long to read, with its reason, and builds the rest', () => {
    const slow = buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'd.sqlite'), extractTimeoutMs: 1 });
    expect(slow.skipped.find((s) => s.path === 'report.pdf')).toMatchObject({ reason: 'timeout' });
    expect(slow.documents).toBeGreaterThanOrEqual(3);
  });
});
