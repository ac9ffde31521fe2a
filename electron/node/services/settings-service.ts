import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { openReadingSettings } from '../settings/reading-settings-file';

/** The reading settings; without a file they last one session. */
export function createSettingsService(file: string | undefined): Pick<CarrelServices, 'getReadingSettings' | 'changeReadingSettings'> {
  const settings = openReadingSettings(file);
  return {
    getReadingSettings: () => settings.state(),
    changeReadingSettings: (change) => settings.change(change),
  };
}
