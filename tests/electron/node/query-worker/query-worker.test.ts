import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERSEDED } from '../../../../electron/common/ipc/superseded';
import type { Result } from '../../../../electron/common/result';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { createAppHandlerTable } from '../../../../electron/node/ipc/app-handler-table';
import { createHandlerTable, type HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createQueryWorker } from '../../../../electron/node/query-worker/query-worker-client';
import { SOURCE_WORKERS } from '../../../../electron/node/query-worker/worker-entry';
import { createServices, type AppServices, type ServicesConfig } from '../../../../electron/node/services/create-services';
import { BUNDLED_CORPUS, FIXTURES } from '../../../harness/paths';

// The query worker as the app uses it: the same handler table, calls forwarded to a worker
// thread. Supersede and the time bound are watched with a test-only hold (a query that waits
// in the worker until released), never by timing.

let dir: string;
let otherCorpus: string;
const opened: AppServices[] = [];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-query-worker-'));
  otherCorpus = path.join(dir, 'small.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: otherCorpus });
});
afterAll(() => {
  for (const services of opened) services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const release = new SharedArrayBuffer(4);
function open(config: Partial<ServicesConfig> = {}): { services: AppServices; table: HandlerTable } {
  const services = createServices({
    corpusFile: BUNDLED_CORPUS,
    ...config,
    workers: { ...SOURCE_WORKERS, hold: { method: 'search', query: 'held in the worker', release }, supersedeGraceMs: 20, ...config.workers },
  });
  opened.push(services);
  return { services, table: createAppHandlerTable(services) };
}
const ids = (result: Result<unknown>) => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return (result.value as { results: { id: string }[] }).results.map((r) => r.id);
};

describe('the query worker', () => {
  it('answers search, find, document reads and analysis as the in-process handlers do', async () => {
    const { services, table } = open();
    const inProcess = createHandlerTable(services);
    for (const query of ['caliphate', '"virtual caliphate"', 'isis NEAR/5 online', 'propagand*']) {
      expect(await table.search({ query }, 'w1')).toEqual({ ...(await inProcess.search({ query })), value: expect.anything() });
      expect(ids(await table.search({ query }, 'w1'))).toEqual(ids(await inProcess.search({ query })));
    }
    const page = await table.listDocuments(undefined);
    expect(page).toEqual(await inProcess.listDocuments(undefined));
    const first = (page as { ok: true; value: { id: string }[] }).value[0]!.id;
    expect(await table.getDocument({ id: first })).toEqual(await inProcess.getDocument({ id: first }));
    expect(await table.findInDocument({ id: first, query: 'the' }, 'w1')).toEqual(await inProcess.findInDocument({ id: first, query: 'the' }));
    const concordance = await table.concordance({ query: 'caliphate' });
    expect(concordance.ok && concordance.value.lines.length).toBeGreaterThan(0);
    expect({ ...concordance, value: { ...(concordance as { value: object }).value, tookMs: 0 } }).toEqual({
      ...(await inProcess.concordance({ query: 'caliphate' })),
      value: expect.objectContaining({ lines: (concordance as { value: { lines: unknown } }).value.lines }),
    });
    // The worker checks arguments with the same schemas.
    expect(await table.search({ query: 42 }, 'w1')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await table.getDocument({ id: 'no-such-document' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await table.search({ query: 'title:' }, 'w1')).toMatchObject({ ok: false, error: { code: 'query-syntax' } });
  });

  it('answers an older search "superseded" when the same window asks a newer one, and leaves other windows alone', async () => {
    const { services, table } = open();
    // Once the worker is up and idle, a call is sent to it at once: the held one is running.
    await table.search({ query: 'warm' }, 'w1');
    const held = table.search({ query: 'held in the worker' }, 'w1');
    const otherWindow = table.search({ query: 'propaganda' }, 'w2');
    const newer = table.search({ query: 'caliphate' }, 'w1');
    expect(await held).toMatchObject({ ok: false, error: { code: SUPERSEDED } });
    // The held query never ends: the worker is restarted for the calls waiting behind it.
    expect(ids(await otherWindow).length).toBeGreaterThan(0);
    expect(ids(await newer).length).toBeGreaterThan(0);
    expect(services.queryWorker!.restarts()).toBe(1);
  });

  it('supersedes a waiting search without running it, and never supersedes document lists', async () => {
    const { table } = open();
    await table.search({ query: 'warm' }, 'w1');
    const held = table.search({ query: 'held in the worker' }, 'w1');
    const waiting = table.search({ query: 'isis' }, 'w1');
    const pages = [0, 1, 2].map(() => table.listDocuments(undefined, 'w1'));
    const newest = table.search({ query: 'caliphate' }, 'w1');
    expect(await waiting).toMatchObject({ ok: false, error: { code: SUPERSEDED } });
    expect(await held).toMatchObject({ ok: false, error: { code: SUPERSEDED } });
    for (const page of pages) expect(await page).toMatchObject({ ok: true });
    expect(ids(await newest).length).toBeGreaterThan(0);
  });

  it('stops a runaway query at the time bound with a message saying what to do, then answers the next', async () => {
    // Long enough for the next search, in a worker started again cold, on a loaded machine.
    const { services, table } = open({ workers: { ...SOURCE_WORKERS, timeBoundMs: 3000 } });
    const runaway = await table.search({ query: 'held in the worker' }, 'w1');
    expect(runaway).toMatchObject({ ok: false, error: { code: 'query-timeout' } });
    expect(!runaway.ok && runaway.error.message).toMatch(/stopped after 3 seconds.*narrower.*"quotes"/);
    expect(services.queryWorker!.restarts()).toBe(1);
    expect(ids(await table.search({ query: 'caliphate' }, 'w1')).length).toBeGreaterThan(0);
  });

  it('does not stop a call the worker answered while main itself was busy past the time bound', async () => {
    const { services, table } = open({ workers: { ...SOURCE_WORKERS, timeBoundMs: 300 } });
    const first = ((await table.listDocuments(undefined)) as { ok: true; value: { id: string }[] }).value[0]!.id;
    // Main holds its thread (as a long synchronous IPC handler does) once the call is sent, while the
    // worker answers at once: the answer is waiting when the bound's timer comes due, and it is the one given.
    const answer = table.getDocument({ id: first });
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        const until = performance.now() + 1000;
        while (performance.now() < until) {
          // busy, as main was
        }
        resolve();
      }),
    );
    expect(await answer).toMatchObject({ ok: true, value: { id: first } });
    expect(services.queryWorker!.restarts()).toBe(0);
  });

  it('says so when its worker cannot start (a missing bundle), instead of starting it again and again', async () => {
    const logged: string[] = [];
    const worker = createQueryWorker({ entry: { file: path.join(dir, 'no-such-worker.js') }, log: (line) => logged.push(line) });
    try {
      const result = await worker.call('search', { query: 'caliphate' }, { file: BUNDLED_CORPUS, generation: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(!result.ok && result.error.message).toMatch(/could not start its corpus reader.*Install Carrel again/);
      expect(logged).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it('follows main to another corpus, and says why when none is open', async () => {
    const { table } = open({
      dialogs: { chooseCorpusFile: () => Promise.resolve(otherCorpus), chooseSourcesFolder: () => Promise.resolve(undefined), chooseBuildOutput: () => Promise.resolve(undefined) },
    });
    const before = await table.listDocuments(undefined);
    expect(await table.chooseCorpus(undefined)).toMatchObject({ ok: true });
    const after = await table.listDocuments(undefined);
    expect(after).toMatchObject({ ok: true });
    expect(after).not.toEqual(before);
    const info = await table.getCorpusInfo(undefined);
    expect((after as { value: unknown[] }).value.length).toBe((info as { value: { documentCount: number } }).value.documentCount);

    const missing = open({ corpusFile: path.join(dir, 'missing.sqlite') });
    const result = await missing.table.search({ query: 'caliphate' }, 'w1');
    expect(result).toMatchObject({ ok: false });
    expect(result).toEqual(await createHandlerTable(missing.services).search({ query: 'caliphate' }));
  });
});
