import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { USER_SCHEMA_VERSION } from '../../../../electron/node/user-store/migrations';
import { openUserStore } from '../../../../electron/node/user-store/open-user-store';
import { FIXTURES } from '../../../harness/paths';
import { makeWorkspace, value } from '../services/user-data-fixture';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l), progress: () => {} };
}

const workspace = makeWorkspace('carrel-notes-cli-');
let corpus: string;

beforeAll(async () => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
  const { table, services } = workspace.services(corpus);
  value(await table.createHighlight({ documentId: 'notes', start: 0, end: 5, color: 'yellow', note: 'first' }));
  const gone = value(await table.createHighlight({ documentId: 'notes', start: 6, end: 8, color: 'blue' }));
  value(await table.deleteHighlight({ id: gone.id }));
  value(await table.createDocumentNote({ documentId: 'brief', body: 'brief note' }));
  services.close();
});
afterAll(() => workspace.close());

describe('carrel notes', () => {
  it('checks a notes database read-only: version, integrity, counts', async () => {
    const before = fs.readFileSync(workspace.userDbFile);
    const out = capture();
    expect(await main(['notes', 'check', '--user-db', workspace.userDbFile], out)).toBe(0);
    expect(out.lines).toContain(`Schema version: ${USER_SCHEMA_VERSION} (this Carrel knows ${USER_SCHEMA_VERSION})`);
    expect(out.lines).toContain('Integrity: ok');
    // The deleted highlight was erased when the services closed (deleted-items.test.ts).
    expect(out.lines).toContain('Highlights: 1');
    expect(out.lines).toContain('Document notes: 1');
    expect(out.lines.find((line) => line.startsWith('Backups:'))).toMatch(/^Backups: 0 before migrations, \d+ daily, 0 automatic, 0 manual, 0 set aside, in /);
    expect(fs.readFileSync(workspace.userDbFile).equals(before)).toBe(true);
  });

  it('exports the notes of a corpus as W3C Web Annotations', async () => {
    const file = path.join(workspace.dir, 'export.jsonld');
    const out = capture();
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus, '--out', file], out)).toBe(0);
    expect(out.lines).toEqual([`Exported 2 annotations to ${file}`]);
    const collection = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 2 });
  });

  it('exports Markdown, CSV and a BibTeX bibliography, filtered by document', async () => {
    const md = path.join(workspace.dir, 'notes.md');
    const out = capture();
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus, '--format', 'markdown', '--document', 'notes', '--style', 'mla', '--out', md], out)).toBe(0);
    expect(out.lines).toEqual([`Exported 1 notebook entry to ${md}`]);
    expect(fs.readFileSync(md, 'utf8')).toMatch(/^# Notebook: Small\n/);
    expect(fs.readFileSync(md, 'utf8')).not.toContain('brief note');
    const csv = path.join(workspace.dir, 'notes.csv');
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus, '--format', 'csv', '--out', csv], capture())).toBe(0);
    expect(fs.readFileSync(csv, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(3);
    const bib = path.join(workspace.dir, 'notes.bib');
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus, '--format', 'bibtex', '--out', bib], capture())).toBe(0);
    expect((fs.readFileSync(bib, 'utf8').match(/^@/gm) ?? []).length).toBe(2);
    const noOut = capture();
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--format', 'csv'], noOut)).toBe(2);
    expect(noOut.errors.join('\n')).toContain('--out is needed for csv');
  });

  it('exports Markdown with --only and --group-by, and refuses them for other formats or unknown values', async () => {
    const args = (file: string, ...more: string[]) => ['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus, '--format', 'markdown', ...more, '--out', file];
    const highlights = path.join(workspace.dir, 'highlights-by-tag.md');
    const out = capture();
    expect(await main(args(highlights, '--only', 'highlights', '--group-by', 'tag'), out)).toBe(0);
    expect(out.lines).toEqual([`Exported 1 notebook entry to ${highlights}`]);
    const byTag = fs.readFileSync(highlights, 'utf8');
    expect(byTag).toContain('\nHighlights only: ');
    expect(byTag).toContain('\n## Untagged\n');
    expect(byTag).toContain('\n## References\n');
    expect(byTag).not.toContain('first');
    expect(byTag).not.toContain('brief note');
    const notes = path.join(workspace.dir, 'notes-by-colour.md');
    expect(await main(args(notes, '--only', 'notes', '--group-by', 'colour'), capture())).toBe(0);
    const byColour = fs.readFileSync(notes, 'utf8');
    expect(byColour).toMatch(/\n## Yellow\n\n### .+\n\nOn “.+” — .+\n\nfirst\n/);
    expect(byColour).toMatch(/\n## Document notes\n\n### .+\n\nbrief note\n/);
    for (const [wrong, message] of [
      [['--group-by', 'shade'], 'Unknown --group-by "shade"'],
      [['--only', 'quotes'], 'Unknown --only "quotes"'],
    ] as const) {
      const refused = capture();
      expect(await main(args(path.join(workspace.dir, 'x.md'), ...wrong), refused)).toBe(2);
      expect(refused.errors.join('\n')).toContain(message);
    }
    const csv = capture();
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus, '--format', 'csv', '--only', 'notes', '--out', path.join(workspace.dir, 'x.csv')], csv)).toBe(2);
    expect(csv.errors.join('\n')).toContain('--only and --group-by are options of --format markdown');
    expect(fs.existsSync(path.join(workspace.dir, 'x.md')) || fs.existsSync(path.join(workspace.dir, 'x.csv'))).toBe(false);
  }, 30_000);

  it('imports a W3C export into another notes database and prints the report; --dry-run changes nothing', async () => {
    const file = path.join(workspace.dir, 'for-import.jsonld');
    expect(await main(['notes', 'export', '--user-db', workspace.userDbFile, '--corpus', corpus, '--out', file], capture())).toBe(0);
    const other = path.join(workspace.dir, 'other', 'carrel-user.sqlite');
    openUserStore(other).close();
    const dry = capture();
    expect(await main(['notes', 'import', file, '--user-db', other, '--corpus', corpus, '--dry-run'], dry)).toBe(0);
    expect(dry.lines).toEqual(['Dry run, nothing changed: 2 imported, 0 already here.']);
    const real = capture();
    expect(await main(['notes', 'import', file, '--user-db', other, '--corpus', corpus], real)).toBe(0);
    expect(real.lines).toEqual(['2 imported, 0 already here.']);
    const again = capture();
    expect(await main(['notes', 'import', file, '--user-db', other, '--corpus', corpus], again)).toBe(0);
    expect(again.lines).toEqual(['0 imported, 2 already here.']);
  });

  it('explains what is wrong instead of failing obscurely', async () => {
    const missingArg = capture();
    expect(await main(['notes', 'export'], missingArg)).toBe(2);
    expect(missingArg.errors.join('\n')).toContain('Usage: carrel notes export');
    const missingFile = capture();
    expect(await main(['notes', 'check', '--user-db', path.join(workspace.dir, 'nope.sqlite')], missingFile)).toBe(1);
    expect(missingFile.errors.join('\n')).toContain('No notes database');

    const newer = path.join(workspace.dir, 'newer', 'carrel-user.sqlite');
    const store = openUserStore(newer);
    store.db.pragma(`user_version = ${USER_SCHEMA_VERSION + 1}`);
    store.close();
    const check = capture();
    expect(await main(['notes', 'check', '--user-db', newer], check)).toBe(0);
    expect(check.lines.join('\n')).toContain('the file is from a newer Carrel');
    const exported = capture();
    expect(await main(['notes', 'export', '--user-db', newer, '--corpus', corpus], exported)).toBe(1);
    expect(exported.errors.join('\n')).toContain('newer version of Carrel');
  });
});
