import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAhead, READ_AHEAD_MIN_FILES } from '../../../../electron/node/corpus/read-ahead';
import { FileRefused, readRegularFile } from '../../../../electron/node/corpus/read-regular-file';
import { sha256Hex } from '../../../../electron/node/corpus/sha256';

const tmpDirs: string[] = [];
afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(count: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-read-ahead-'));
  tmpDirs.push(dir);
  const files = Array.from({ length: count }, (_, i) => {
    const absolutePath = path.join(dir, `${String(i).padStart(4, '0')}.txt`);
    // Empty, small, and a few larger than what the thread reads (those are read directly).
    const size = i % 97 === 5 ? 5 * 1024 * 1024 : i % 13 === 0 ? 0 : (i * 7919) % 20000;
    fs.writeFileSync(absolutePath, Buffer.alloc(size, i % 251));
    return { absolutePath, size };
  });
  return { dir, files };
}

// Bytes as a hash: toEqual on megabytes of Buffer compares them byte by byte, slowly.
const outcome = (read: () => Buffer) => {
  try {
    return { sha256: sha256Hex(read()) };
  } catch (error) {
    if (error instanceof FileRefused) return { reason: error.reason, message: error.message };
    return { code: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
};
const LIMIT = 20 * 1024 * 1024;
const regular = (file: string) => readRegularFile(file, LIMIT);

describe('readAhead', () => {
  it('gives every file exactly as readRegularFile does, in order, errors included', () => {
    const { dir, files } = folder(600);
    fs.rmSync(files[300]!.absolutePath);
    fs.mkdirSync(files[301]!.absolutePath.replace(/\.txt$/, '.dir'));
    files[301] = { absolutePath: files[301]!.absolutePath.replace(/\.txt$/, '.dir'), size: 0 };
    const reader = readAhead(files, LIMIT);
    expect(reader.threaded).toBe(true);
    try {
      for (const file of files) expect(outcome(() => reader.read(file.absolutePath))).toEqual(outcome(() => regular(file.absolutePath)));
    } finally {
      reader.close();
    }
    expect(outcome(() => regular(files[300]!.absolutePath)).code).toBe('ENOENT');
    expect(outcome(() => regular(files[301]!.absolutePath))).toEqual({ reason: 'not-a-file', message: 'not a regular file' });
    // The bytes are those readFileSync gives.
    expect(outcome(() => regular(files[7]!.absolutePath))).toEqual(outcome(() => fs.readFileSync(files[7]!.absolutePath)));
    expect(fs.readdirSync(dir).length).toBe(600);
  });

  it('reads a file asked out of turn directly, and everything after it', () => {
    const { files } = folder(200);
    const reader = readAhead(files, LIMIT);
    try {
      for (const i of [0, 5, 1, 2]) {
        expect(reader.read(files[i]!.absolutePath).equals(fs.readFileSync(files[i]!.absolutePath))).toBe(true);
      }
    } finally {
      reader.close();
    }
  });

  it('small builds read directly', () => {
    expect(readAhead(folder(READ_AHEAD_MIN_FILES - 1).files, LIMIT).threaded).toBe(false);
  });
});
