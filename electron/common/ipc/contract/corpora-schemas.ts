import { z } from 'zod';
import { wellFormed } from '../../notes/notes-schemas';
import { corpusFile } from './shared-schemas';

/** Arguments of the corpora methods (corpora-contract.ts). */
export const CORPORA_SCHEMAS = {
  chooseCorpus: z.undefined(),
  listRecentCorpora: z.undefined(),
  openRecentCorpus: z.object({ file: corpusFile }).strict(),
  forgetRecentCorpus: z.object({ file: corpusFile }).strict(),
  startCorpusBuild: z
    .object({
      title: wellFormed(z.string().max(200, 'Titles are limited to 200 characters'), 'Titles').optional(),
      // false: no copy of each source PDF (a smaller file, no "Show original"), as --no-originals.
      originals: z.boolean().optional(),
    })
    .strict(),
  getCorpusBuild: z.object({ jobId: z.uuid() }).strict(),
  cancelCorpusBuild: z.object({ jobId: z.uuid() }).strict(),
  getOutdatedCorpus: z.object({ file: corpusFile.optional() }).strict(),
  rebuildCorpus: z.object({ file: corpusFile.optional() }).strict(),
};
