import fs from 'node:fs';
import { readingSettingsSchema } from '../../common/ipc/contract/settings-schemas';
import { DEFAULT_READING_SETTINGS, type ReadingSettings, type ReadingSettingsState } from '../../common/settings/reading-settings';
import { writeFailure } from '../corpora/recent-corpora';
import { readSettingsPart, settingsTempFile, writeSettingsPart } from './settings-file';

export type ReadingSettingsFile = {
  state(): ReadingSettingsState;
  /** Applies the change and saves every setting; a failed save is kept in memory and said, never thrown. */
  change(change: Partial<ReadingSettings>): ReadingSettingsState;
};

const FIELDS = Object.keys(DEFAULT_READING_SETTINGS) as (keyof ReadingSettings)[];

/**
 * The reading settings, kept in a small JSON file beside the notes database (`carrel-settings.json`).
 * Not in the notes database: an encrypted one starts locked and a damaged one may not open, and the
 * theme must apply to the unlock prompt and the recovery panel too; nothing in it is private.
 * Each setting is read on its own: one that is missing or unknown (a hand edit, a newer Carrel)
 * takes its default and the others are kept. Written to `<file>.tmp` and renamed into place.
 */
export function openReadingSettings(file: string | undefined): ReadingSettingsFile {
  if (file) fs.rmSync(tempFileOf(file), { force: true });
  let settings = file ? readSettings(file) : { ...DEFAULT_READING_SETTINGS };
  let saveProblem: string | undefined;
  const state = (): ReadingSettingsState => ({ settings: { ...settings }, ...(saveProblem ? { saveProblem } : {}) });
  return {
    state,
    change(change) {
      settings = { ...settings, ...change };
      if (file) {
        try {
          writeSettings(file, settings);
          saveProblem = undefined;
        } catch (error) {
          saveProblem = `Carrel could not save the reading settings: ${writeFailure(file, error)}. They apply until Carrel closes.`;
        }
      }
      return state();
    },
  };
}

function readSettings(file: string): ReadingSettings {
  const read: Record<string, unknown> = { ...DEFAULT_READING_SETTINGS };
  const values = readSettingsPart(file, 'settings');
  if (values && typeof values === 'object') {
    for (const field of FIELDS) {
      const one = readingSettingsSchema.shape[field].safeParse((values as Record<string, unknown>)[field]);
      if (one.success) read[field] = one.data;
    }
  }
  return read as ReadingSettings;
}

const tempFileOf = settingsTempFile;

/** The reading settings' part of the file; the window's part stays as it is. */
function writeSettings(file: string, settings: ReadingSettings): void {
  writeSettingsPart(file, 'settings', settings);
}
