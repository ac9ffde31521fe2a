import { z } from 'zod';
import { DOCUMENT_ID_MAX_LENGTH, DOCUMENT_ID_PATTERN } from '../../corpus/document-id';

/** Schema pieces more than one feature's arguments use. */

export const documentId = z
  .string()
  .min(1)
  .max(DOCUMENT_ID_MAX_LENGTH)
  .regex(DOCUMENT_ID_PATTERN, 'Document ids contain letters, digits, ".", "_", "-" and "/" only');

export const query = z.string().max(1000, 'Queries are limited to 1,000 characters');

/** A corpus file main listed (checked again against its own list). */
export const corpusFile = z.string().min(1).max(4096);
