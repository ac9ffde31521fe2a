import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** How many corpora "Recent corpora" remembers. */
export const RECENT_CORPORA_MAX = 10;

const entrySchema = z.object({
  file: z.string().min(1),
  corpusId: z.string(),
  title: z.string(),
  documentCount: z.number().int().min(0),
  openedAt: z.string(),
});
const fileSchema = z.object({ version: z.literal(1), corpora: z.array(entrySchema) });

export type RecentCorpusEntry = z.infer<typeof entrySchema>;

export type RecentCorpora = {
  /** Most recently opened first. */
  list(): RecentCorpusEntry[];
  /** Puts the corpus first (replacing an entry for the same file) and saves the list. */
  remember(entry: RecentCorpusEntry): void;
  find(file: string): RecentCorpusEntry | undefined;
  /** Takes a file off the list (the file itself is left alone). */
  forget(file: string): void;
};

/**
 * The list of corpus files opened or built before, kept in a small JSON file beside the
 * notes database (paths and titles only, no notes). A missing or unreadable list is an
 * empty one: losing it loses no work. Written to a temporary file and renamed into place.
 */
export function openRecentCorpora(file: string | undefined): RecentCorpora {
  let entries = file ? readList(file) : [];
  return {
    list: () => entries.slice(),
    find: (wanted) => entries.find((entry) => entry.file === path.resolve(wanted)),
    remember(entry) {
      const resolved = { ...entry, file: path.resolve(entry.file) };
      entries = [resolved, ...entries.filter((e) => e.file !== resolved.file)].slice(0, RECENT_CORPORA_MAX);
      if (file) writeList(file, entries);
    },
    forget(wanted) {
      const resolved = path.resolve(wanted);
      entries = entries.filter((e) => e.file !== resolved);
      if (file) writeList(file, entries);
    },
  };
}

function readList(file: string): RecentCorpusEntry[] {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.corpora.slice(0, RECENT_CORPORA_MAX) : [];
  } catch {
    return [];
  }
}

function writeList(file: string, corpora: RecentCorpusEntry[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, `${JSON.stringify({ version: 1, corpora }, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
