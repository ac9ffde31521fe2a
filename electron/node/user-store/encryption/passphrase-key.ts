import { randomBytes, scrypt } from 'node:crypto';

/**
 * scrypt parameters for the notes database key: N = 2^17, r = 8, p = 1 (128 MiB of memory), the
 * OWASP minimum for scrypt. One derivation took 0.38 s on the project's two-core machine when
 * quiet (N = 2^16: 0.17 s; both about three times slower while builds ran): costly to guess at,
 * quick enough for opening the app. Changing them makes existing files unreadable: add a version.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;
/** 16 bytes: SQLite3MultipleCiphers' ChaCha20 salt length, which this salt also serves as. */
export const SALT_LENGTH = 16;

export function newSalt(): Buffer {
  return randomBytes(SALT_LENGTH);
}

/** The 32-byte database key for a passphrase and salt, on libuv's thread pool (the main process keeps running). */
export function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { N, r, p, keyLength } = SCRYPT;
    scrypt(passphrase.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
