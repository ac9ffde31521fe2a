import fs from 'node:fs';
import { isCarrelSalt, SALT_LENGTH } from './passphrase-key';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type FileKind = 'missing' | 'empty' | 'plain' | 'encrypted' | 'damaged';

export type FileInspection = {
  kind: FileKind;
  size: number;
  /** Why a file is damaged, in words fit for a sentence ("it is cut short …"). */
  reason?: string;
  /** Encrypted (or damaged) with a salt Carrel made (see passphrase-key.ts); false: an earlier Carrel's salt, or another program's. */
  carrelSalt?: boolean;
};

/**
 * Bytes 16–23 of a database header: page size, file format versions, reserved bytes per page and
 * the three payload fractions SQLite requires to be 64, 32 and 32. SQLite3MultipleCiphers keeps
 * them unencrypted in an encrypted file (it needs the page size before it can decrypt; without
 * them no key opens the file), so they identify an encrypted database as surely as the "SQLite
 * format 3" text identifies a plain one: random or zeroed bytes match with a chance of about 2^-59.
 */
function pageSizeOf(head: Buffer, encrypted: boolean): number | undefined {
  if (head.length < 24) return undefined;
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return undefined;
  if (![1, 2].includes(head[18]!) || ![1, 2].includes(head[19]!)) return undefined;
  // An encrypted page keeps room for its nonce and authentication tag (32 bytes for ChaCha20-Poly1305).
  if (encrypted && head[20]! < 16) return undefined;
  if (head[21] !== 64 || head[22] !== 32 || head[23] !== 32) return undefined;
  return pageSize;
}

/**
 * What a database file is, from its first bytes and its size, without opening it. Plain: SQLite's
 * header. Encrypted: a salt, then the header fields SQLite3MultipleCiphers leaves in the clear,
 * and a whole number of pages. Anything else is damaged (a zeroed first page, part of a file,
 * random bytes, a file cut short): no passphrase could open it. Never writes.
 */
export function inspectFile(file: string): FileInspection {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing', size: 0 };
    throw error;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return { kind: 'empty', size };
    const head = Buffer.alloc(Math.min(size, 100));
    const read = fs.readSync(fd, head, 0, head.length, 0);
    const bytes = head.subarray(0, read);
    if (bytes.length >= SQLITE_HEADER.length && bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
      const pageSize = pageSizeOf(bytes, false);
      if (!pageSize) return { kind: 'damaged', size, reason: 'its header is damaged' };
      if (size % pageSize !== 0) return { kind: 'damaged', size, reason: 'it is cut short (its size is not a whole number of pages)' };
      return { kind: 'plain', size };
    }
    const carrelSalt = bytes.length >= SALT_LENGTH && isCarrelSalt(bytes.subarray(0, SALT_LENGTH));
    const pageSize = pageSizeOf(bytes, true);
    if (!pageSize) {
      const reason = carrelSalt
        ? 'it was encrypted by Carrel, but its first page is damaged'
        : 'it is neither a SQLite database nor an encrypted one (its first bytes are those of neither)';
      return { kind: 'damaged', size, reason, carrelSalt };
    }
    if (size % pageSize !== 0) return { kind: 'damaged', size, reason: 'it is encrypted, but cut short (its size is not a whole number of pages)', carrelSalt };
    return { kind: 'encrypted', size, carrelSalt };
  } finally {
    fs.closeSync(fd);
  }
}

export function fileKind(file: string): FileKind {
  return inspectFile(file).kind;
}

/** The salt an encrypted file was keyed with: its first 16 bytes (SQLite3MultipleCiphers' ChaCha20 layout). */
export function fileSalt(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const salt = Buffer.alloc(SALT_LENGTH);
    if (fs.readSync(fd, salt, 0, SALT_LENGTH, 0) !== SALT_LENGTH) throw new Error(`${file} is too short to be an encrypted database.`);
    return salt;
  } finally {
    fs.closeSync(fd);
  }
}
