import fs from 'node:fs';
import path from 'node:path';
import { decodeFileName, escapeFileName } from './file-names';
import type { SkipReason } from './parse-source';

export type SourceFile = {
  /** Relative to the sources root, with forward slashes. */
  relativePath: string;
  absolutePath: string;
  /** Size in bytes when listed (0 for entries that are skipped). */
  size: number;
  /** Why this entry is not read at all, if so. */
  skip?: { reason: SkipReason; message: string };
};

/** Name of the optional corpus description file at the root of a sources folder. */
export const CORPUS_DESCRIPTION_FILE = 'carrel-corpus.json';

/**
 * Lists every entry below root in a stable (code unit) order: regular files to read, and
 * the entries that are not read with the reason. Symbolic links are never followed (a link
 * could lead out of the folder), nor hidden folders such as .git walked.
 */
export function listSourceEntries(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string, prefix: string) => {
    let entries: fs.Dirent<Buffer>[];
    try {
      // Names as bytes: one that is not UTF-8 would otherwise come back with U+FFFD, naming no file.
      entries = fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      files.push({ relativePath: prefix, absolutePath: dir, size: 0, skip: { reason: 'unreadable', message: `folder cannot be read (${(error as NodeJS.ErrnoException).code})` } });
      return;
    }
    const named = entries.map((entry) => {
      const name = decodeFileName(entry.name);
      return { entry, name: name ?? escapeFileName(entry.name), valid: name !== undefined };
    });
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { entry, name, valid } of named) {
      const relativePath = prefix ? `${prefix}/${name}` : name;
      const absolutePath = path.join(dir, name);
      const skipped = (reason: SkipReason, message: string) => files.push({ relativePath, absolutePath, size: 0, skip: { reason, message } });
      if (relativePath === CORPUS_DESCRIPTION_FILE) continue;
      if (!valid) {
        // Shown with its bad bytes escaped; a folder's files are not read either (their paths could not be stored).
        skipped('invalid-file-name', `${entry.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8 (bad bytes shown as \\xHH)`);
      } else if (entry.isSymbolicLink()) skipped('symlink', 'symbolic link, not followed');
      else if (entry.isDirectory()) {
        if (name.startsWith('.')) skipped('unsupported-type', 'hidden folder, not read');
        else walk(absolutePath, relativePath);
      } else if (entry.isFile()) {
        const size = fs.lstatSync(absolutePath, { throwIfNoEntry: false })?.size ?? 0;
        files.push({ relativePath, absolutePath, size });
      } else skipped('not-a-file', 'not a regular file');
    }
  };
  walk(root, '');
  return files;
}

/** The regular files below root that a build reads (see listSourceEntries). */
export function listSourceFiles(root: string): SourceFile[] {
  return listSourceEntries(root).filter((file) => !file.skip);
}
