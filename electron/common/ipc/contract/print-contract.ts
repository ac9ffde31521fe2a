import type { z } from 'zod';
import type { PRINT_SCHEMAS } from './print-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof PRINT_SCHEMAS> = z.infer<(typeof PRINT_SCHEMAS)[M]>;

/** What a save as PDF did: the file written, or nothing when the user cancelled the file dialog. */
export type PrintOutcome = { saved: true; file: string } | { saved: false };

/** Printing the document shown in the window (the print stylesheet: highlights, notes beside the text). */
export interface PrintContract {
  /** Asks where to save, renders the window as PDF and writes it there. Needs the app's window (`needs-app` otherwise). */
  saveAsPdf(input: In<'saveAsPdf'>): Promise<PrintOutcome>;
}

export const PRINT_CHANNELS = featureChannels('print', ['saveAsPdf']);
