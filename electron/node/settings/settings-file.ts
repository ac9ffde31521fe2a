import fs from 'node:fs';
import { writeWholeFile } from '../files/write-whole-file';

/**
 * The settings file beside the notes database (`carrel-settings.json`) holds several parts, one
 * top-level key each: `settings` (reading-settings-file.ts), `window` (window-state.ts). Each part
 * is written on its own and keeps the others: read, change one key, write to `<file>.tmp`, rename.
 */
export function readSettingsPart(file: string, key: string): unknown {
  try {
    const stored: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return stored && typeof stored === 'object' ? (stored as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

export const settingsTempFile = (file: string) => `${file}.tmp`;

/** Writes one part of the file, keeping the others as they are; throws what the disk said. */
export function writeSettingsPart(file: string, key: string, value: unknown): void {
  let stored: Record<string, unknown> = {};
  try {
    const read: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (read && typeof read === 'object' && !Array.isArray(read)) stored = read as Record<string, unknown>;
  } catch {
    // Missing or damaged: written afresh.
  }
  writeWholeFile(file, settingsTempFile(file), `${JSON.stringify({ ...stored, version: 1, [key]: value }, null, 2)}\n`);
}
