import { z } from 'zod';

/** Arguments of the print methods (print-contract.ts): the title suggests the file's name. */
export const PRINT_SCHEMAS = {
  saveAsPdf: z.object({ title: z.string().max(512) }).strict(),
};
