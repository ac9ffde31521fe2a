import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_READING_SETTINGS, stepTextSize, TEXT_SIZES } from '../../../../electron/common/settings/reading-settings';
import { INPUT_SCHEMAS } from '../../../../electron/common/ipc/ipc-schemas';
import { openReadingSettings } from '../../../../electron/node/settings/reading-settings-file';

const dirs: string[] = [];
function settingsFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-settings-'));
  dirs.push(dir);
  return path.join(dir, 'sub', 'carrel-settings.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('reading settings file', () => {
  it('starts with the defaults and remembers a change across a reopen, leaving no temporary file', () => {
    const file = settingsFile();
    expect(openReadingSettings(file).state()).toEqual({ settings: DEFAULT_READING_SETTINGS });
    const first = openReadingSettings(file);
    first.change({ theme: 'sepia' });
    expect(first.change({ textSize: 24, font: 'sans' }).settings).toEqual({ ...DEFAULT_READING_SETTINGS, theme: 'sepia', textSize: 24, font: 'sans' });
    expect(openReadingSettings(file).state().settings).toEqual({ ...DEFAULT_READING_SETTINGS, theme: 'sepia', textSize: 24, font: 'sans' });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['carrel-settings.json']);
  });

  it('keeps each readable setting of a damaged or newer file and gives the others their defaults', () => {
    const file = settingsFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ version: 2, settings: { theme: 'dark', textSize: 17, lineWidth: 'huge', lineHeight: 'loose', extra: 1 } }));
    expect(openReadingSettings(file).state().settings).toEqual({ ...DEFAULT_READING_SETTINGS, theme: 'dark', lineHeight: 'loose' });
    fs.writeFileSync(file, '{ not json');
    expect(openReadingSettings(file).state().settings).toEqual(DEFAULT_READING_SETTINGS);
  });

  it('removes a temporary file a crash left', () => {
    const file = settingsFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, '{"half');
    openReadingSettings(file);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('says in words when a change cannot be saved, and keeps it for the session', () => {
    const file = settingsFile();
    const settings = openReadingSettings(file);
    settings.change({ theme: 'light' });
    fs.chmodSync(path.dirname(file), 0o500);
    const failed = settings.change({ theme: 'dark' });
    expect(failed.settings.theme).toBe('dark');
    expect(failed.saveProblem).toMatch(/could not save the reading settings: Carrel is not allowed to write in .*They apply until Carrel closes/);
    fs.chmodSync(path.dirname(file), 0o700);
    expect(settings.change({ theme: 'sepia' }).saveProblem).toBeUndefined();
  });

  it('says a folder in the file’s place cannot be written', () => {
    const file = settingsFile();
    fs.mkdirSync(file, { recursive: true });
    const settings = openReadingSettings(file);
    expect(settings.state().settings).toEqual(DEFAULT_READING_SETTINGS);
    expect(settings.change({ theme: 'dark' }).saveProblem).toMatch(/could not save the reading settings/);
  });

  it('refuses a change outside the steps at the IPC boundary', () => {
    const schema = INPUT_SCHEMAS.changeReadingSettings;
    expect(schema.safeParse({ textSize: 24 }).success).toBe(true);
    expect(schema.safeParse({ textSize: 23 }).success).toBe(false);
    expect(schema.safeParse({ theme: 'neon' }).success).toBe(false);
    expect(schema.safeParse({ theme: 'dark', other: 1 }).success).toBe(false);
  });

  it('steps the text size within its range', () => {
    expect(stepTextSize(18, 1)).toBe(20);
    expect(stepTextSize(18, -1)).toBe(16);
    expect(stepTextSize(TEXT_SIZES[0], -1)).toBe(TEXT_SIZES[0]);
    expect(stepTextSize(TEXT_SIZES[TEXT_SIZES.length - 1]!, 1)).toBe(TEXT_SIZES[TEXT_SIZES.length - 1]);
  });
});
