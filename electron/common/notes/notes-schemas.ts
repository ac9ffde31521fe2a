import { z } from 'zod';
import { HIGHLIGHT_COLORS } from './notes-types';
import { characterNumber, cleanTag, hasVisibleCharacter, loneSurrogateAt } from './user-text';

/** Schema pieces of the notes API, used by ipc/contract/*-schemas.ts. Bounds keep one call small. */

export const userItemId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Ids of highlights, notes and bookmarks are UUIDs');

/** Offsets into a document text (UTF-16 code units). */
export const textOffset = z.number().int().min(0).max(1_000_000_000);

export const highlightColor = z.enum(HIGHLIGHT_COLORS);

/**
 * Refuses text with half of a UTF-16 surrogate pair (see user-text.ts), saying where it is;
 * `where: false` leaves the position out (passphrases: a message never describes them).
 */
export function wellFormed<S extends z.ZodType<string>>(schema: S, what: string, where = true): S {
  return schema.superRefine((text, ctx) => {
    const at = loneSurrogateAt(text);
    if (at < 0) return;
    const place = where ? `, at character ${characterNumber(text, at).toLocaleString('en-US')}` : '';
    ctx.addIssue({
      code: 'custom',
      message: `${what} cannot contain a broken character (half of a UTF-16 surrogate pair${place}): it would be stored as “\uFFFD”. Delete it, or paste the text again from its source.`,
    });
  }) as unknown as S;
}

/** Markdown notes: generous, but bounded so one call stays small. */
export const noteText = wellFormed(z.string().max(200_000, 'Notes are limited to 200,000 characters'), 'Notes');

const tagText = wellFormed(z.string().max(64, 'Tags are limited to 64 characters').regex(/^[^\p{Cc}]*$/u, 'Tags cannot contain control characters'), 'Tags');

/** A tag as given; it is stored cleaned (cleanTag): invisible and direction-control characters dropped. */
export const tagName = tagText
  .refine((tag) => /\P{White_Space}/u.test(tag), 'Tags cannot be empty')
  .refine(
    (tag) => hasVisibleCharacter(cleanTag(tag)),
    'A tag needs at least one visible letter, digit or symbol: invisible and text-direction characters do not count',
  );

/** The start of a tag, typed so far (suggestions): anything a tag may hold, even nothing visible yet. */
export const tagPrefix = tagText;

export const tagList = z.array(tagName).max(64, 'At most 64 tags per item');

export const bookmarkLabel = wellFormed(z.string().max(300, 'Bookmark labels are limited to 300 characters'), 'Bookmark labels');

export const notebookText = wellFormed(z.string().max(1000, 'Notebook searches are limited to 1,000 characters'), 'Notebook searches');
