import fs from 'node:fs';
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** Reads the files of a build, in the order they were listed. */
export type FileReader = {
  /** The bytes of a file, as fs.readFileSync gives them (or throws its error). */
  read(file: string): Buffer;
  close(): void;
};

export const directReader: FileReader = { read: (file) => fs.readFileSync(file), close() {} };

/** Below this many files a build reads them itself: starting a thread would cost more. */
export const READ_AHEAD_MIN_FILES = 64;
/** Files larger than this are read by the build itself, when their turn comes. */
const READ_AHEAD_MAX_FILE = 4 * 1024 * 1024;
const BATCH_FILES = 256;
const BATCH_BYTES = 1024 * 1024;
/** Batches read but not yet taken, at most: bounds the memory read ahead (about 3 MB). */
const BATCHES_AHEAD = 3;
/** A read-ahead that gives nothing for so long is given up; the build reads the rest itself. */
const STALL_MS = 30_000;

type Batch = { offsets: number[]; errors: (string | null)[]; buffer: ArrayBuffer };

/**
 * The reading thread, as source (plain JavaScript, so that it runs the same under Node, Vitest
 * and the bundled app): reads each file with readFileSync, in order, into batches of one
 * ArrayBuffer each, posted on the port (transferred, not copied), at most BATCHES_AHEAD ahead.
 * counters[0] = batches posted, counters[1] = batches taken. Large files are left to the build
 * (an error entry of null with no bytes and offset -1).
 */
const WORKER_SOURCE = `
const fs = require('node:fs');
const { workerData } = require('node:worker_threads');
const { files, maxFile, batchFiles, batchBytes, ahead, port, counters } = workerData;
let i = 0;
let posted = 0;
while (i < files.length) {
  while (posted - Atomics.load(counters, 1) >= ahead) Atomics.wait(counters, 1, Atomics.load(counters, 1), 1000);
  const buffers = [];
  const errors = [];
  const large = [];
  let bytes = 0;
  while (i < files.length && buffers.length < batchFiles && bytes < batchBytes) {
    const [file, size] = files[i++];
    if (size > maxFile) { buffers.push(null); errors.push(null); continue; }
    try {
      const data = fs.readFileSync(file);
      buffers.push(data);
      errors.push(null);
      bytes += data.length;
    } catch (error) {
      buffers.push(null);
      errors.push(String(error.code ?? error.message));
    }
  }
  const buffer = new ArrayBuffer(bytes);
  const view = new Uint8Array(buffer);
  const offsets = [];
  let at = 0;
  for (const data of buffers) {
    if (data === null) { offsets.push(-1); continue; }
    view.set(data, at);
    offsets.push(at);
    at += data.length;
  }
  offsets.push(at);
  port.postMessage({ offsets, errors, buffer }, [buffer]);
  posted++;
  Atomics.add(counters, 0, 1);
  Atomics.notify(counters, 0);
}
`;

/**
 * Reads the files in a second thread while the build parses and indexes in its own, handing
 * their bytes over in order. Whatever happens to the thread, the answers are those of
 * readFileSync: a file it did not read (too large, out of turn, or the thread stalled) is read
 * directly. The bytes are the same either way, so the corpus is too.
 */
export function readAhead(files: readonly { absolutePath: string; size: number }[]): FileReader {
  if (files.length < READ_AHEAD_MIN_FILES) return directReader;
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      files: files.map((file) => [file.absolutePath, file.size]),
      maxFile: READ_AHEAD_MAX_FILE,
      batchFiles: BATCH_FILES,
      batchBytes: BATCH_BYTES,
      ahead: BATCHES_AHEAD,
      port: port2,
      counters,
    },
    transferList: [port2],
  });
  // The thread never keeps the process alive, nor does an error in it stop the build.
  worker.unref();
  worker.on('error', () => {});
  let next = 0;
  let batch: Batch | undefined;
  let inBatch = 0;
  let given = false;
  let closed = false;

  const take = (port: MessagePort): Batch | undefined => {
    const started = performance.now();
    for (;;) {
      const seen = Atomics.load(counters, 0);
      const message = receiveMessageOnPort(port);
      if (message) {
        Atomics.add(counters, 1, 1);
        Atomics.notify(counters, 1);
        return message.message as Batch;
      }
      if (performance.now() - started > STALL_MS) return undefined;
      try {
        Atomics.wait(counters, 0, seen, 100);
      } catch {
        // A thread that may not block (not the case in Node or Electron's main process).
        return undefined;
      }
    }
  };

  const close = () => {
    if (closed) return;
    closed = true;
    port1.close();
    void worker.terminate();
  };

  return {
    read(file) {
      const index = next++;
      if (given || closed || files[index]?.absolutePath !== file) {
        // Out of turn: from here on the build reads for itself.
        given = true;
        close();
        return fs.readFileSync(file);
      }
      if (batch === undefined || inBatch === batch.errors.length) {
        batch = take(port1);
        inBatch = 0;
        if (batch === undefined) {
          given = true;
          close();
          return fs.readFileSync(file);
        }
      }
      const i = inBatch++;
      const error = batch.errors[i];
      if (error !== null && error !== undefined) throw Object.assign(new Error(error), { code: error });
      const start = batch.offsets[i]!;
      if (start < 0) return fs.readFileSync(file);
      let end = -1;
      for (let j = i + 1; end < 0; j++) end = batch.offsets[j]!;
      return Buffer.from(batch.buffer, start, end - start);
    },
    close,
  };
}
