import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeWholeFile } from '../files/write-whole-file';
import { pidBetween, removeLeftoverPidFiles } from '../files/leftover-pid-files';

/** How many corpora "Recent corpora" remembers. */
export const RECENT_CORPORA_MAX = 10;

const entrySchema = z.object({
  file: z.string().min(1),
  corpusId: z.string(),
  title: z.string(),
  documentCount: z.number().int().min(0),
  openedAt: z.string(),
  /** Built in the app and not opened since: the list says "built", not "last opened". */
  builtOnly: z.boolean().optional(),
  /** The folder a corpus built in the app was built from, so that it can be rebuilt. */
  sourcesDir: z.string().min(1).optional(),
});
const fileSchema = z.object({ version: z.literal(1), corpora: z.array(entrySchema) });

export type RecentCorpusEntry = z.infer<typeof entrySchema>;

export type RecentCorpora = {
  /** Most recently opened first. */
  list(): RecentCorpusEntry[];
  /**
   * Puts the corpus first (replacing an entry for the same file) and saves the list. A list
   * that cannot be saved is kept in memory and saveProblem() says why: never an exception.
   */
  remember(entry: RecentCorpusEntry): void;
  find(file: string): RecentCorpusEntry | undefined;
  /** Takes a file off the list (the file itself is left alone). */
  forget(file: string): void;
  /** Why the last save failed, in words for the user; undefined once a save succeeds. */
  saveProblem(): string | undefined;
};

/**
 * The list of corpus files opened or built before, kept in a small JSON file beside the
 * notes database (paths and titles only, no notes). A missing or unreadable list is an
 * empty one: losing it loses no work. Written to a temporary file and renamed into place;
 * temporary files left by a crash are removed when the list is opened.
 */
export function openRecentCorpora(file: string | undefined): RecentCorpora {
  if (file) removeLeftoverTempFiles(file);
  let entries = file ? readList(file) : [];
  let problem: string | undefined;
  const failed = (error: unknown) =>
    `Carrel could not save the list of recent corpora: ${writeFailure(file!, error)}. Corpora open as usual; the list is kept until Carrel closes.`;
  // Something other than a file in its place can never be saved over: said before the first save is tried.
  const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
  if (stat && !stat.isFile()) problem = failed({ code: stat.isDirectory() ? 'EISDIR' : 'EEXIST' });
  const save = () => {
    if (!file) return;
    try {
      writeList(file, entries);
      problem = undefined;
    } catch (error) {
      problem = failed(error);
    }
  };
  return {
    list: () => entries.slice(),
    find: (wanted) => entries.find((entry) => entry.file === path.resolve(wanted)),
    remember(entry) {
      const resolved = { ...entry, file: path.resolve(entry.file) };
      // A corpus reopened keeps the sources folder it was built from.
      const sourcesDir = entry.sourcesDir ?? entries.find((e) => e.file === resolved.file)?.sourcesDir;
      const next = sourcesDir ? { ...resolved, sourcesDir } : resolved;
      entries = [next, ...entries.filter((e) => e.file !== resolved.file)].slice(0, RECENT_CORPORA_MAX);
      save();
    },
    forget(wanted) {
      const resolved = path.resolve(wanted);
      entries = entries.filter((e) => e.file !== resolved);
      save();
    },
    saveProblem: () => problem,
  };
}

/** Why a write failed, said for a user: the cause they can act on, not an error code. */
export function writeFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const dir = path.dirname(file);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return `Carrel is not allowed to write in ${dir}`;
    case 'EROFS':
      return `${dir} is on a read-only disk`;
    case 'EISDIR':
      return `${file} is a folder, not a file`;
    case 'EEXIST':
      return `${file} is not a file`;
    case 'ENOTDIR':
      return `a part of ${dir} is a file, not a folder`;
    case 'ENOENT':
      // The folder chosen in the dialog was moved or removed (an unplugged drive) before the write.
      return `the folder ${dir} no longer exists`;
    default:
      return `writing ${file} failed (${code ?? (error as Error).message})`;
  }
}

function readList(file: string): RecentCorpusEntry[] {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.corpora.slice(0, RECENT_CORPORA_MAX) : [];
  } catch {
    return [];
  }
}

const tempFileOf = (file: string, pid: number) => `${file}.tmp-${pid}`;

function writeList(file: string, corpora: RecentCorpusEntry[]): void {
  // A half-written copy (a full disk) is not left behind.
  writeWholeFile(file, tempFileOf(file, process.pid), `${JSON.stringify({ version: 1, corpora }, null, 2)}\n`);
}


/**
 * Removes `<list>.tmp-<pid>` files left by a Carrel that stopped while saving. One of this
 * process's pid cannot be in use yet (a reused pid after a crash); one of another running
 * process may be a save under way, and is left for next time.
 */
function removeLeftoverTempFiles(file: string): void {
  const prefix = `${path.basename(file)}.tmp-`;
  removeLeftoverPidFiles(path.dirname(file), (name) => pidBetween(name, prefix));
}
