import { SALT_LENGTH } from './passphrase-key';

/** A derived database key and the salt it was derived with (the salt is not secret). */
export type CipherKey = { readonly key: Buffer; readonly salt: Buffer };

const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * The key as SQLCipher-style raw-key text, `x'<64 hex key><32 hex salt>'`, built byte by byte
 * into a Buffer so that no immutable string copy of the key exists. SQLite3MultipleCiphers
 * uses a raw key as is (no second key derivation); when it writes a new key it also takes the
 * salt, which it keeps as the first 16 bytes of the file. Wipe the result after use.
 */
export function rawKeyText({ key, salt }: CipherKey): Buffer {
  if (key.length !== 32 || salt.length !== SALT_LENGTH) throw new Error('A database key is 32 bytes with a 16-byte salt.');
  const bytes = Buffer.concat([key, salt]);
  const text = Buffer.alloc(3 + bytes.length * 2);
  text[0] = 0x78; // x
  text[1] = 0x27; // '
  bytes.forEach((byte, i) => {
    text[2 + i * 2] = HEX[byte >> 4]!;
    text[3 + i * 2] = HEX[byte & 15]!;
  });
  text[text.length - 1] = 0x27;
  bytes.fill(0);
  return text;
}

/** Runs `use` with the raw-key text, then overwrites it. */
export function withRawKey<T>(key: CipherKey, use: (text: Buffer) => T): T {
  const text = rawKeyText(key);
  try {
    return use(text);
  } finally {
    text.fill(0);
  }
}

export function wipeKey(key: CipherKey | undefined): void {
  key?.key.fill(0);
}
