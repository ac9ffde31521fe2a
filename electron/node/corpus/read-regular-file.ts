import fs from 'node:fs';
import type { SkipReason } from '../../common/corpus/skip-reasons';

/** Why a source file is not read although it was listed: it changed since (a FIFO, a link…) or outgrew the limit. */
export class FileRefused extends Error {
  constructor(
    readonly reason: Extract<SkipReason, 'not-a-file' | 'symlink' | 'too-large'>,
    message: string,
  ) {
    super(message);
  }
}

export const megabytes = (bytes: number) => String(Math.round((bytes / 1024 / 1024) * 10) / 10);

export const tooLargeMessage = (size: number, maxBytes: number) => `${megabytes(size)} MB, over the ${megabytes(maxBytes)} MB limit`;

/**
 * Opening never waits (O_NONBLOCK: a FIFO or a device put in a file's place after the listing
 * opens at once instead of waiting for a writer) and never follows a link (O_NOFOLLOW). Both
 * flags are 0 where the platform has none (Windows has no FIFOs in the file system either).
 */
export const SOURCE_OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

/**
 * The bytes of a regular file of at most maxBytes, or a FileRefused saying why not (or the
 * file system's own error, e.g. ENOENT). Whatever is at the path, this returns promptly: it
 * refuses what fstat says is not a regular file and never reads more than maxBytes + 1.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, SOURCE_OPEN_FLAGS);
  } catch (error) {
    // O_NOFOLLOW refuses a link with ELOOP: one was put in the file's place.
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new FileRefused('symlink', 'symbolic link, not followed');
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new FileRefused('not-a-file', 'not a regular file');
    if (stat.size > maxBytes) throw new FileRefused('too-large', tooLargeMessage(stat.size, maxBytes));
    // One byte more than the limit tells a file that grew while read from one that fits.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new FileRefused('too-large', `grew past the ${megabytes(maxBytes)} MB limit while being read`);
        const larger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const wanted = buffer.length - length;
      const read = fs.readSync(fd, buffer, length, wanted, null);
      length += read;
      // A regular file reads short only at its end: no second call just to see 0.
      if (read < wanted) break;
    }
    if (length > maxBytes) throw new FileRefused('too-large', `grew past the ${megabytes(maxBytes)} MB limit while being read`);
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}
