import { z } from 'zod';
import { wellFormed } from '../notes/notes-schemas';
import { CSL_TYPES } from './citation-types';

/** A full web address (scheme and host, no spaces), checked by the URL parser rather than a pattern. */
function isWebAddress(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return ['http:', 'https:', 'ftp:'].includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Schemas of bibliographic details: the dialog's fields (IPC) and the CSL-JSON kept in the notes database. */

const field = (what: string, max: number) =>
  wellFormed(z.string().max(max, `${what} is limited to ${max.toLocaleString('en-US')} characters`).regex(/^[^\p{Cc}]*$/u, `${what} cannot contain control characters`), what);

export const DETAILS_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const documentDetailsInput = z
  .object({
    type: z.enum(CSL_TYPES),
    title: field('The title', 1000).refine((title) => title.trim().length > 0, 'A title is needed'),
    authors: z.array(field('A name', 300)).max(100, 'At most 100 authors'),
    date: field('The date', 10).refine((date) => date === '' || DETAILS_DATE.test(date), 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD'),
    containerTitle: field('The source or outlet', 1000),
    publisher: field('The publisher', 500),
    // Kept as text for the citation only: Carrel never opens it.
    url: field('The address', 2000).refine((url) => url === '' || isWebAddress(url), 'Write the address in full, with its scheme (https, http or ftp) and its site'),
    page: field('The page range', 50),
  })
  .strict();

const cslName = z
  .object({ family: z.string().max(300).optional(), given: z.string().max(300).optional(), literal: z.string().max(300).optional() })
  .strict();

/** The CSL-JSON kept for a document (what the service wrote, checked again when read). */
export const storedCslItem = z
  .object({
    id: z.string().max(600),
    type: z.enum(CSL_TYPES),
    title: z.string().max(1000),
    author: z.array(cslName).max(100).optional(),
    issued: z
      .object({
        'date-parts': z.array(z.tuple([z.number().int(), z.number().int().optional(), z.number().int().optional()])).max(2).optional(),
        raw: z.string().max(100).optional(),
      })
      .strict()
      .optional(),
    'container-title': z.string().max(1000).optional(),
    publisher: z.string().max(500).optional(),
    URL: z.string().max(2000).optional(),
    page: z.string().max(50).optional(),
    language: z.string().max(35).optional(),
  })
  .strict();
