import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusBuildStatus } from '../../../../electron/common/corpus/corpus-choice-types';
import { createHandlerTable, type HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { SOURCE_WORKERS } from '../../../../electron/node/query-worker/worker-entry';
import { suggestedCorpusName } from '../../../../electron/node/services/corpus-build-service';
import { createServices, type AppServices } from '../../../../electron/node/services/create-services';
import { writeMixedFormats } from '../../../harness/mixed-formats';
import { FIXTURES } from '../../../harness/paths';
import { errorCode, makeWorkspace, value } from './user-data-fixture';

// The same behaviour whether the build runs on this thread (sliced) or in the build worker (as in the app).
describe.each([
  ['in-process', undefined],
  ['in the build worker', SOURCE_WORKERS],
])('building a corpus from the app (%s)', (_where, workers) => {
  let ws: ReturnType<typeof makeWorkspace>;
  let services: AppServices;
  let table: HandlerTable;
  let folder: string | undefined;
  let output: string | undefined;
  let suggested: string[];
  let small: string;

  beforeEach(() => {
    ws = makeWorkspace('carrel-app-build-');
    small = ws.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
    folder = path.join(FIXTURES, 'corpus-mixed');
    output = path.join(ws.dir, 'built', 'mixed.sqlite');
    suggested = [];
    services = createServices({
      corpusFile: small,
      userDbFile: ws.userDbFile,
      workers,
      corporaDir: path.join(ws.dir, 'corpora'),
      dialogs: {
        chooseCorpusFile: async () => undefined,
        chooseSourcesFolder: async () => folder,
        chooseBuildOutput: async (file) => (suggested.push(file), output),
      },
    });
    table = createHandlerTable(services, () => {});
  });
  afterEach(() => {
    services.close();
    ws.close();
  });

  async function finished(jobId: string): Promise<CorpusBuildStatus> {
    for (;;) {
      const status = value(await table.getCorpusBuild({ jobId }));
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('builds in the background with progress, then lists the result among the recent corpora', async () => {
    const started = value(await table.startCorpusBuild({}))!;
    expect(started).toMatchObject({ state: 'running', sourcesDir: folder, outFile: output });
    expect(suggested).toEqual([path.join(ws.dir, 'corpora', 'corpus-mixed.sqlite')]);
    // The build has not run inside the call: it is still at its start, and the service answers meanwhile.
    expect(value(await table.getCorpusBuild({ jobId: started.jobId }))).toMatchObject({ state: 'running', done: 0 });
    expect(value(await table.getCorpusInfo(undefined)).title).toBe('Small');
    const done = await finished(started.jobId);
    expect(done.state).toBe('done');
    expect(done).toMatchObject({ phase: 'finishing', done: 9, total: 9, documents: 5 });
    expect(done.summary).toMatchObject({ title: 'Mixed fixture corpus', documents: 5, skippedCount: 4 });
    expect(done.summary!.skipped.map((s) => `${s.path} ${s.reason}`)).toContain('plain/latin1-notes.txt invalid-utf8');
    const recent = value(await table.listRecentCorpora(undefined)).corpora;
    expect(recent[0]).toMatchObject({ file: output, title: 'Mixed fixture corpus', documentCount: 5, isOpen: false, available: true });
    expect(value(await table.openRecentCorpus({ file: output! })).documentCount).toBe(5);
  });

  it('takes the title given in the app over the folder\'s own', async () => {
    const done = await finished(value(await table.startCorpusBuild({ title: '  Field reports, 2015 ' }))!.jobId);
    expect(done.summary?.title).toBe('Field reports, 2015');
    expect(value(await table.openRecentCorpus({ file: output! })).title).toBe('Field reports, 2015');
    expect(errorCode(await table.startCorpusBuild({ title: 'x'.repeat(201) }))).toBe('invalid-argument');
  });

  // Two builds of PDFs, EPUBs and Word files: longer than the default 5 s on a busy machine.
  it('keeps a copy of each PDF unless asked not to (the app\'s --no-originals)', async () => {
    folder = path.join(ws.dir, 'formats');
    writeMixedFormats(folder);
    const kept = await finished(value(await table.startCorpusBuild({}))!.jobId);
    expect(kept.state).toBe('done');
    value(await table.openRecentCorpus({ file: output! }));
    expect(value(await table.getDocument({ id: 'report' })).original).toMatchObject({ kept: true });
    value(await table.openRecentCorpus({ file: small }));
    output = path.join(ws.dir, 'built', 'lean.sqlite');
    const lean = await finished(value(await table.startCorpusBuild({ originals: false }))!.jobId);
    expect(lean.state).toBe('done');
    value(await table.openRecentCorpus({ file: output }));
    expect(value(await table.getDocument({ id: 'report' })).original).toEqual({ kept: false, missing: 'not-kept' });
    expect(fs.statSync(output).size).toBeLessThan(fs.statSync(path.join(ws.dir, 'built', 'mixed.sqlite')).size);
    expect(errorCode(await table.startCorpusBuild({ originals: 'no' as unknown as boolean }))).toBe('invalid-argument');
  }, 30_000);

  it('does nothing when either dialog is cancelled', async () => {
    folder = undefined;
    expect(value(await table.startCorpusBuild({}))).toBeNull();
    folder = path.join(FIXTURES, 'corpus-mixed');
    output = undefined;
    expect(value(await table.startCorpusBuild({}))).toBeNull();
  });

  it('cancels a build without leaving a file behind', async () => {
    const started = value(await table.startCorpusBuild({}))!;
    const cancelled = value(await table.cancelCorpusBuild({ jobId: started.jobId }));
    expect(cancelled.state).toBe('cancelled');
    expect(fs.existsSync(path.dirname(output!)) ? fs.readdirSync(path.dirname(output!)) : []).toEqual([]);
  });

  it('runs one build at a time', async () => {
    const started = value(await table.startCorpusBuild({}))!;
    output = path.join(ws.dir, 'built', 'second.sqlite');
    expect(errorCode(await table.startCorpusBuild({}))).toBe('build-running');
    await finished(started.jobId);
  });

  it('refuses to overwrite the open corpus, a file that is not a corpus, or to write inside the folder', async () => {
    output = small;
    expect(errorCode(await table.startCorpusBuild({}))).toBe('build-target');
    output = ws.userDbFile;
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(output, 'my precious notes');
    const refused = await table.startCorpusBuild({});
    expect(errorCode(refused)).toBe('build-target');
    expect(fs.readFileSync(output, 'utf8')).toBe('my precious notes');
    folder = path.join(ws.dir, 'small-sources');
    output = path.join(folder, 'inside.sqlite');
    expect(errorCode(await table.startCorpusBuild({}))).toBe('build-target');
    expect(fs.existsSync(output)).toBe(false);
  });

  it('replaces an older build of the same corpus file', async () => {
    output = path.join(ws.dir, 'rebuilt.sqlite');
    fs.copyFileSync(small, output);
    const done = await finished(value(await table.startCorpusBuild({}))!.jobId);
    expect(done.state).toBe('done');
    expect(value(await table.openRecentCorpus({ file: output })).title).toBe('Mixed fixture corpus');
  });

  it('reports a failure in words', async () => {
    folder = path.join(ws.dir, 'bad-sources');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'carrel-corpus.json'), '{"title": 5}');
    const done = await finished(value(await table.startCorpusBuild({}))!.jobId);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/could not be built: carrel-corpus.json is invalid/);
  });

  it('rejects job ids that are not ids', async () => {
    expect(errorCode(await table.getCorpusBuild({ jobId: '../x' }))).toBe('invalid-argument');
    expect(errorCode(await table.getCorpusBuild({ jobId: '00000000-0000-4000-8000-000000000000' }))).toBe('not-found');
  });
});

describe('suggestedCorpusName', () => {
  it('names the file after the folder, safely', () => {
    expect(suggestedCorpusName('/data/Field reports 2015/')).toBe('Field-reports-2015.sqlite');
    expect(suggestedCorpusName('/data/تقارير')).toBe('تقارير.sqlite');
    expect(suggestedCorpusName('/data/..hidden')).toBe('hidden.sqlite');
    expect(suggestedCorpusName('/')).toBe('corpus.sqlite');
  });
});
