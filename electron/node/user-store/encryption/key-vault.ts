import fs from 'node:fs';

/**
 * The operating system's keyring as the shell offers it (Electron safeStorage), to remember the
 * derived database key on this computer. Absent where it would not protect anything: in tests,
 * on the command line, and on Linux when safeStorage falls back to its `basic_text` backend.
 */
export type KeyVault = {
  seal(secret: string): Buffer;
  open(sealed: Buffer): string;
};

/** Beside the database: the key sealed by the keyring (useless without the user's OS session). */
export function rememberedKeyFile(file: string): string {
  return `${file}.remembered-key`;
}

/** Seals and writes the key (hex), readable by the user only, renamed into place when complete. */
export function rememberKey(file: string, vault: KeyVault, key: Buffer): void {
  const target = rememberedKeyFile(file);
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, vault.seal(key.toString('hex')), { mode: 0o600 });
  fs.renameSync(partial, target);
}

/** The remembered key, or undefined (none, or the keyring cannot open it any more). */
export function recallKey(file: string, vault: KeyVault): Buffer | undefined {
  const target = rememberedKeyFile(file);
  if (!fs.existsSync(target)) return undefined;
  try {
    const hex = vault.open(fs.readFileSync(target));
    return /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : undefined;
  } catch {
    return undefined;
  }
}

export function forgetKey(file: string): void {
  fs.rmSync(rememberedKeyFile(file), { force: true });
}

export function isKeyRemembered(file: string): boolean {
  return fs.existsSync(rememberedKeyFile(file));
}
