import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportTempFile } from '../../../../electron/node/exports/write-export-file';
import { createPrintService, type DocumentPrinter } from '../../../../electron/node/services/print-service';
import { ServiceError } from '../../../../electron/node/services/service-error';
import { CAN_MOUNT_TMPFS, fillDisk, mountTmpfs } from '../../../harness/tmpfs';

// Save as PDF writes through the exports' writer: whole or not at all, flushed, and a failure
// said in words that name what went wrong, with the old file kept and no temporary file left.
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-print-service-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const PDF = new TextEncoder().encode('%PDF-1.7\n% the window through its print stylesheet\n%%EOF\n');

/** The shell's part, recorded: the file the user picks in the dialog (undefined: cancelled), and the rendered window. */
function printer(chosen: string | undefined, render: () => Promise<Uint8Array> = async () => PDF) {
  const asked: string[] = [];
  let rendered = 0;
  const shell: DocumentPrinter = {
    choosePdfFile: async (name) => (asked.push(name), chosen),
    renderPdf: () => (rendered++, render()),
  };
  return { shell, asked, rendered: () => rendered };
}

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('save as PDF', () => {
  it('replaces the file the dialog confirmed, whole, flushed to disk before the rename, with no temporary file left', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'replace-'));
    const file = path.join(folder, 'Dabiq.pdf');
    fs.writeFileSync(file, 'an older PDF');
    const order: string[] = [];
    const { fsyncSync, renameSync } = fs;
    const fsync = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => (order.push('fsync'), fsyncSync(fd)));
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => (order.push('rename'), renameSync(from, to)));
    const { shell, asked } = printer(file);
    expect(await createPrintService(shell).saveAsPdf({ title: 'Dabiq: the magazine / issue 1' })).toEqual({ saved: true, file });
    expect(asked).toEqual(['Dabiq the magazine issue 1.pdf']);
    expect(fsync).toHaveBeenCalled();
    expect(order.slice(0, 2)).toEqual(['fsync', 'rename']);
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(PDF);
    expect(fs.readdirSync(folder)).toEqual(['Dabiq.pdf']);
  });

  it('writes a new file readable by its owner only (a PDF of the notes is as private as they are)', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'new-'));
    const file = path.join(folder, 'new.pdf');
    expect(await createPrintService(printer(file).shell).saveAsPdf({ title: 'x' })).toEqual({ saved: true, file });
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(PDF);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(folder)).toEqual(['new.pdf']);
  });

  it('removes what a save killed before its rename left beside the file', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'leftover-'));
    const file = path.join(folder, 'report.pdf');
    fs.writeFileSync(exportTempFile(file, deadPid()), 'half a PDF');
    await createPrintService(printer(file).shell).saveAsPdf({ title: 'report' });
    expect(fs.readdirSync(folder)).toEqual(['report.pdf']);
  });

  it('writes nothing and renders nothing when the user cancels the dialog', async () => {
    const { shell, rendered } = printer(undefined);
    expect(await createPrintService(shell).saveAsPdf({ title: 'x' })).toEqual({ saved: false });
    expect(rendered()).toBe(0);
  });

  it('says the window is needed without the app', async () => {
    const error = await failure(createPrintService(undefined).saveAsPdf({ title: 'x' }));
    expect(error.code).toBe('unavailable');
  });

  it('keeps the old file and leaves no temporary file when the rename fails, and says why', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'rename-'));
    const target = path.join(folder, 'a-folder.pdf');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside'), 'kept');
    const error = await failure(createPrintService(printer(target).shell).saveAsPdf({ title: 'x' }));
    expect(error.code).toBe('write-failed');
    expect(error.message).toBe(`The PDF was not saved: ${target} is a folder, not a file. Choose another place and try again.`);
    expect(fs.readFileSync(path.join(target, 'inside'), 'utf8')).toBe('kept');
    expect(fs.readdirSync(folder)).toEqual(['a-folder.pdf']);
  });

  it('says the folder is gone when it was removed after the dialog', async () => {
    const gone = path.join(dir, 'unplugged', 'drive');
    const error = await failure(createPrintService(printer(path.join(gone, 'x.pdf')).shell).saveAsPdf({ title: 'x' }));
    expect(error).toMatchObject({ code: 'write-failed', retryable: true });
    expect(error.message).toBe(`The PDF was not saved: the folder ${gone} no longer exists. Choose another place and try again.`);
    expect(fs.existsSync(path.join(dir, 'unplugged'))).toBe(false);
  });

  it('says permission is denied, and keeps the old file, when the system refuses the write', async () => {
    // Tests run as root, where chmod stops nothing: the refusal the system gives, made to happen.
    const folder = fs.mkdtempSync(path.join(dir, 'denied-'));
    const file = path.join(folder, 'x.pdf');
    fs.writeFileSync(file, 'an older PDF');
    vi.spyOn(fs, 'openSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    const error = await failure(createPrintService(printer(file).shell).saveAsPdf({ title: 'x' }));
    expect(error.message).toBe(`The PDF was not saved: Carrel is not allowed to write in ${folder}. Choose another place and try again.`);
    vi.restoreAllMocks();
    expect(fs.readFileSync(file, 'utf8')).toBe('an older PDF');
    expect(fs.readdirSync(folder)).toEqual(['x.pdf']);
  });

  it('says the window could not be rendered, and keeps the old file, when printing fails', async () => {
    const folder = fs.mkdtempSync(path.join(dir, 'render-'));
    const file = path.join(folder, 'x.pdf');
    fs.writeFileSync(file, 'an older PDF');
    const error = await failure(createPrintService(printer(file, () => Promise.reject(new Error('The window is closed.'))).shell).saveAsPdf({ title: 'x' }));
    expect(error).toMatchObject({ code: 'print-failed' });
    expect(error.message).toBe('The PDF was not saved: the window could not be rendered as PDF (The window is closed.). Try again.');
    expect(fs.readFileSync(file, 'utf8')).toBe('an older PDF');
  });

  it.skipIf(!CAN_MOUNT_TMPFS)('keeps the old file and leaves no part of the new one on a full disk, and says the disk is full', async () => {
    const disk = mountTmpfs(256)!;
    try {
      const file = path.join(disk.dir, 'big.pdf');
      fs.writeFileSync(file, 'an older PDF');
      fillDisk(disk.dir);
      const big = new Uint8Array(512 * 1024).fill(0x25);
      const before = fs.readdirSync(disk.dir).sort();
      const error = await failure(createPrintService(printer(file, async () => big).shell).saveAsPdf({ title: 'x' }));
      expect(error.message).toBe('The PDF was not saved: the disk is full. Choose another place and try again.');
      expect(fs.readFileSync(file, 'utf8')).toBe('an older PDF');
      expect(fs.readdirSync(disk.dir).sort()).toEqual(before);
    } finally {
      disk.unmount();
    }
  });

  it.skipIf(!CAN_MOUNT_TMPFS)('says the disk is read-only, and keeps the old file', async () => {
    const disk = mountTmpfs(256)!;
    try {
      const file = path.join(disk.dir, 'ro.pdf');
      fs.writeFileSync(file, 'an older PDF');
      disk.remountReadOnly();
      const error = await failure(createPrintService(printer(file).shell).saveAsPdf({ title: 'x' }));
      expect(error.message).toBe(`The PDF was not saved: ${disk.dir} is on a read-only disk. Choose another place and try again.`);
      expect(fs.readFileSync(file, 'utf8')).toBe('an older PDF');
      disk.remountWritable();
    } finally {
      disk.unmount();
    }
  });
});
