import { createHash, randomBytes, scrypt } from 'node:crypto';

/**
 * scrypt parameters for the notes database key: N = 2^17, r = 8, p = 1 (128 MiB of memory), the
 * OWASP minimum for scrypt. One derivation took 0.38 s on the project's two-core machine when
 * quiet (N = 2^16: 0.17 s; both about three times slower while builds ran): costly to guess at,
 * quick enough for opening the app. Changing them makes existing files unreadable: add a version.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const;
/** 16 bytes: SQLite3MultipleCiphers' ChaCha20 salt length, which this salt also serves as. */
export const SALT_LENGTH = 16;

/** Random bytes in a salt; the other 4 are a checksum of them (see saltTag). */
const SALT_RANDOM = 12;

/**
 * A checksum of a salt's random bytes, namespaced to Carrel, so that a file's first 16 bytes say
 * whether Carrel chose them: zeroed, random or another program's bytes match with a chance of
 * 2^-32. Not secret and not a key check (the salt is public); 96 random bits are plenty of salt.
 */
function saltTag(random: Buffer): Buffer {
  return createHash('sha256').update('carrel notes database salt, v1\0').update(random).digest().subarray(0, SALT_LENGTH - SALT_RANDOM);
}

/** A new salt: 12 random bytes and their tag. Files encrypted before the tag existed have 16 random bytes. */
export function newSalt(): Buffer {
  const random = randomBytes(SALT_RANDOM);
  return Buffer.concat([random, saltTag(random)]);
}

export function isCarrelSalt(salt: Buffer): boolean {
  return salt.length === SALT_LENGTH && saltTag(salt.subarray(0, SALT_RANDOM)).equals(salt.subarray(SALT_RANDOM));
}

/** The 32-byte database key for a passphrase and salt, on libuv's thread pool (the main process keeps running). */
export function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { N, r, p, keyLength } = SCRYPT;
    scrypt(passphrase.normalize('NFC'), salt, keyLength, { N, r, p, maxmem: 256 * N * r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
