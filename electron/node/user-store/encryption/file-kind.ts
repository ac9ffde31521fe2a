import fs from 'node:fs';
import { SALT_LENGTH } from './passphrase-key';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** SQLite's smallest page size: every database file is a whole number of pages. */
const MIN_PAGE_SIZE = 512;

export type FileKind = 'missing' | 'empty' | 'plain' | 'encrypted' | 'foreign';

/**
 * What a database file is, from its first 16 bytes and its size, without opening it: a plain
 * SQLite file starts with "SQLite format 3\0"; an encrypted one starts with its random salt
 * instead and is made of whole pages. Such a file is taken as encrypted (locked), never as
 * damaged: only a passphrase can tell the two apart, and neither is ever written to unopened.
 * Anything else (a text file, a truncated copy) is foreign.
 */
export function fileKind(file: string): FileKind {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'empty';
    if (read === head.length && head.equals(SQLITE_HEADER)) return 'plain';
    const size = fs.fstatSync(fd).size;
    return size % MIN_PAGE_SIZE === 0 ? 'encrypted' : 'foreign';
  } finally {
    fs.closeSync(fd);
  }
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
