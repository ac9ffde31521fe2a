import fs from 'node:fs';
import path from 'node:path';

export type SourceFile = {
  /** Relative to the sources root, with forward slashes. */
  relativePath: string;
  absolutePath: string;
};

/** Name of the optional corpus description file at the root of a sources folder. */
export const CORPUS_DESCRIPTION_FILE = 'carrel-corpus.json';

/**
 * Lists every regular file below root in a stable (code point) order. Symbolic links are
 * not followed, so nothing outside the folder is ever read.
 */
export function listSourceFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string, prefix: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
      const absolutePath = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(absolutePath, relativePath);
      else if (entry.isFile() && relativePath !== CORPUS_DESCRIPTION_FILE) files.push({ relativePath, absolutePath });
    }
  };
  walk(root, '');
  return files;
}
