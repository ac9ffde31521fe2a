import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedPassages, withSubcodes } from '../../../../../electron/node/coding/coded-passages';
import { codingExportData } from '../../../../../electron/node/coding/refi-qda/coding-export-data';
import type { HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import type { FileDialogs } from '../../../../../electron/node/services/file-dialogs';
import { FIXTURES } from '../../../../harness/paths';
import { errorCode, makeWorkspace, value } from '../user-data-fixture';

const workspace = makeWorkspace('carrel-coding-passages-');
let saveAs: string | undefined;
const dialogs: FileDialogs = { chooseSaveFile: async () => saveAs, chooseOpenFile: async () => undefined };
let table: HandlerTable;
let ids: { themes: string; fear: string; calm: string };
let arabicText: string;

const rowsOf = (file: string) => {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parse(text.slice(1)) as string[][];
};

beforeAll(async () => {
  const corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
  ({ table } = workspace.services(corpus, workspace.userDbFile, { fileDialogs: dialogs }));
  const themes = value(await table.createCode({ name: '=Themes' }));
  const fear = value(await table.createCode({ name: 'Fear', parentId: themes.id }));
  const calm = value(await table.createCode({ name: 'Calm' }));
  ids = { themes: themes.id, fear: fear.id, calm: calm.id };
  arabicText = value(await table.getDocument({ id: 'arabic' })).text;
  const dabiq = arabicText.indexOf('دابق');
  const a = value(await table.createHighlight({ documentId: 'arabic', start: dabiq, end: dabiq + 4, color: 'yellow' }));
  const b = value(await table.createHighlight({ documentId: 'notes', start: 0, end: 4, color: 'yellow' }));
  const c = value(await table.createHighlight({ documentId: 'notes', start: 5, end: 9, color: 'yellow' }));
  value(await table.applyCode({ codeId: fear.id, highlightId: a.id }));
  value(await table.applyCode({ codeId: calm.id, highlightId: a.id }));
  value(await table.applyCode({ codeId: themes.id, highlightId: b.id }));
  value(await table.applyCode({ codeId: fear.id, highlightId: c.id }));
});
afterAll(() => workspace.close());

describe('coded passages and the coding CSV exports', () => {
  it('lists a code’s passages with their context and document, with or without its sub-codes', async () => {
    const fear = value(await table.listCodedPassages({ codeId: ids.fear }));
    expect(fear.map((p) => [p.documentId, p.quote])).toHaveLength(2);
    const arabic = fear.find((p) => p.documentId === 'arabic')!;
    expect(arabic).toMatchObject({ quote: 'دابق', documentTitle: expect.any(String) });
    expect(arabic.before.endsWith('مجلة ')).toBe(true);
    expect(arabic.after.startsWith(' باللغة')).toBe(true);
    expect(arabic.codeIds.sort()).toEqual([ids.fear, ids.calm].sort());
    expect(value(await table.listCodedPassages({ codeId: ids.themes }))).toHaveLength(1);
    expect(value(await table.listCodedPassages({ codeId: ids.themes, withSubcodes: true }))).toHaveLength(3);
    expect(value(await table.listCodedPassages({ codeId: ids.themes, withSubcodes: true, documentId: 'notes' })).map((p) => p.start)).toEqual([0, expect.any(Number)]);
    expect(errorCode(await table.listCodedPassages({ codeId: 'gone' }))).toBe('not-found');
  });

  it('gives the matrix with document titles, whose counts are the passages of each cell', async () => {
    const matrix = value(await table.getCodingMatrix(undefined));
    expect(matrix.documents.map((d) => d.id).sort()).toEqual(['arabic', 'notes']);
    for (const cell of matrix.counts) {
      expect(value(await table.listCodedPassages({ codeId: cell.codeId, documentId: cell.documentId }))).toHaveLength(cell.count);
    }
  });

  it('writes the matrix, the co-occurrence table and every coded passage as CSV, formulas neutralised', async () => {
    saveAs = path.join(workspace.dir, 'matrix.csv');
    expect(value(await table.exportCodingCsv({ table: 'matrix' }))).toMatchObject({ saved: true, rows: 3 });
    const matrix = rowsOf(saveAs);
    const notesColumn = matrix[0]!.findIndex((h, i) => i > 0 && h !== 'total' && !/[\u0600-\u06FF]/u.test(h));
    expect(matrix[0]![0]).toBe('code');
    expect(matrix.map((r) => r[0])).toEqual(['code', "'=Themes", "'=Themes / Fear", 'Calm']);
    expect(matrix[2]![notesColumn]).toBe('1');
    expect(matrix[2]!.at(-1)).toBe('2');

    saveAs = path.join(workspace.dir, 'cooccurrence.csv');
    value(await table.exportCodingCsv({ table: 'cooccurrence' }));
    expect(rowsOf(saveAs)).toEqual([['code_a', 'code_b', 'passages'], expect.arrayContaining(["'=Themes / Fear", 'Calm', '1'])]);

    saveAs = path.join(workspace.dir, 'passages.csv');
    expect(value(await table.exportCodingCsv({ table: 'passages' }))).toMatchObject({ saved: true, rows: 4 });
    const passages = rowsOf(saveAs);
    expect(passages).toHaveLength(5);
    expect(passages.some((r) => r.includes('دابق'))).toBe(true);

    saveAs = undefined;
    expect(value(await table.exportCodingCsv({ table: 'matrix' }))).toEqual({ saved: false });
    expect(errorCode(await table.exportCodingCsv({ table: 'everything' } as never))).toBe('invalid-argument');
  });
});

describe('coded passages read for one code only', () => {
  it('gives for every code, with and without sub-codes and in each document, what filtering the whole export gives', async () => {
    const services = workspace.services(path.join(workspace.dir, 'small.sqlite'), workspace.userDbFile).services;
    const ctx = services.userDataContext;
    const data = codingExportData(ctx);
    for (const code of data.codes) {
      for (const deep of [false, true]) {
        for (const documentId of [undefined, 'notes', 'arabic']) {
          const expected = codedPassages(data, ctx.corpus(), deep ? withSubcodes(data.codes, code.id) : new Set([code.id]), documentId);
          expect(value(await table.listCodedPassages({ codeId: code.id, withSubcodes: deep, ...(documentId ? { documentId } : {}) })), `${code.name} ${deep} ${documentId}`).toEqual(expected);
        }
      }
    }
  });

  it('leaves out a coding removed and a highlight deleted; a passage lists only the codes still on it', async () => {
    const code = value(await table.createCode({ name: 'Passing' }));
    const other = value(await table.createCode({ name: 'Staying' }));
    const h = value(await table.createHighlight({ documentId: 'notes', start: 10, end: 14, color: 'yellow' }));
    value(await table.applyCode({ codeId: code.id, highlightId: h.id }));
    value(await table.applyCode({ codeId: other.id, highlightId: h.id }));
    expect(value(await table.listCodedPassages({ codeId: other.id }))[0]!.codeIds.sort()).toEqual([code.id, other.id].sort());
    value(await table.removeCodeFromHighlight({ codeId: code.id, highlightId: h.id }));
    expect(value(await table.listCodedPassages({ codeId: code.id }))).toEqual([]);
    expect(value(await table.listCodedPassages({ codeId: other.id })).map((p) => p.codeIds)).toEqual([[other.id]]);
    value(await table.deleteHighlight({ id: h.id }));
    expect(value(await table.listCodedPassages({ codeId: other.id }))).toEqual([]);
  });
});
