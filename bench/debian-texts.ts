import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readZText } from './sword-reader';

export const DATA_DIR = path.resolve(__dirname, 'data');
export const PACKAGES = ['sword-text-kjv', 'sword-text-web', 'dict-gcide'] as const;

/**
 * Fetches the Debian packages of the texts with `apt-get download` (once; they stay in
 * bench/data, which is never committed) and unpacks them with dpkg-deb. `names`: only those
 * (a bench that reads GCIDE alone needs no Bible).
 */
export function ensurePackages(log: (line: string) => void, names: readonly (typeof PACKAGES)[number][] = PACKAGES): string {
  const debs = path.join(DATA_DIR, 'debs');
  const root = path.join(DATA_DIR, 'pkgs');
  fs.mkdirSync(debs, { recursive: true });
  for (const name of names) {
    const unpacked = path.join(root, name);
    if (fs.existsSync(path.join(unpacked, '.done'))) continue;
    let deb = fs.readdirSync(debs).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
    if (!deb) {
      log(`Fetching ${name} with apt-get download …`);
      execFileSync('apt-get', ['download', name], { cwd: debs, stdio: ['ignore', 'ignore', 'inherit'] });
      deb = fs.readdirSync(debs).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
      if (!deb) throw new Error(`apt-get download ${name} produced no .deb (run apt-get update first?)`);
    }
    fs.rmSync(unpacked, { recursive: true, force: true });
    fs.mkdirSync(unpacked, { recursive: true });
    execFileSync('dpkg-deb', ['-x', path.join(debs, deb), unpacked]);
    fs.writeFileSync(path.join(unpacked, '.done'), deb);
  }
  return root;
}

const SWORD_MODULES = { kjv: ['sword-text-kjv', 'engKJV2006eb'], web: ['sword-text-web', 'engWEB2015eb'] } as const;

/**
 * Verses by OSIS reference (`Matt.1.5`). The chapter heading slot carries the chapter's
 * osisID; verse n is the n-th slot after it, as in the module's versification.
 */
export function readBible(root: string, which: keyof typeof SWORD_MODULES): Map<string, string> {
  const [pkg, module] = SWORD_MODULES[which];
  const dir = path.join(root, pkg, 'usr/share/sword/modules/texts/ztext', module);
  const verses = new Map<string, string>();
  for (const testament of ['ot', 'nt'] as const) {
    let chapter: string | undefined;
    let verse = 0;
    for (const slot of readZText(dir, testament)) {
      const heading = /<chapter\b[^>]*\bosisID="([^"]+)"[^>]*\bsID=/.exec(slot) ?? /<chapter\b[^>]*\bsID="[^"]*"[^>]*\bosisID="([^"]+)"/.exec(slot);
      if (heading) {
        chapter = heading[1];
        verse = 0;
        continue;
      }
      if (/<div\b(?=[^>]*\btype="book")(?=[^>]*\bsID=)/.test(slot)) {
        chapter = undefined;
        continue;
      }
      if (!chapter) continue;
      verse++;
      const text = osis(slot);
      if (text !== '') verses.set(`${chapter}.${verse}`, text);
    }
  }
  return verses;
}

/** Plain text of an OSIS verse: notes and titles dropped, other markup removed. */
function osis(slot: string): string {
  return slot
    .replace(/<note\b[\s\S]*?<\/note>/g, ' ')
    .replace(/<title\b[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

export type DictionaryEntry = { headword: string; text: string };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (s: string) => [...s].reduce((v, c) => v * 64 + B64.indexOf(c), 0);

/** GCIDE entries from the dictd files (the .dict.dz is dictzip, i.e. gzip), each entry once. */
export function readGcide(root: string): DictionaryEntry[] {
  const dir = path.join(root, 'dict-gcide', 'usr/share/dictd');
  const data = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'gcide.dict.dz')));
  const seen = new Set<string>();
  const entries: DictionaryEntry[] = [];
  for (const line of fs.readFileSync(path.join(dir, 'gcide.index'), 'utf8').split('\n')) {
    const [headword, offset, length] = line.split('\t');
    if (!headword || !offset || !length || headword.startsWith('00-database')) continue;
    const key = `${offset}/${length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = data.subarray(b64(offset), b64(offset) + b64(length)).toString('utf8').trim();
    const title = /^(.*?)\s\\/.exec(text)?.[1] ?? headword;
    entries.push({ headword: title.trim() || headword, text });
  }
  return entries;
}

/**
 * Writes dictionary entries as one text file each (headword, blank line, text), 1,000 files
 * per folder, as a user's folder of sources would be split. Replaces whatever `dir` held.
 */
export function writeEntriesAsFiles(entries: readonly DictionaryEntry[], dir: string, log: (line: string) => void): void {
  fs.rmSync(dir, { recursive: true, force: true });
  log(`Writing ${entries.length} GCIDE entries as files …`);
  entries.forEach((entry, i) => {
    const folder = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${String(i).padStart(6, '0')}.txt`), `${entry.headword}\n\n${entry.text}\n`);
  });
}
