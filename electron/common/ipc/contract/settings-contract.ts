import type { z } from 'zod';
import type { ReadingSettingsState } from '../../settings/reading-settings';
import type { SETTINGS_SCHEMAS } from './settings-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof SETTINGS_SCHEMAS> = z.infer<(typeof SETTINGS_SCHEMAS)[M]>;

/** Settings: the theme and reading typography, remembered across launches (a file beside the notes database). */
export interface SettingsContract {
  getReadingSettings(input: In<'getReadingSettings'>): ReadingSettingsState;
  /** Changes the settings named and saves them all; a save that fails keeps them for this session and says why. */
  changeReadingSettings(input: In<'changeReadingSettings'>): ReadingSettingsState;
  /** The document open in the reader when Carrel last closed, in the open corpus (null: none, or no longer in it). */
  getLastDocument(input: In<'getLastDocument'>): string | null;
  /** The document open in the reader now (null: none), to reopen at the next launch. */
  rememberOpenDocument(input: In<'rememberOpenDocument'>): null;
}

export const SETTINGS_CHANNELS = featureChannels('settings', ['getReadingSettings', 'changeReadingSettings', 'getLastDocument', 'rememberOpenDocument']);
