import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CorpusBuildStatus } from '../../../../electron/common/corpus/corpus-choice-types';
import type { Result } from '../../../../electron/common/result';
import { main } from '../../../../electron/node/cli/carrel';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { CORPUS_FORMAT_VERSION } from '../../../../electron/node/corpus/corpus-format';
import { createHandlerTable, type HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices, type ServicesConfig } from '../../../../electron/node/services/create-services';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { writeMixedFormats } from '../../../harness/mixed-formats';
import { BUNDLED_SOURCES, FIXTURES } from '../../../harness/paths';
import { makeWorkspace, value } from './user-data-fixture';

/** What an older Carrel left: the same file with an older format number (the reader refuses it the same way). */
function makeOutdated(file: string, version = 5): void {
  const db = openDatabase(file);
  try {
    db.pragma(`user_version = ${version}`);
  } finally {
    db.close();
  }
}

const failure = (result: Result<unknown>) => {
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

// Issue 10, item 11: an old-format corpus is rebuilt from the app when its sources are known;
// otherwise the window says where it came from and what to do, never to run a command.
describe('a corpus made by an older Carrel', () => {
  let ws: ReturnType<typeof makeWorkspace>;
  let folder: string | undefined;
  let output: string | undefined;
  const opened: AppServices[] = [];
  const start = (config: Partial<ServicesConfig> & { corpusFile: string }): HandlerTable => {
    const services = createServices({
      userDbFile: ws.userDbFile,
      recentCorporaFile: path.join(ws.dir, 'user', 'carrel-corpora.json'),
      dialogs: { chooseCorpusFile: async () => undefined, chooseSourcesFolder: async () => folder, chooseBuildOutput: async () => output },
      ...config,
    });
    opened.push(services);
    return createHandlerTable(services, () => {});
  };
  const closeAll = () => {
    for (const services of opened.splice(0)) services.close();
  };
  async function finished(table: HandlerTable, status: CorpusBuildStatus): Promise<CorpusBuildStatus> {
    for (;;) {
      const now = value(await table.getCorpusBuild({ jobId: status.jobId }));
      if (now.state !== 'running') return now;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  /** Carrel's own layout: corpus/carrel.sqlite with its sources in corpus/sources (the bundled corpus). */
  const bundledLayout = () => {
    const dir = path.join(ws.dir, 'resources', 'corpus');
    fs.cpSync(BUNDLED_SOURCES, path.join(dir, 'sources'), { recursive: true });
    const file = path.join(dir, 'carrel.sqlite');
    buildCorpus({ sourcesDir: path.join(dir, 'sources'), outFile: file });
    return file;
  };

  beforeEach(() => {
    ws = makeWorkspace('carrel-rebuild-');
    folder = undefined;
    output = undefined;
  });
  afterEach(() => {
    closeAll();
    ws.close();
  });

  it('is explained without a command to run, and rebuilt from the sources beside it, notes kept', async () => {
    const file = bundledLayout();
    const before = start({ corpusFile: file });
    const doc = value(await before.listDocuments(undefined))[0]!;
    const highlight = value(await before.createHighlight({ documentId: doc.id, start: 0, end: 12, color: 'green', note: 'kept' }));
    closeAll();
    makeOutdated(file);

    const table = start({ corpusFile: file });
    const error = failure(await table.getCorpusInfo(undefined));
    expect(error.code).toBe('corpus-version');
    expect(error.message).toBe(
      `carrel.sqlite was made by an older version of Carrel, or its build did not finish (corpus format 5; this version reads format ${CORPUS_FORMAT_VERSION}). It opens again once rebuilt from its sources.`,
    );
    expect(error.message).not.toMatch(/npx|npm|carrel corpus/);
    expect(value(await table.getOutdatedCorpus({}))).toEqual({
      file,
      fileName: 'carrel.sqlite',
      title: 'ISIS propaganda and the virtual caliphate',
      corpusId: 'isis-virtual-caliphate',
      builderVersion: '0.3.0',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      formatVersion: 5,
      currentFormatVersion: CORPUS_FORMAT_VERSION,
      sourcesDir: path.join(path.dirname(file), 'sources'),
    });

    const started = value(await table.rebuildCorpus({}));
    expect(started).toMatchObject({ state: 'running', outFile: file, sourcesDir: path.join(path.dirname(file), 'sources') });
    const done = await finished(table, started);
    expect(done).toMatchObject({ state: 'done', summary: { documents: 5, corpusId: 'isis-virtual-caliphate' } });
    expect(value(await table.getOutdatedCorpus({}))).toBeNull();
    expect(value(await table.openRecentCorpus({ file })).formatVersion).toBe(CORPUS_FORMAT_VERSION);
    expect(value(await table.listHighlights({ documentId: doc.id })).map((h) => [h.id, h.note])).toEqual([[highlight.id, 'kept']]);
  });

  it('rebuilds a corpus built in the app from the folder it remembers, with the title it was given', async () => {
    const small = ws.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
    folder = path.join(ws.dir, 'field-sources');
    fs.cpSync(path.join(FIXTURES, 'corpus-small'), folder, { recursive: true });
    output = path.join(ws.dir, 'corpora', 'field.sqlite');
    let table = start({ corpusFile: small });
    const built = await finished(table, value(await table.startCorpusBuild({ title: 'Field reports' }))!);
    expect(built.summary?.title).toBe('Field reports');
    const corpusId = built.summary!.corpusId;
    closeAll();
    makeOutdated(output, 4);

    table = start({ corpusFile: small });
    expect(value(await table.getOutdatedCorpus({}))).toBeNull();
    expect(failure(await table.openRecentCorpus({ file: output })).code).toBe('corpus-version');
    expect(value(await table.getOutdatedCorpus({ file: output }))).toMatchObject({ title: 'Field reports', corpusId, formatVersion: 4, sourcesDir: folder });
    const done = await finished(table, value(await table.rebuildCorpus({ file: output })));
    expect(done.summary).toMatchObject({ title: 'Field reports', corpusId, documents: 3 });
    expect(value(await table.openRecentCorpus({ file: output })).title).toBe('Field reports');
  });

  // Two builds of PDFs, EPUBs and Word files: longer than the default 5 s on a busy machine.
  it('rebuilds a corpus built without originals without them again', async () => {
    const small = ws.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
    folder = path.join(ws.dir, 'formats');
    writeMixedFormats(folder);
    output = path.join(ws.dir, 'corpora', 'lean.sqlite');
    let table = start({ corpusFile: small });
    await finished(table, value(await table.startCorpusBuild({ originals: false }))!);
    closeAll();
    makeOutdated(output, 16);
    table = start({ corpusFile: small });
    const done = await finished(table, value(await table.rebuildCorpus({ file: output })));
    expect(done.state).toBe('done');
    value(await table.openRecentCorpus({ file: output }));
    expect(value(await table.getDocument({ id: 'report' })).original).toEqual({ kept: false, missing: 'not-kept' });
  }, 30_000);

  it('says where it came from and what to do when its sources are not known', async () => {
    const file = ws.corpus('old', path.join(FIXTURES, 'corpus-mixed'));
    makeOutdated(file);
    const table = start({ corpusFile: file });
    const report = value(await table.getOutdatedCorpus({}))!;
    expect(report.sourcesDir).toBeUndefined();
    expect(report).toMatchObject({ title: 'Mixed fixture corpus', fileName: 'old.sqlite', builderVersion: '0.3.0', formatVersion: 5, currentFormatVersion: CORPUS_FORMAT_VERSION });
    expect(report.advice).toMatch(/^Carrel does not know the folder it was built from\. /);
    expect(report.advice).toContain('use “Build corpus from a folder…” in Corpora, choose that folder and save over old.sqlite.');
    expect(report.advice).toContain('keeps its id, corpus-mixed');
    expect(report.advice).not.toMatch(/npx|npm/);
    const refused = failure(await table.rebuildCorpus({}));
    expect(refused.code).toBe('sources-unknown');
    // Said on its own, the refusal names the corpus too: where it came from, then what to do.
    expect(refused.message).toMatch(new RegExp(`^“Mixed fixture corpus” \\(old\\.sqlite\\) was made by Carrel’s corpus builder 0\\.3\\.0 on \\d{4}-\\d\\d-\\d\\d in corpus format 5; this version of Carrel reads format ${CORPUS_FORMAT_VERSION}\\. `));
    expect(refused.message.endsWith(report.advice!)).toBe(true);

    // Following the advice works: building over the file that failed to open is allowed (it is not open).
    folder = path.join(FIXTURES, 'corpus-mixed');
    output = file;
    const done = await finished(table, value(await table.startCorpusBuild({}))!);
    expect(done.state).toBe('done');
    expect(value(await table.openRecentCorpus({ file })).documentCount).toBe(5);
  });

  it('does not take a folder beside it for its sources unless that folder names the same corpus id', async () => {
    const dir = path.join(ws.dir, 'beside');
    fs.cpSync(path.join(FIXTURES, 'corpus-small'), path.join(dir, 'sources'), { recursive: true });
    const file = path.join(dir, 'small.sqlite');
    // Its id comes from the folder's name ("sources"): another folder so named would match it too.
    buildCorpus({ sourcesDir: path.join(dir, 'sources'), outFile: file });
    makeOutdated(file);
    const table = start({ corpusFile: file });
    expect(value(await table.getOutdatedCorpus({}))?.sourcesDir).toBeUndefined();
  });

  it('says so when the folder it remembers is gone', async () => {
    const small = ws.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
    folder = path.join(ws.dir, 'gone-sources');
    fs.cpSync(path.join(FIXTURES, 'corpus-small'), folder, { recursive: true });
    output = path.join(ws.dir, 'corpora', 'gone.sqlite');
    let table = start({ corpusFile: small });
    await finished(table, value(await table.startCorpusBuild({}))!);
    closeAll();
    makeOutdated(output);
    fs.rmSync(folder, { recursive: true });
    table = start({ corpusFile: small });
    expect(value(await table.getOutdatedCorpus({ file: output }))?.advice).toContain(`The folder it was built from, ${folder}, is no longer there.`);
  });

  it('rebuilds only the corpus Carrel is on or one from the recent list, and only when outdated', async () => {
    const small = ws.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
    const table = start({ corpusFile: small });
    expect(value(await table.getOutdatedCorpus({}))).toBeNull();
    expect(failure(await table.rebuildCorpus({})).code).toBe('not-outdated');
    expect(failure(await table.getOutdatedCorpus({ file: '/etc/passwd' })).code).toBe('not-found');
    expect(failure(await table.rebuildCorpus({ file: '/etc/passwd' })).code).toBe('not-found');
    expect(failure(await table.rebuildCorpus({ file: 7 } as never)).code).toBe('invalid-argument');
  });

  it('the command line names the command to rebuild it', async () => {
    const file = ws.corpus('cli', path.join(FIXTURES, 'corpus-small'));
    makeOutdated(file);
    const errors: string[] = [];
    const code = await main(['search', 'caliphate', '--corpus', file], { log: () => {}, error: (line) => errors.push(line), progress: () => {} });
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('was made by an older version of Carrel');
    expect(errors.join('\n')).toContain('npx carrel corpus build <sources-folder> --out <file.sqlite>');
  });
});
