import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, newSalt, SALT_LENGTH, SCRYPT } from '../../../../../electron/node/user-store/encryption/passphrase-key';

describe('deriveKey', { timeout: 30_000 }, () => {
  it('is scrypt with strong parameters: same passphrase and salt, same key; another salt, another key', async () => {
    expect(SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    const salt = newSalt();
    expect(salt).toHaveLength(SALT_LENGTH);
    const key = await deriveKey('Bücher im Regal', salt);
    expect(key).toHaveLength(32);
    expect((await deriveKey('Bücher im Regal', salt)).equals(key)).toBe(true);
    expect((await deriveKey('Bücher im Regal', newSalt())).equals(key)).toBe(false);
    // Unicode normalised: the same passphrase typed on another keyboard gives the same key.
    expect((await deriveKey('Bu\u0308cher im Regal', salt)).equals(key)).toBe(true);
    const { N, r, p } = SCRYPT;
    expect(scryptSync('Bücher im Regal', salt, 32, { N, r, p, maxmem: 256 * N * r }).equals(key)).toBe(true);
  });
});
