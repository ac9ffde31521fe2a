import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { SOURCE_WORKERS } from '../../../../../electron/node/query-worker/worker-entry';
import type { FileDialogs } from '../../../../../electron/node/services/file-dialogs';
import { FIXTURES } from '../../../../harness/paths';
import { makeWorkspace, value } from '../user-data-fixture';

// The same notes in two notes databases: one app's services run citation-js in the citation
// worker (as Electron and the harness do), the other's in-process (as the command line does).
const workspace = makeWorkspace('carrel-citation-worker-');
let saveAs = '';
const dialogs: FileDialogs = { chooseSaveFile: async () => saveAs, chooseOpenFile: async () => undefined };
const fixed = new Date('2026-12-07T12:00:00Z');
const tables: Record<'worker' | 'in-process', HandlerTable> = {} as never;
let highlights: Record<'worker' | 'in-process', string> = {} as never;

async function prepare(table: HandlerTable): Promise<string> {
  const text = value(await table.getDocument({ id: 'arabic' })).text;
  const dabiq = text.indexOf('دابق');
  const highlight = value(await table.createHighlight({ documentId: 'arabic', start: dabiq, end: dabiq + 4, color: 'orange', note: 'a note', tags: ['t'] }));
  const brief = value(await table.getDocument({ id: 'brief' })).text;
  const videos = brief.indexOf('propaganda videos');
  value(await table.createHighlight({ documentId: 'brief', start: videos, end: videos + 17, color: 'green', note: '' }));
  value(await table.createHighlight({ documentId: 'brief', start: videos + 11, end: videos + 17, color: 'blue', note: 'same paragraph' }));
  value(await table.createBookmark({ documentId: 'brief', offset: 0, label: 'Top' }));
  value(await table.saveDocumentDetails({ documentId: 'arabic', fields: { type: 'article-newspaper', title: 'الدولة الإسلامية & {الخلافة}', authors: ['عبد الباري عطوان'], date: '2015-08-12', containerTitle: 'رأي اليوم', publisher: '', url: 'https://example.org/a', page: '' } }));
  return highlight.id;
}

beforeAll(async () => {
  const corpusFile = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
  for (const mode of ['worker', 'in-process'] as const) {
    const extra = { fileDialogs: dialogs, now: () => fixed, ...(mode === 'worker' ? { workers: SOURCE_WORKERS } : {}) };
    tables[mode] = workspace.services(corpusFile, path.join(workspace.dir, mode, 'carrel-user.sqlite'), extra).table;
    highlights = { ...highlights, [mode]: await prepare(tables[mode]) };
  }
}, 60_000);
afterAll(() => workspace.close());

/** What each table answers, the highlight's id being each one's own. */
async function both<T>(ask: (table: HandlerTable, highlightId: string) => Promise<T>): Promise<[T, T]> {
  return [await ask(tables.worker, highlights.worker), await ask(tables['in-process'], highlights['in-process'])];
}

async function exported(table: HandlerTable, name: string, run: (table: HandlerTable) => Promise<unknown>): Promise<string> {
  saveAs = path.join(workspace.dir, name);
  value((await run(table)) as never);
  return fs.readFileSync(saveAs, 'utf8');
}

describe('citations through the citation worker', () => {
  it(
    'formats the same citations as in-process: of a document, a span and a highlight, in each style',
    async () => {
      for (const style of ['apa', 'chicago-author-date', 'mla', 'harvard'] as const) {
        const [viaWorker, inProcess] = await both(async (table, highlightId) => [
          value(await table.formatCitation({ documentId: 'brief', style })),
          value(await table.formatCitation({ documentId: 'brief', style, start: 10, end: 40 })),
          value(await table.formatCitation({ documentId: 'arabic', style, highlightId })),
        ]);
        expect(viaWorker).toEqual(inProcess);
        expect(viaWorker[2]!.quote).toBe('دابق');
      }
    },
    300_000,
  );

  it(
    'exports the same bibliographies and notebooks as in-process',
    async () => {
      for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
        const [viaWorker, inProcess] = await both((table) => exported(table, `corpus.${format}`, (t) => t.exportBibliography({ scope: 'corpus', format })));
        expect(viaWorker).toBe(inProcess);
        expect(viaWorker.length).toBeGreaterThan(100);
      }
      for (const markdown of [undefined, { include: 'all', groupBy: 'tag' }] as const) {
        const [viaWorker, inProcess] = await both((table) => exported(table, 'notebook.md', (t) => t.exportNotebook({ format: 'markdown', filter: {}, style: 'apa', ...(markdown ? { markdown } : {}) })));
        expect(viaWorker).toBe(inProcess);
        expect(viaWorker).toContain('(عبد الباري عطوان, 2015, para. 2)');
      }
      const [viaWorker, inProcess] = await both((table) => exported(table, 'notebook.csv', (t) => t.exportNotebook({ format: 'csv', filter: {}, style: 'chicago-author-date' })));
      expect(viaWorker).toBe(inProcess);
    },
    300_000,
  );
});
