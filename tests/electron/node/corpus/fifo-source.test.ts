import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CorpusBuildStatus } from '../../../../electron/common/corpus/corpus-choice-types';
import { buildCorpus, buildCorpusInSlices } from '../../../../electron/node/corpus/build-corpus';
import { READ_AHEAD_MIN_FILES } from '../../../../electron/node/corpus/read-ahead';
import { createHandlerTable } from '../../../../electron/node/ipc/handler-table';
import { createServices, type AppServices } from '../../../../electron/node/services/create-services';
import type * as ReadSourceFiles from '../../../../electron/node/corpus/read-source-files';
import { FIXTURES } from '../../../harness/paths';
import { value } from '../services/user-data-fixture';

// Issue 10, item 4: a source file replaced by a FIFO (or a device, a link, or grown too large)
// after the build listed its files. The listing is wrapped so a test can change the folder
// between the listing and the reading, which is when it happens for real.
const listing = vi.hoisted(() => ({ afterListing: undefined as undefined | (() => void) }));
vi.mock('../../../../electron/node/corpus/read-source-files', async (importOriginal) => {
  const original = await importOriginal<typeof ReadSourceFiles>();
  return {
    ...original,
    listSourceEntries: (root: string) => {
      const entries = original.listSourceEntries(root);
      listing.afterListing?.();
      return entries;
    },
  };
});

const dirs: string[] = [];
const children: ChildProcess[] = [];
const opened: AppServices[] = [];
afterEach(() => {
  listing.afterListing = undefined;
  for (const services of opened.splice(0)) services.close();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A folder of `count` distinct text files, 0000.txt … */
function sources(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-fifo-'));
  dirs.push(dir);
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.txt`), `Document ${i}\n\n${'caliphate propaganda online '.repeat(60)}number ${i}.\n`);
  }
  return dir;
}

/**
 * Puts a FIFO where the file was. A reader that waits for a writer would wait forever; so
 * that such a regression fails instead of hanging the test run, a writer opens it after 2 s
 * and sends a line (the build would then take it for a document). A reader that never waits
 * leaves this writer waiting: `released()` is false.
 */
function swapForFifo(file: string): { released: () => boolean } {
  fs.rmSync(file);
  execFileSync('mkfifo', [file]);
  const writer = spawn('sh', ['-c', 'sleep 2; exec 3>"$0"; printf "unblocked by the test writer\\n" >&3', file], { stdio: 'ignore' });
  children.push(writer);
  let exited = false;
  writer.on('exit', () => (exited = true));
  return { released: () => exited };
}

const skipOf = (summary: { skipped: { path: string; reason: string; message: string }[] }, file: string) =>
  summary.skipped.find((skip) => skip.path === file);

describe('a source file replaced by a FIFO after the listing', () => {
  it.each([
    ['read by the build itself', 5],
    ['read ahead by the second thread', READ_AHEAD_MIN_FILES * 4],
  ])('is skipped as not a regular file when %s, and the build goes on', (_how, count) => {
    const dir = sources(count);
    let fifo: ReturnType<typeof swapForFifo> | undefined;
    listing.afterListing = () => (fifo = swapForFifo(path.join(dir, '0002.txt')));
    const summary = buildCorpus({ sourcesDir: dir, outFile: path.join(dir, '..', `${path.basename(dir)}.sqlite`) });
    dirs.push(path.join(dir, '..', `${path.basename(dir)}.sqlite`));
    expect(skipOf(summary, '0002.txt')).toEqual({ path: '0002.txt', reason: 'not-a-file', message: 'not a regular file' });
    expect(summary.documents).toBe(count - 1);
    expect(fifo!.released()).toBe(false);
  });

  it('keeps the thread responsive, and the app can cancel the build', async () => {
    const dir = sources(READ_AHEAD_MIN_FILES * 16);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-fifo-app-'));
    dirs.push(root);
    const out = path.join(root, 'corpora', 'fifo.sqlite');
    const services = createServices({
      corpusFile: buildSmall(root),
      userDbFile: path.join(root, 'user', 'carrel-user.sqlite'),
      dialogs: { chooseCorpusFile: async () => undefined, chooseSourcesFolder: async () => dir, chooseBuildOutput: async () => out },
    });
    opened.push(services);
    const table = createHandlerTable(services, () => {});
    let fifo: ReturnType<typeof swapForFifo> | undefined;
    listing.afterListing = () => (fifo = swapForFifo(path.join(dir, '0001.txt')));

    const started = value(await table.startCorpusBuild({}))!;
    // The heartbeat: a timer that runs only when the thread is free, polling as the window does.
    const seen: CorpusBuildStatus[] = [];
    let beats = 0;
    const cancelled = await new Promise<CorpusBuildStatus>((resolve, reject) => {
      const heartbeat = setInterval(() => {
        beats++;
        void table.getCorpusBuild({ jobId: started.jobId }).then((result) => {
          const status = value(result);
          seen.push(status);
          if (status.state !== 'running') return reject(new Error(`the build ended (${status.state}) before it could be cancelled`));
          // Past the FIFO, still reading: cancel, as the Cancel button does.
          if (status.done > 2 && seen.length === seen.findIndex((s) => s.done > 2) + 1) {
            clearInterval(heartbeat);
            void table.cancelCorpusBuild({ jobId: started.jobId }).then((r) => resolve(value(r)), reject);
          }
        }, reject);
      }, 1);
    });
    expect(beats).toBeGreaterThan(0);
    expect(seen.some((s) => s.state === 'running' && s.done > 2)).toBe(true);
    expect(cancelled.state).toBe('cancelled');
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
    // Nobody ever waited on the FIFO: its writer is still waiting for a reader.
    expect(fifo!.released()).toBe(false);
  });

  it('builds to the end in slices with the FIFO skipped', async () => {
    const dir = sources(READ_AHEAD_MIN_FILES * 2);
    let fifo: ReturnType<typeof swapForFifo> | undefined;
    listing.afterListing = () => (fifo = swapForFifo(path.join(dir, '0003.txt')));
    let beats = 0;
    const heartbeat = setInterval(() => beats++, 1);
    const beatsAt: number[] = [];
    try {
      const summary = await buildCorpusInSlices(
        { sourcesDir: dir, outFile: `${dir}.sqlite`, onProgress: () => beatsAt.push(beats) },
        { sliceMs: 1 },
      );
      dirs.push(`${dir}.sqlite`);
      expect(skipOf(summary, '0003.txt')?.reason).toBe('not-a-file');
      expect(summary.documents).toBe(READ_AHEAD_MIN_FILES * 2 - 1);
    } finally {
      clearInterval(heartbeat);
    }
    expect(beatsAt.at(-1)).toBeGreaterThan(0);
    expect(fifo!.released()).toBe(false);
  });
});

describe('a source file changed in other ways after the listing', () => {
  it.each([
    ['read by the build itself', 5],
    ['read ahead by the second thread', READ_AHEAD_MIN_FILES * 2],
  ])('a link or a device in its place is not followed, a file grown past the limit is not read in full, when %s', (_how, count) => {
    const dir = sources(count);
    const outside = path.join(dir, '..', `${path.basename(dir)}-outside.txt`);
    dirs.push(outside);
    fs.writeFileSync(outside, 'A secret outside the sources folder.\n');
    listing.afterListing = () => {
      fs.rmSync(path.join(dir, '0001.txt'));
      fs.symlinkSync(outside, path.join(dir, '0001.txt'));
      fs.rmSync(path.join(dir, '0002.txt'));
      fs.symlinkSync('/dev/null', path.join(dir, '0002.txt'));
      fs.appendFileSync(path.join(dir, '0003.txt'), Buffer.alloc(1024 * 1024, 'a'));
    };
    const out = `${dir}.sqlite`;
    dirs.push(out);
    const summary = buildCorpus({ sourcesDir: dir, outFile: out, maxFileBytes: 512 * 1024 });
    expect(skipOf(summary, '0001.txt')).toMatchObject({ reason: 'symlink', message: 'symbolic link, not followed' });
    expect(skipOf(summary, '0002.txt')).toMatchObject({ reason: 'symlink' });
    expect(skipOf(summary, '0003.txt')).toMatchObject({ reason: 'too-large', message: '1 MB, over the 0.5 MB limit' });
    expect(summary.documents).toBe(count - 3);
  });
});

function buildSmall(root: string): string {
  const file = path.join(root, 'small.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: file });
  return file;
}
