import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CORPUS_DESCRIPTION_FILE } from './read-source-files';
import { FileRefused, readRegularFile } from './read-regular-file';
import { sha256Hex } from './sha256';

const descriptionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,127}$/).optional(),
  title: z.string().min(1).max(300).optional(),
});

/** A description is a line or two of JSON; anything larger is not one. */
const DESCRIPTION_MAX_BYTES = 64 * 1024;

export type CorpusDescription = { id: string; title: string; raw: string };

/**
 * The corpus id keys a user's notes, so it must survive edits of the documents: it comes
 * from carrel-corpus.json or, failing that, from the title, never from the content.
 */
export function readCorpusDescription(sourcesDir: string, titleOverride?: string): CorpusDescription {
  const file = path.join(sourcesDir, CORPUS_DESCRIPTION_FILE);
  let raw = '';
  let parsed: z.infer<typeof descriptionSchema> = {};
  if (fs.existsSync(file)) {
    try {
      raw = readRegularFile(file, DESCRIPTION_MAX_BYTES).toString('utf8');
    } catch (error) {
      const why = error instanceof FileRefused ? error.message : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      throw new Error(`${CORPUS_DESCRIPTION_FILE} cannot be used: ${why}`);
    }
    const result = descriptionSchema.safeParse(JSON.parse(raw));
    if (!result.success) throw new Error(`${CORPUS_DESCRIPTION_FILE} is invalid: ${result.error.issues[0]?.message}`);
    parsed = result.data;
  }
  const title = titleOverride?.trim() || parsed.title || path.basename(path.resolve(sourcesDir));
  const id = parsed.id ?? `corpus-${sha256Hex(title).slice(0, 16)}`;
  return { id, title, raw };
}
