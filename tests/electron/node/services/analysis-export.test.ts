import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../../../electron/node/services/analysis-service';
import type { SaveRequest } from '../../../../electron/node/services/save-export';
import { ServiceError } from '../../../../electron/node/services/service-error';
import { openSearchOn, writeSources } from '../search/search-fixture';

describe('CSV exports through the save dialog', () => {
  let sources: { dir: string; dispose(): void };
  let corpus: ReturnType<typeof openSearchOn>;
  let out: string;
  let answer: string | undefined;
  const asked: SaveRequest[] = [];

  beforeAll(() => {
    sources = writeSources({
      'a.md': '---\ntitle: "=cmd|calc, the report"\n---\n\n=SUM(1) said the media office. @media -media +media.\n\nنشرت وكالة أعماق بيان المكتب الإعلامي media.',
      'b.md': '---\ntitle: B\n---\n\nAnother "media" office.',
    });
    corpus = openSearchOn(sources.dir);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-export-'));
  });
  afterAll(() => {
    corpus?.dispose();
    sources?.dispose();
    fs.rmSync(out, { recursive: true, force: true });
  });
  const service = () => createAnalysisService(() => corpus.store, { dialogs: { chooseSaveFile: async (request) => (asked.push(request), answer), chooseOpenFile: async () => undefined } });

  it('writes every concordance line as CSV with a BOM, formulas neutralised, Arabic intact', async () => {
    answer = path.join(out, 'media.csv');
    const result = await service().exportConcordanceCsv({ query: 'media', width: 3 });
    expect(result).toEqual({ saved: true, file: answer, rows: 6 });
    expect(asked.at(-1)).toMatchObject({ suggestedName: 'concordance-media.csv', filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }] });
    const bytes = fs.readFileSync(answer);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).split('\r\n');
    expect(rows[0]).toBe('document,title,paragraph,left,keyword,right,start,end');
    expect(rows).toHaveLength(8); // header, 6 lines, the empty string after the last CRLF
    // The title and the left context start with formula characters: an apostrophe goes first.
    expect(rows[1]).toMatch(/^a,"'=cmd\|calc, the report",1,'=SUM\(1\) said the,media,/);
    expect(rows.some((row) => row.includes(',media,') && row.includes('الإعلامي'))).toBe(true);
    expect(rows.at(-2)).toBe('b,B,1,"Another """,media,""" office.",9,14');
  });

  it('writes the document chosen only, and nothing when the dialog is cancelled', async () => {
    answer = path.join(out, 'b.csv');
    expect(await service().exportConcordanceCsv({ query: 'media', documentId: 'b' })).toMatchObject({ saved: true, rows: 1 });
    answer = undefined;
    expect(await service().exportConcordanceCsv({ query: 'office' })).toEqual({ saved: false });
    expect(fs.readdirSync(out).sort()).toEqual(['b.csv', 'media.csv']);
  });

  it('exports the word list as shown', async () => {
    answer = path.join(out, 'words.csv');
    expect(await service().exportWordListCsv({ n: 2, hideStopWords: true })).toMatchObject({ saved: true });
    const text = fs.readFileSync(answer, 'utf8');
    expect(text.startsWith('\uFEFF2-gram,count,documents\r\n')).toBe(true);
    expect(text).toContain('\r\nmedia office,2,2\r\n');
  });

  it('says why a file cannot be written, leaves no partial file, and needs the app without a dialog', async () => {
    answer = path.join(out, 'missing-folder', 'x.csv');
    await expect(service().exportConcordanceCsv({ query: 'media' })).rejects.toMatchObject({ code: 'export-failed' });
    expect(fs.existsSync(path.join(out, 'missing-folder'))).toBe(false);
    await expect(createAnalysisService(() => corpus.store).exportConcordanceCsv({ query: 'media' })).rejects.toThrow(ServiceError);
    await expect(service().exportConcordanceCsv({ query: 'title:' })).rejects.toMatchObject({ code: 'query-syntax' });
  });
});
