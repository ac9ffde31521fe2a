import type { z } from 'zod';
import type { ExportResult, ImportResult } from '../../exports/export-types';
import type { EXPORTS_SCHEMAS } from './exports-schemas';
import { featureChannels } from './feature-channels';

type In<M extends keyof typeof EXPORTS_SCHEMAS> = z.infer<(typeof EXPORTS_SCHEMAS)[M]>;

/** The notebook out (Markdown, CSV, W3C JSON-LD) and W3C Web Annotations in, through the shell's file dialogs. */
export interface ExportsContract {
  exportNotebook(input: In<'exportNotebook'>): Promise<ExportResult>;
  /** Asks for a JSON-LD file, then merges it in one transaction (never overwriting a note); `dryRun` changes nothing. */
  importAnnotations(input: In<'importAnnotations'>): Promise<ImportResult>;
}

export const EXPORTS_CHANNELS = featureChannels('exports', ['exportNotebook', 'importAnnotations']);
