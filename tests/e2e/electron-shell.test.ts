import fs from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_COMMAND_CHANNEL, APP_COMMAND_ITEMS, APP_COMMANDS } from '../../electron/common/ipc/app-commands';
import { CHANNELS } from '../../electron/common/ipc/ipc-contract';
import type { Result } from '../../electron/common/result';
import { CONTENT_SECURITY_POLICY } from '../../electron/common/security/content-security-policy';
import { lockHolderFileOf } from '../../electron/node/user-store/notes-lock';
import { BUILT_MAIN, loadShell, type FakeShell, type FakeShellOptions } from '../harness/fake-electron';
import { BUNDLED_CORPUS, FIXTURES, RENDERER_DIR, ROOT } from '../harness/paths';
import { SHARED_REFI } from '../electron/node/coding/refi-qda/refi-qda-fixture';

// The shell as built (out/main/index.js), with `electron` replaced by recording fakes: the
// Electron binary cannot be downloaded here (electron-app.test.ts SKIPs), but the shell's own
// decisions (one instance, what happens when start-up fails) run for real.

let dir: string;
let appPath: string;
const savedEnv = { corpus: process.env.CARREL_CORPUS, userDb: process.env.CARREL_USER_DB };
beforeAll(() => {
  if (!fs.existsSync(BUILT_MAIN)) throw new Error('The shell is not built: run "npm run build" first (npm test does it).');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-shell-'));
  // An app folder without Electron builds of the SQLite drivers, so Node's own are used.
  appPath = path.join(dir, 'app');
  fs.mkdirSync(appPath);
  process.env.CARREL_CORPUS = BUNDLED_CORPUS;
  delete process.env.CARREL_USER_DB;
});
afterAll(() => {
  if (savedEnv.corpus === undefined) delete process.env.CARREL_CORPUS;
  else process.env.CARREL_CORPUS = savedEnv.corpus;
  if (savedEnv.userDb !== undefined) process.env.CARREL_USER_DB = savedEnv.userDb;
  fs.rmSync(dir, { recursive: true, force: true });
});

type MenuItem = { id?: string; label?: string; role?: string; accelerator?: string; submenu?: MenuItem[]; click?: () => void };

const failureDialog = (shell: FakeShell) => shell.named('dialog.showMessageBox')[0]?.args[0] as { type: string; message: string; detail: string; buttons: string[] } | undefined;

describe('the Electron shell (built, on a recording fake of electron)', () => {
  it('takes the single-instance lock, opens a locked-down window, and brings it forward when Carrel is launched again', async () => {
    const userData = path.join(dir, 'user-data');
    const shell = loadShell({ userData, appPath });
    await shell.settled();
    expect(shell.named('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(shell.named('dialog.showMessageBox')).toEqual([]);
    expect(shell.windows).toHaveLength(1);
    const [window] = shell.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(/out[\\/]preload[\\/]index\.js$/);
    // A window cannot be shrunk past what the layout is made for.
    expect(window!.options).toMatchObject({ minWidth: 480, minHeight: 400 });
    expect(window!.state.url).toBe('carrel-app://app/index.html');
    const handled = shell.named('ipcMain.handle').map((call) => call.args[0]);
    expect(handled.sort()).toEqual(Object.values(CHANNELS).sort());
    window!.emit('ready-to-show');
    expect(window!.state.shown).toBe(true);

    // A second launch: Electron tells the first one, whose window comes back to the front.
    (window as unknown as { minimize(): void }).minimize();
    shell.emitApp('second-instance', {}, [], userData);
    expect(window!.state).toMatchObject({ minimized: false, shown: true, focused: true });
    expect(shell.named('app.quit')).toEqual([]);

    // The notes are held (notes lock) until Carrel quits.
    expect(fs.existsSync(lockHolderFileOf(path.join(userData, 'carrel-user.sqlite')))).toBe(true);
    shell.emitApp('will-quit');
    expect(fs.existsSync(lockHolderFileOf(path.join(userData, 'carrel-user.sqlite')))).toBe(false);
  });

  describe('booted', () => {
    let shell: FakeShell;
    /** The fake's answers, read when a dialog opens: a test may change what the user picks next. */
    let answers: FakeShellOptions;
    beforeAll(async () => {
      // An app folder holding the built renderer (a copy: the protocol refuses links), still without Electron's drivers.
      const bootedApp = path.join(dir, 'booted-app');
      fs.cpSync(RENDERER_DIR, path.join(bootedApp, 'out', 'renderer'), { recursive: true });
      // The REFI-QDA schemas, where a checkout keeps them (a packaged app has them in its resources).
      fs.cpSync(path.join(ROOT, 'resources', 'refi-qda'), path.join(bootedApp, 'resources', 'refi-qda'), { recursive: true });
      // And the CSL styles, which the bundled citation worker reads.
      fs.cpSync(path.join(ROOT, 'resources', 'csl'), path.join(bootedApp, 'resources', 'csl'), { recursive: true });
      answers = {
        userData: path.join(dir, 'booted'),
        appPath: bootedApp,
        // "Build corpus from folder": the folder and the file the user picks.
        openDialogPaths: [path.join(FIXTURES, 'corpus-small')],
        saveDialogPath: path.join(dir, 'built', 'small.sqlite'),
      };
      shell = loadShell(answers);
      await shell.settled();
    });
    afterAll(() => shell.emitApp('will-quit'));

    const only = (api: string) => {
      const calls = shell.named(api);
      expect(calls, api).toHaveLength(1);
      return calls[0]!.args;
    };
    type Served = { status: number; headers: Headers; text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> };
    const serve = (url: string) => {
      const [scheme, handler] = only('protocol.handle') as [string, (request: { url: string }) => Promise<Served>];
      expect(scheme).toBe('carrel-app');
      return handler({ url });
    };
    type IpcEvent = { senderFrame: { url: string; parent: unknown } | null; sender: { id: number } };
    const handlerOf = (channel: string) => {
      const call = shell.named('ipcMain.handle').find((c) => c.args[0] === channel);
      expect(call, channel).toBeDefined();
      return call!.args[1] as (event: IpcEvent, input: unknown) => Promise<Result<unknown>>;
    };
    const trusted: IpcEvent = { senderFrame: { url: 'carrel-app://app/index.html', parent: null }, sender: { id: 1 } };

    it('serves index.html with the CSP header, and every asset it names (and the fonts its CSS names)', async () => {
      const index = await serve('carrel-app://app/index.html');
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toMatch(/^text\/html/);
      expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(index.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await index.text();
      const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!, 'carrel-app://app/index.html').href);
      expect(named.length).toBeGreaterThanOrEqual(2);
      const fonts: string[] = [];
      for (const url of named) {
        const asset = await serve(url);
        expect(asset.status, url).toBe(200);
        expect(asset.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
        expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
        if (url.endsWith('.css')) {
          expect(asset.headers.get('content-type')).toMatch(/^text\/css/);
          fonts.push(...[...(await serve(url).then((css) => css.text())).matchAll(/url\(([^)]+)\)/g)].map((m) => new URL(m[1]!.replace(/["']/g, ''), url).href));
        }
        if (url.endsWith('.js')) expect(asset.headers.get('content-type')).toMatch(/javascript/);
      }
      expect(fonts.length).toBeGreaterThan(0);
      for (const url of fonts) expect((await serve(url)).status, url).toBe(200);
      // pdf.js's worker ("Show original"), which the page starts by script rather than names.
      const worker = await serve('carrel-app://app/pdfjs/pdf.worker.min.mjs');
      expect(worker.status).toBe(200);
      expect(worker.headers.get('content-type')).toMatch(/javascript/);
      expect(worker.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect((await worker.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
      // Nothing outside the renderer's folder, and no made-up file.
      expect((await serve('carrel-app://app/../../package.json')).status).toBe(404);
      expect((await serve('carrel-app://app/assets/no-such-file.js')).status).toBe(404);
    });

    it('registers every channel of the contract, answers each through the trusted sender and refuses others', async () => {
      const channels = shell.named('ipcMain.handle').map((call) => call.args[0] as string);
      expect(channels.sort()).toEqual(Object.values(CHANNELS).sort());
      const untrusted: IpcEvent[] = [
        { senderFrame: { url: 'https://example.com/', parent: null }, sender: { id: 1 } },
        { senderFrame: { url: 'carrel-app://app/index.html', parent: {} }, sender: { id: 1 } },
        { senderFrame: null, sender: { id: 1 } },
      ];
      for (const channel of channels) {
        const handler = handlerOf(channel);
        // No method takes a bare number: every one answers (with a reason), none throws.
        expect(await handler(trusted, 12345), channel).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
        for (const event of untrusted) expect(await handler(event, undefined), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      // Real answers, corpus reads and search included (the bundled query worker answers them).
      const info = await handlerOf(CHANNELS.getCorpusInfo)(trusted, undefined);
      expect(info).toMatchObject({ ok: true, value: { documentCount: 5 } });
      const found = await handlerOf(CHANNELS.search)(trusted, { query: 'caliphate AND propaganda' });
      expect(found).toMatchObject({ ok: true, value: { query: 'caliphate AND propaganda' } });
      expect((found as { value: { results: unknown[] } }).value.results.length).toBeGreaterThan(0);
      const page = await handlerOf(CHANNELS.listLibraryPage)(trusted, { offset: 0, limit: 2 });
      expect(page).toMatchObject({ ok: true, value: { total: 5, offset: 0 } });
      const id = (page as { value: { rows: { id: string }[] } }).value.rows[0]!.id;
      expect(await handlerOf(CHANNELS.getDocument)(trusted, { id })).toMatchObject({ ok: true, value: { id } });
      expect(await handlerOf(CHANNELS.getReadingSettings)(trusted, undefined)).toMatchObject({ ok: true });
      // A citation from the bundled citation worker (out/main/citation-worker.js), with the shipped styles.
      const cited = await handlerOf(CHANNELS.formatCitation)(trusted, { documentId: id, style: 'apa' });
      expect(cited).toMatchObject({ ok: true, value: { style: 'apa', citation: expect.stringMatching(/^\(.+\)$/) } });
      // pdf.js's fonts by plain name from its own folder, never a path.
      const font = await handlerOf(CHANNELS.getPdfResource)(trusted, { kind: 'standard-font', name: 'LiberationSans-Regular.ttf' });
      expect(font).toMatchObject({ ok: true });
      expect((font as { value: Uint8Array }).value.byteLength).toBeGreaterThan(10_000);
      expect(await handlerOf(CHANNELS.getPdfResource)(trusted, { kind: 'cmap', name: '../package.json' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(await handlerOf(CHANNELS.getPdfResource)(trusted, { kind: 'cmap', name: 'LiberationSans-Regular.ttf' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      // The bundled corpus holds no PDF: nothing to show, said why.
      expect(await handlerOf(CHANNELS.getOriginal)(trusted, { id })).toMatchObject({ ok: false, error: { code: 'no-original' } });
    });

    it('checks a REFI-QDA import against the shipped schema with xmllint in a worker of the built main process', async () => {
      const chosen = answers.openDialogPaths;
      try {
        const invalid = path.join(dir, 'invalid.qdpx');
        const qde = '<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p">\n<CodeBook><Codes>\n<Code guid="0A1B2C3D-0000-4000-8000-000000000001" name="No isCodable"/>\n</Codes></CodeBook>\n</Project>\n';
        fs.writeFileSync(invalid, zipSync({ 'project.qde': strToU8(qde) }));
        answers.openDialogPaths = [invalid];
        const refused = await handlerOf(CHANNELS.importRefiQda)(trusted, {});
        expect(refused).toMatchObject({ ok: false, error: { code: 'import-refused' } });
        expect((refused as { error: { message: string } }).error.message).toContain("schema (Project-mrt2019.xsd): line 4: Element 'Code': The attribute 'isCodable' is required but missing.");
        answers.openDialogPaths = [path.join(SHARED_REFI, 'samples', 'target-atlas-project.qdpx')];
        expect(await handlerOf(CHANNELS.importRefiQda)(trusted, { dryRun: true })).toMatchObject({ ok: true, value: { status: 'imported', dryRun: true, codes: { added: 3 } } });
      } finally {
        answers.openDialogPaths = chosen;
      }
    });

    it('builds a corpus from a folder in the bundled build worker, with progress, then opens it', async () => {
      const started = await handlerOf(CHANNELS.startCorpusBuild)(trusted, {});
      expect(started).toMatchObject({ ok: true, value: { state: 'running', outFile: path.join(dir, 'built', 'small.sqlite') } });
      const jobId = (started as { value: { jobId: string } }).value.jobId;
      let status: { state: string; documents: number; total: number };
      do {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = ((await handlerOf(CHANNELS.getCorpusBuild)(trusted, { jobId })) as { value: typeof status }).value;
      } while (status.state === 'running');
      expect(status).toMatchObject({ state: 'done' });
      expect(status.documents).toBeGreaterThan(0);
      expect(status.documents).toBe(status.total);
      const recent = await handlerOf(CHANNELS.listRecentCorpora)(trusted, undefined);
      const built = (recent as { value: { corpora: { file: string }[] } }).value.corpora.find((c) => c.file === path.join(dir, 'built', 'small.sqlite'));
      expect(built).toBeDefined();
      const opened = await handlerOf(CHANNELS.openRecentCorpus)(trusted, { file: built!.file });
      expect(opened).toMatchObject({ ok: true, value: { documentCount: status.documents } });
      // Search now answers from the corpus just built (the worker follows main to it).
      const page = await handlerOf(CHANNELS.listLibraryPage)(trusted, { offset: 0, limit: 500 });
      expect(page).toMatchObject({ ok: true, value: { total: status.documents } });
    });

    it('exports through the save dialog, which asks before replacing a file, and replaces it whole (no temporary file left)', async () => {
      const folder = path.join(dir, 'exports');
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, 'notebook.md');
      fs.writeFileSync(file, 'an older export');
      const chosen = answers.saveDialogPath;
      answers.saveDialogPath = file;
      try {
        const before = shell.named('dialog.showSaveDialog').length;
        const exported = await handlerOf(CHANNELS.exportNotebook)(trusted, { format: 'markdown', filter: {}, markdown: { include: 'highlights', groupBy: 'tag' } });
        expect(exported).toMatchObject({ ok: true, value: { status: 'saved', file } });
        const [call] = shell.named('dialog.showSaveDialog').slice(before);
        // Attached to the window, with Linux's confirmation asked for (macOS and Windows confirm anyway).
        expect(call!.args[0]).toBe(shell.windows[0]);
        expect(call!.args[1]).toMatchObject({ defaultPath: 'carrel-notebook-highlights-by-tag.md', properties: ['showOverwriteConfirmation', 'createDirectory'] });
        expect(fs.readFileSync(file, 'utf8')).toMatch(/^# Notebook: .*\n\nExported from Carrel on .*\n\nHighlights only: /);
        expect(fs.readdirSync(folder)).toEqual(['notebook.md']);
        // Bibliographies go through the same dialog.
        answers.saveDialogPath = path.join(folder, 'corpus.ris');
        expect(await handlerOf(CHANNELS.exportBibliography)(trusted, { scope: 'corpus', format: 'ris' })).toMatchObject({ ok: true, value: { status: 'saved' } });
        expect(shell.named('dialog.showSaveDialog').at(-1)!.args[1]).toMatchObject({ properties: ['showOverwriteConfirmation', 'createDirectory'] });
      } finally {
        answers.saveDialogPath = chosen;
      }
    });

    it('saves as PDF through the save dialog, which asks before replacing a file, and the exports\' writer (whole, no temporary file left); a failure is said in words', async () => {
      const folder = path.join(dir, 'pdfs');
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, 'Dabiq.pdf');
      fs.writeFileSync(file, 'an older PDF');
      // What a save killed before its rename left (its process is gone): removed by this one.
      fs.writeFileSync(path.join(folder, '.Dabiq.pdf.carrel-999999999.tmp'), 'half a PDF');
      const printed = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
      const chosen = answers.saveDialogPath;
      answers.saveDialogPath = file;
      answers.printedPdf = printed;
      try {
        const before = shell.named('dialog.showSaveDialog').length;
        expect(await handlerOf(CHANNELS.saveAsPdf)(trusted, { title: 'Dabiq: issue 1' })).toEqual({ ok: true, value: { saved: true, file } });
        const [call] = shell.named('dialog.showSaveDialog').slice(before);
        expect(call!.args[0]).toBe(shell.windows[0]);
        expect(call!.args[1]).toMatchObject({ title: 'Save as PDF', defaultPath: path.join(answers.userData, 'documents', 'Dabiq issue 1.pdf'), properties: ['showOverwriteConfirmation', 'createDirectory'] });
        expect(shell.named('webContents.printToPDF').at(-1)!.args).toEqual([{ printBackground: true, pageSize: 'A4', margins: { marginType: 'default' } }]);
        expect(new Uint8Array(fs.readFileSync(file))).toEqual(printed);
        expect(fs.readdirSync(folder)).toEqual(['Dabiq.pdf']);
        // The folder chosen is gone by the time the PDF is written (an unplugged drive).
        const gone = path.join(dir, 'unplugged');
        answers.saveDialogPath = path.join(gone, 'x.pdf');
        expect(await handlerOf(CHANNELS.saveAsPdf)(trusted, { title: 'x' })).toEqual({
          ok: false,
          error: { code: 'write-failed', message: `The PDF was not saved: the folder ${gone} no longer exists. Choose another place and try again.`, retryable: true },
        });
        expect(fs.existsSync(gone)).toBe(false);
        // Chromium failing to render keeps the old file, and says so.
        answers.saveDialogPath = file;
        answers.printedPdf = new Error('Printing failed');
        expect(await handlerOf(CHANNELS.saveAsPdf)(trusted, { title: 'x' })).toMatchObject({ ok: false, error: { code: 'print-failed', message: expect.stringMatching(/^The PDF was not saved: /) } });
        expect(new Uint8Array(fs.readFileSync(file))).toEqual(printed);
        expect(fs.readdirSync(folder)).toEqual(['Dabiq.pdf']);
      } finally {
        answers.saveDialogPath = chosen;
        delete answers.printedPdf;
      }
    });

    it('cancels every request that is not for the app, counts it, and denies every permission', async () => {
      const [listener] = only('session.webRequest.onBeforeRequest') as [(details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void];
      const answer = (url: string) => {
        let result: { cancel: boolean } | undefined;
        listener({ url }, (given) => (result = given));
        return result;
      };
      expect(answer('carrel-app://app/index.html')).toEqual({ cancel: false });
      for (const url of ['https://example.com/', 'http://127.0.0.1:8080/x', 'file:///etc/passwd', 'carrel-app://other/index.html', 'data:text/html,x']) {
        expect(answer(url), url).toEqual({ cancel: true });
      }
      const status = await handlerOf(CHANNELS.getSecurityStatus)(trusted, undefined);
      expect(JSON.stringify(status)).toMatch(/"blockedRequests":5/);
      const [onRequest] = only('session.setPermissionRequestHandler') as [(contents: unknown, permission: string, callback: (granted: boolean) => void) => void];
      let granted: boolean | undefined;
      onRequest({}, 'clipboard-read', (given) => (granted = given));
      expect(granted).toBe(false);
      const [onCheck] = only('session.setPermissionCheckHandler') as [() => boolean];
      expect(onCheck()).toBe(false);
    });

    it('sets the menu, whose every command is sent to the window', () => {
      const [template] = only('Menu.buildFromTemplate') as [MenuItem[]];
      expect(only('Menu.setApplicationMenu')[0]).toEqual({ template });
      const items: MenuItem[] = [];
      const walk = (list: MenuItem[]) => list.forEach((item) => (items.push(item), item.submenu && walk(item.submenu)));
      walk(template);
      expect(items.map((item) => item.label).filter(Boolean)).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Theme', '&Go', '&Help']));
      expect(items.map((item) => item.role).filter(Boolean)).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'windowMenu']));
      for (const command of APP_COMMANDS) {
        const item = items.find((candidate) => candidate.id === command);
        expect(item, command).toMatchObject({ label: APP_COMMAND_ITEMS[command].label });
        if (APP_COMMAND_ITEMS[command].accelerator) expect(item!.accelerator).toBe(APP_COMMAND_ITEMS[command].accelerator);
        const before = shell.named('webContents.send').length;
        item!.click!();
        expect(shell.named('webContents.send').slice(before)).toEqual([{ api: 'webContents.send', args: [APP_COMMAND_CHANNEL, command] }]);
      }
    });
  });

  it('quits at once as a second instance, without opening anything', async () => {
    const shell = loadShell({ userData: path.join(dir, 'second'), appPath, singleInstance: false });
    await shell.settled();
    expect(shell.named('app.requestSingleInstanceLock')).toHaveLength(1);
    expect(shell.named('app.quit')).toHaveLength(1);
    expect(shell.named('app.whenReady')).toEqual([]);
    expect(shell.windows).toEqual([]);
    expect(shell.named('ipcMain.handle')).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'second'))).toBe(false);
  });

  it('never ends with nothing on screen when the user-data folder is a file', async () => {
    const userData = path.join(dir, 'user-data-is-a-file');
    fs.writeFileSync(userData, 'not a folder');
    const shell = loadShell({ userData, appPath });
    await shell.settled();
    const dialog = failureDialog(shell);
    // Either the window opens (and says what is unavailable), or a dialog says what failed and what to do.
    expect(shell.windows.length > 0 || dialog !== undefined).toBe(true);
    if (shell.windows.length === 0) {
      expect(dialog).toMatchObject({ type: 'error', message: 'Carrel could not start: opening the corpus and your notes failed.', buttons: ['Quit Carrel'] });
      expect(dialog!.detail).toContain(`What to do: Check that ${userData} is a folder you can write to and that the disk has free space`);
      // It quits once the user has read it, not before.
      expect(shell.calls.findIndex((call) => call.api === 'app.quit')).toBeGreaterThan(shell.calls.findIndex((call) => call.api === 'dialog.showMessageBox'));
    } else {
      expect(shell.windows[0]!.state.url).toBe('carrel-app://app/index.html');
    }
  });

  it('says what failed when anything else in start-up throws, instead of showing no window', async () => {
    const shell = loadShell({ userData: path.join(dir, 'protocol-fails'), appPath, failing: { 'protocol.handle': new Error('The scheme is already handled') } });
    await shell.settled();
    expect(shell.windows).toEqual([]);
    expect(failureDialog(shell)).toMatchObject({ type: 'error', message: 'Carrel could not start: opening its window failed.' });
    expect(failureDialog(shell)!.detail).toBe('The scheme is already handled\n\nWhat to do: Start Carrel again; if this keeps happening, install it again.');
    expect(shell.named('app.quit')).toHaveLength(1);
  });
});
