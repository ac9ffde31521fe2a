import { z } from 'zod';
import { MARKDOWN_CONTENTS, MARKDOWN_GROUPINGS, NOTEBOOK_EXPORT_FORMATS } from '../../exports/export-types';
import { CITATION_STYLES } from '../../citations/citation-types';
import { NOTEBOOK_SCHEMAS } from './notebook-schemas';

/** Arguments of the export and import methods (exports-contract.ts). */
export const EXPORTS_SCHEMAS = {
  exportNotebook: z
    .object({
      format: z.enum(NOTEBOOK_EXPORT_FORMATS),
      filter: NOTEBOOK_SCHEMAS.queryNotebook,
      style: z.enum(CITATION_STYLES).optional(),
      /** Markdown only: what it holds and how it is grouped (everything, by document, when absent). */
      markdown: z.object({ include: z.enum(MARKDOWN_CONTENTS), groupBy: z.enum(MARKDOWN_GROUPINGS) }).strict().optional(),
    })
    .strict(),
  importAnnotations: z.object({ dryRun: z.boolean().optional() }).strict(),
};
