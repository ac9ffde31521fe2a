import { z } from 'zod';
import type { Input, Method } from './ipc-contract';

const documentId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\p{L}\p{N}._\-/]+$/u, 'Document ids contain letters, digits, ".", "_", "-" and "/" only');

/** Argument schema of every method; main validates each call with these before any service runs. */
export const INPUT_SCHEMAS = {
  getCorpusInfo: z.undefined(),
  listDocuments: z.undefined(),
  getDocument: z.object({ id: documentId }).strict(),
} satisfies { [M in Method]: z.ZodType<Input<M>> };
