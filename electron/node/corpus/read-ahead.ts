import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { FileRefused, readRegularFile, SOURCE_OPEN_FLAGS } from './read-regular-file';

/** Reads the files of a build, in the order they were listed. */
export type FileReader = {
  /** The bytes of a file as readRegularFile gives them (or throws its error). */
  read(file: string): Buffer;
  close(): void;
  /** Whether a second thread reads ahead. */
  readonly threaded: boolean;
};

/** Reads each file when asked, in this thread. */
export function directReader(maxBytes: number): FileReader {
  return { read: (file) => readRegularFile(file, maxBytes), close() {}, threaded: false };
}

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

/** What the thread says of a file it could not read: a file-system error code, or a refusal (FileRefused). */
type ReadError = { code: string } | { reason: FileRefused['reason']; message: string };
type Batch = { offsets: number[]; errors: (ReadError | null)[]; buffer: ArrayBuffer };

/**
 * The reading thread, as source (plain JavaScript, so that it runs the same under Node, Vitest
 * and the bundled app): reads each file in order, as readRegularFile does (opened without
 * waiting or following links, refused unless fstat says it is a regular file, never more than
 * the limit), into batches of one ArrayBuffer each, posted on the port (transferred, not
 * copied), at most BATCHES_AHEAD ahead. counters[0] = batches posted, counters[1] = batches
 * taken. Large files are left to the build (an error entry of null with no bytes and offset -1).
 */
const WORKER_SOURCE = `
const fs = require('node:fs');
const { workerData } = require('node:worker_threads');
const { files, maxFile, limit, openFlags, batchFiles, batchBytes, ahead, port, counters } = workerData;
const mb = (bytes) => String(Math.round((bytes / 1024 / 1024) * 10) / 10);
const LEFT = {};
function read(file) {
  let fd;
  try {
    fd = fs.openSync(file, openFlags);
  } catch (error) {
    if (error.code === 'ELOOP') return { error: { reason: 'symlink', message: 'symbolic link, not followed' } };
    return { error: { code: String(error.code ?? error.message) } };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { error: { reason: 'not-a-file', message: 'not a regular file' } };
    if (stat.size > limit) return { error: { reason: 'too-large', message: mb(stat.size) + ' MB, over the ' + mb(limit) + ' MB limit' } };
    if (stat.size > maxFile) return LEFT;
    const bound = Math.min(limit, maxFile);
    const data = Buffer.allocUnsafe(Math.min(stat.size, bound) + 1);
    let length = 0;
    for (;;) {
      // Grown past what this thread reads: the build reads it (and bounds it) itself.
      if (length === data.length) return LEFT;
      const wanted = data.length - length;
      const n = fs.readSync(fd, data, length, wanted, null);
      length += n;
      if (n < wanted) break;
    }
    return { data: data.subarray(0, length) };
  } catch (error) {
    return { error: { code: String(error.code ?? error.message) } };
  } finally {
    fs.closeSync(fd);
  }
}
let i = 0;
let posted = 0;
while (i < files.length) {
  while (posted - Atomics.load(counters, 1) >= ahead) Atomics.wait(counters, 1, Atomics.load(counters, 1), 1000);
  const buffers = [];
  const errors = [];
  let bytes = 0;
  while (i < files.length && buffers.length < batchFiles && bytes < batchBytes) {
    const [file, size] = files[i++];
    const result = size > maxFile ? LEFT : read(file);
    buffers.push(result.data ?? null);
    errors.push(result.error ?? null);
    if (result.data) bytes += result.data.length;
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
 * readRegularFile with the same limit: a file it did not read (large, out of turn, or the
 * thread stalled) is read directly. The bytes are the same either way, so the corpus is too.
 */
export function readAhead(files: readonly { absolutePath: string; size: number }[], maxBytes: number): FileReader {
  const direct = directReader(maxBytes);
  if (files.length < READ_AHEAD_MIN_FILES) return direct;
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      files: files.map((file) => [file.absolutePath, file.size]),
      maxFile: READ_AHEAD_MAX_FILE,
      limit: maxBytes,
      openFlags: SOURCE_OPEN_FLAGS,
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
        return direct.read(file);
      }
      if (batch === undefined || inBatch === batch.errors.length) {
        batch = take(port1);
        inBatch = 0;
        if (batch === undefined) {
          given = true;
          close();
          return direct.read(file);
        }
      }
      const i = inBatch++;
      const error = batch.errors[i];
      if (error) {
        if ('reason' in error) throw new FileRefused(error.reason, error.message);
        throw Object.assign(new Error(error.code), { code: error.code });
      }
      const start = batch.offsets[i]!;
      if (start < 0) return direct.read(file);
      let end = -1;
      for (let j = i + 1; end < 0; j++) end = batch.offsets[j]!;
      return Buffer.from(batch.buffer, start, end - start);
    },
    close,
    threaded: true,
  };
}
