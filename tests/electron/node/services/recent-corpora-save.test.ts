import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlerTable, type HandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices } from '../../../../electron/node/services/create-services';
import type { CorpusDialogs } from '../../../../electron/node/services/corpus-dialogs';
import { FIXTURES } from '../../../harness/paths';
import { fillDisk, mountTmpfs, unmountTmpfs } from '../../../harness/tmpfs-mount';
import { makeWorkspace, value } from './user-data-fixture';

const LIST = 'carrel-corpora.json';
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

// Issue 10, item 3: a recent-corpora list that cannot be written never stops the app from
// starting; the reason reaches the window through listRecentCorpora.
describe('a list of recent corpora that cannot be saved', () => {
  let ws: ReturnType<typeof makeWorkspace>;
  let small: string;
  let mixed: string;
  let picked: string | undefined;
  const opened: AppServices[] = [];
  const dialogs: CorpusDialogs = { chooseCorpusFile: async () => picked, chooseSourcesFolder: async () => undefined, chooseBuildOutput: async () => undefined };
  const start = (recentCorporaFile: string): HandlerTable => {
    // createServices must not throw, whatever the list's folder is like.
    const services = createServices({ corpusFile: small, userDbFile: ws.userDbFile, recentCorporaFile, dialogs });
    opened.push(services);
    return createHandlerTable(services, () => {});
  };

  beforeAll(() => {
    ws = makeWorkspace('carrel-recent-save-');
    small = ws.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
    mixed = ws.corpus('mixed', path.join(FIXTURES, 'corpus-mixed'), undefined, 'Mixed');
  });
  afterAll(() => ws.close());
  beforeEach(() => {
    picked = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const services of opened.splice(0)) services.close();
  });

  /** The app works on, the list lasts the session, and the window is told why it is not saved. */
  async function expectWorkingWithout(table: HandlerTable, reason: RegExp) {
    expect(value(await table.getCorpusInfo(undefined)).title).toBe('Small');
    const list = value(await table.listRecentCorpora(undefined));
    expect(list.corpora.map((c) => c.title)).toEqual(['Small']);
    expect(list.saveProblem).toMatch(/^Carrel could not save the list of recent corpora: /);
    expect(list.saveProblem).toMatch(reason);
    expect(list.saveProblem).toContain('Corpora open as usual; the list is kept until Carrel closes.');
    picked = mixed;
    expect(value(await table.chooseCorpus(undefined))?.title).toBe('Mixed');
    expect(value(await table.listRecentCorpora(undefined)).corpora.map((c) => c.title)).toEqual(['Mixed', 'Small']);
  }

  it('its path is a folder (EISDIR, a real folder)', async () => {
    const dir = fs.mkdtempSync(path.join(ws.dir, 'eisdir-'));
    const file = path.join(dir, LIST);
    fs.mkdirSync(file);
    fs.writeFileSync(path.join(file, 'keep.txt'), 'not Carrel’s');
    const table = start(file);
    await expectWorkingWithout(table, new RegExp(`${file.replace(/[/.]/g, '\\$&')} is a folder, not a file`));
    expect(fs.readdirSync(dir)).toEqual([LIST]);
    expect(fs.readFileSync(path.join(file, 'keep.txt'), 'utf8')).toBe('not Carrel’s');
  });

  it('its path is a folder, said before any save is tried (no corpus opens, so nothing is saved)', async () => {
    const dir = fs.mkdtempSync(path.join(ws.dir, 'eisdir-early-'));
    fs.mkdirSync(path.join(dir, LIST));
    const services = createServices({ corpusFile: path.join(dir, 'missing.sqlite'), userDbFile: ws.userDbFile, recentCorporaFile: path.join(dir, LIST) });
    opened.push(services);
    const list = value(await createHandlerTable(services, () => {}).listRecentCorpora(undefined));
    expect(list).toEqual({ corpora: [], saveProblem: expect.stringContaining(`${path.join(dir, LIST)} is a folder, not a file.`) });
  });

  it('the disk is full (ENOSPC, simulated by the file layer), and no half-written copy stays', async () => {
    const dir = fs.mkdtempSync(path.join(ws.dir, 'enospc-'));
    const real = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((target, data, options) => {
      // The list is written through its temporary file's descriptor: a few bytes go, then the disk is full.
      if (typeof target === 'number') {
        fs.writeSync(target, 'partial');
        throw errno('ENOSPC');
      }
      return real(target, data, options);
    });
    const table = start(path.join(dir, LIST));
    await expectWorkingWithout(table, /: the disk is full\./);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('the folder is read-only (EACCES, simulated by the file layer: root writes anywhere)', async () => {
    const dir = fs.mkdtempSync(path.join(ws.dir, 'eacces-'));
    const real = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((target, flags, mode) => {
      if (String(target).startsWith(path.join(dir, `${LIST}.tmp-`))) throw errno('EACCES');
      return real(target, flags, mode);
    });
    const table = start(path.join(dir, LIST));
    await expectWorkingWithout(table, new RegExp(`Carrel is not allowed to write in ${dir.replace(/[/.]/g, '\\$&')}\\.`));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a folder that cannot even be made (EACCES from mkdir, simulated)', async () => {
    const dir = path.join(ws.dir, 'not-made', 'user');
    const real = fs.mkdirSync;
    vi.spyOn(fs, 'mkdirSync').mockImplementation((target, options) => {
      if (String(target) === dir) throw errno('EACCES');
      return real(target, options);
    });
    await expectWorkingWithout(start(path.join(dir, LIST)), /not allowed to write in/);
  });

  it('says nothing once a save works again', async () => {
    const dir = fs.mkdtempSync(path.join(ws.dir, 'recovers-'));
    const spy = vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw errno('EIO');
    });
    const table = start(path.join(dir, LIST));
    expect(value(await table.listRecentCorpora(undefined)).saveProblem).toMatch(/writing .* failed \(EIO\)/);
    spy.mockRestore();
    picked = mixed;
    await table.chooseCorpus(undefined);
    const list = value(await table.listRecentCorpora(undefined));
    expect(list.saveProblem).toBeUndefined();
    expect(JSON.parse(fs.readFileSync(path.join(dir, LIST), 'utf8')).corpora.map((c: { title: string }) => c.title)).toEqual(['Mixed', 'Small']);
  });

  it('removes temporary copies left by a Carrel that stopped while saving', () => {
    const dir = fs.mkdtempSync(path.join(ws.dir, 'leftovers-'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftovers = [`${LIST}.tmp-${dead}`, `${LIST}.tmp-${process.pid}`];
    // Another running process's copy may be a save under way; other names are not Carrel's.
    const kept = [`${LIST}.tmp-${process.ppid}`, `${LIST}.tmp-notes`, 'other.json.tmp-1'];
    for (const name of [...leftovers, ...kept]) fs.writeFileSync(path.join(dir, name), '{"version":1,"corpora":[]}');
    start(path.join(dir, LIST));
    expect(fs.readdirSync(dir).sort()).toEqual([LIST, ...kept].sort());
  });

  describe('on a real small file system (tmpfs)', () => {
    const mounts: string[] = [];
    const mount = (name: string, options: { kilobytes: number; readOnly?: boolean }) => {
      const dir = path.join(ws.dir, name);
      if (!mountTmpfs(dir, options)) return undefined;
      mounts.push(dir);
      return dir;
    };
    afterEach(() => {
      for (const services of opened.splice(0)) services.close();
      for (const dir of mounts.splice(0)) unmountTmpfs(dir);
    });

    it('a full disk (ENOSPC)', async (context) => {
      const dir = mount('full-tmpfs', { kilobytes: 256 });
      if (!dir) return context.skip('tmpfs cannot be mounted here (needs root with CAP_SYS_ADMIN)');
      fillDisk(dir);
      await expectWorkingWithout(start(path.join(dir, LIST)), /: the disk is full\./);
      expect(fs.readdirSync(dir).filter((name) => !name.startsWith('filler-'))).toEqual([]);
    });

    it('a read-only disk (EROFS)', async (context) => {
      const dir = mount('ro-tmpfs', { kilobytes: 64, readOnly: true });
      if (!dir) return context.skip('tmpfs cannot be mounted here (needs root with CAP_SYS_ADMIN)');
      await expectWorkingWithout(start(path.join(dir, LIST)), /is on a read-only disk\./);
    });
  });
});
