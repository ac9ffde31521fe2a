import { z } from 'zod';
import type { Input, Method } from './ipc-contract';

const documentId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[\p{L}\p{N}._\-/]+$/u, 'Document ids contain letters, digits, ".", "_", "-" and "/" only');

const query = z.string().max(1000, 'Queries are limited to 1,000 characters');

/** Argument schema of every method; main validates each call with these before any service runs. */
export const INPUT_SCHEMAS = {
  getCorpusInfo: z.undefined(),
  listDocuments: z.undefined(),
  getDocument: z.object({ id: documentId }).strict(),
  search: z.object({ query: query, limit: z.number().int().min(1).max(500).optional() }).strict(),
  findInDocument: z.object({ id: documentId, query: query }).strict(),
} satisfies { [M in Method]: z.ZodType<Input<M>> };
