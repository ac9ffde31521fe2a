import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlerTable, type HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices, type ServicesConfig } from '../../../../electron/node/services/create-services';
import type { CorpusDialogs } from '../../../../electron/node/services/corpus-dialogs';
import { FIXTURES } from '../../../harness/paths';
import { errorCode, makeWorkspace, value } from './user-data-fixture';

// Opening another corpus file, the recent list, and notes kept per corpus.
describe('switching corpora', () => {
  let ws: ReturnType<typeof makeWorkspace>;
  let small: string;
  let mixed: string;
  let picked: string | undefined;
  const opened: AppServices[] = [];
  const dialogs: CorpusDialogs = {
    chooseCorpusFile: async () => picked,
    chooseSourcesFolder: async () => undefined,
    chooseBuildOutput: async () => undefined,
  };
  const start = (config: Partial<ServicesConfig> = {}): HandlerTable => {
    const services = createServices({
      corpusFile: small,
      userDbFile: ws.userDbFile,
      recentCorporaFile: path.join(ws.dir, 'user', 'carrel-corpora.json'),
      dialogs,
      ...config,
    });
    opened.push(services);
    return createHandlerTable(services, () => {});
  };

  beforeEach(() => {
    ws = makeWorkspace('carrel-switch-');
    small = ws.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
    mixed = ws.corpus('mixed', path.join(FIXTURES, 'corpus-mixed'), undefined, 'Mixed');
    picked = undefined;
  });
  afterEach(() => {
    for (const services of opened.splice(0)) services.close();
    ws.close();
  });

  it('opens the file picked in the dialog, and does nothing when the dialog is cancelled', async () => {
    const table = start();
    expect(value(await table.chooseCorpus(undefined))).toBeNull();
    expect(value(await table.getCorpusInfo(undefined)).title).toBe('Small');
    picked = mixed;
    expect(value(await table.chooseCorpus(undefined))?.title).toBe('Mixed');
    expect(value(await table.getCorpusInfo(undefined)).title).toBe('Mixed');
    expect(value(await table.listDocuments(undefined))).toHaveLength(5);
    expect(value(await table.search({ query: 'caliphate' })).total).toBeGreaterThan(0);
    expect(value(await table.getSecurityStatus(undefined)).corpus?.file).toBe(mixed);
  });

  it('keeps the open corpus when the picked file is not a usable corpus, and says why', async () => {
    const table = start();
    picked = path.join(ws.dir, 'not-a-corpus.sqlite');
    fs.writeFileSync(picked, 'plain text, not SQLite');
    const failed = await table.chooseCorpus(undefined);
    expect(errorCode(failed)).toBe('corpus-invalid');
    expect(!failed.ok && failed.error.message).toMatch(/not-a-corpus\.sqlite/);
    picked = path.join(ws.dir, 'missing.sqlite');
    expect(errorCode(await table.chooseCorpus(undefined))).toBe('corpus-missing');
    expect(value(await table.getCorpusInfo(undefined)).title).toBe('Small');
    expect(value(await table.getDocument({ id: 'notes' })).title).toBeTruthy();
  });

  it('lists recent corpora, opens only files from that list, and marks the open one', async () => {
    const table = start();
    picked = mixed;
    await table.chooseCorpus(undefined);
    const recent = value(await table.listRecentCorpora(undefined)).corpora;
    expect(recent.map((r) => [r.title, r.isOpen, r.available])).toEqual([
      ['Mixed', true, true],
      ['Small', false, true],
    ]);
    expect(value(await table.openRecentCorpus({ file: small })).title).toBe('Small');
    expect(errorCode(await table.openRecentCorpus({ file: '/etc/passwd' }))).toBe('not-found');
    expect(errorCode(await table.openRecentCorpus({ file: 42 } as never))).toBe('invalid-argument');
    fs.rmSync(mixed);
    expect(value(await table.listRecentCorpora(undefined)).corpora.find((r) => r.title === 'Mixed')?.available).toBe(false);
    expect(errorCode(await table.openRecentCorpus({ file: mixed }))).toBe('corpus-missing');
    expect(value(await table.getCorpusInfo(undefined)).title).toBe('Small');
    expect(errorCode(await table.forgetRecentCorpus({ file: small }))).toBe('corpus-open');
    expect(value(await table.forgetRecentCorpus({ file: mixed })).corpora.map((r) => r.title)).toEqual(['Small']);
    expect(fs.existsSync(small)).toBe(true);
  });

  it('keeps highlights per corpus: they come back when their corpus is opened again', async () => {
    const table = start();
    const notes = value(await table.getDocument({ id: 'notes' }));
    const created = value(await table.createHighlight({ documentId: 'notes', start: 0, end: 10, color: 'green' }));
    picked = mixed;
    await table.chooseCorpus(undefined);
    expect(value(await table.queryNotebook({})).total).toBe(0);
    await table.openRecentCorpus({ file: small });
    const back = value(await table.listHighlights({ documentId: 'notes' }));
    expect(back.map((h) => [h.id, h.quote.exact])).toEqual([[created.id, notes.text.slice(0, 10)]]);
  });

  it('starts on the corpus opened last when asked to, and on the default when that one is gone', async () => {
    const first = start();
    picked = mixed;
    await first.chooseCorpus(undefined);
    expect(value(await start({ reopenLastCorpus: true }).getCorpusInfo(undefined)).title).toBe('Mixed');
    expect(value(await start().getCorpusInfo(undefined)).title).toBe('Small');
    fs.rmSync(mixed);
    expect(value(await start({ reopenLastCorpus: true }).getCorpusInfo(undefined)).title).toBe('Small');
  });

  it('says the dialogs need the app when there are none', async () => {
    const table = start({ dialogs: undefined });
    expect(errorCode(await table.chooseCorpus(undefined))).toBe('unavailable');
    expect(errorCode(await table.startCorpusBuild({}))).toBe('unavailable');
  });
});
