import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { FIXTURES } from '../../../harness/paths';
import { makeWorkspace, value } from '../services/user-data-fixture';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l), progress: () => {} };
}

const workspace = makeWorkspace('carrel-backup-cli-');
const db = workspace.userDbFile;
let corpus: string;

beforeAll(async () => {
  corpus = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
  const { table, services } = workspace.services(corpus);
  value(await table.createHighlight({ documentId: 'notes', start: 0, end: 5, color: 'yellow', note: 'BACKUP-CLI first' }));
  services.close();
});
afterAll(() => workspace.close());

describe('carrel notes backup, backups, restore', { timeout: 60_000 }, () => {
  it('backs up, lists with kind and contents, and restores a damaged file keeping it aside', async () => {
    const made = capture();
    expect(await main(['notes', 'backup', '--user-db', db], made)).toBe(0);
    expect(made.lines[0]).toMatch(/^Backed up to .*backups\/carrel-user-manual-.*\.sqlite$/);
    const name = path.basename(made.lines[0]!.replace(/^Backed up to /, ''));
    expect(fs.existsSync(path.join(path.dirname(db), 'backups', name))).toBe(true);

    const listed = capture();
    expect(await main(['notes', 'backups', '--user-db', db], listed)).toBe(0);
    // The manual one, and the daily copy the first opening of the day made.
    expect(listed.lines[0]).toMatch(/^2 backups in .*backups, newest first:$/);
    expect(listed.lines.find((line) => line.includes(' daily '))).toMatch(/ daily  \d+ KB  1 highlights/);
    expect(listed.lines.find((line) => line.startsWith(name))).toMatch(new RegExp(`^${name.replace(/[.]/g, '\\.')}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC  manual  \\d+ KB  1 highlights, 0 notes, 0 bookmarks$`));
    const json = capture();
    expect(await main(['notes', 'backups', '--user-db', db, '--json'], json)).toBe(0);
    expect(JSON.parse(json.lines.join('\n')).backups).toContainEqual(expect.objectContaining({ name, kind: 'manual', usable: true }));

    // The notes file is damaged: restore brings the backup back and keeps the damaged file aside.
    fs.writeFileSync(db, Buffer.alloc(8192, 0x55));
    fs.rmSync(`${db}-wal`, { force: true });
    fs.rmSync(`${db}-shm`, { force: true });
    const restored = capture();
    expect(await main(['notes', 'restore', name, '--user-db', db], restored)).toBe(0);
    expect(restored.lines.join('\n')).toMatch(/restored from the backup you made of .*kept in backups\/ as carrel-user-aside-/);
    const check = capture();
    expect(await main(['notes', 'check', '--user-db', db], check)).toBe(0);
    expect(check.lines).toContain('Highlights: 1');
    expect(check.lines.find((line) => line.startsWith('Backups:'))).toMatch(/1 manual, 1 set aside/);
  });

  it('refuses what it cannot do, in words', async () => {
    const unknown = capture();
    expect(await main(['notes', 'restore', 'carrel-user-manual-nope.sqlite', '--user-db', db], unknown)).toBe(1);
    expect(unknown.errors.join('\n')).toMatch(/no backup named carrel-user-manual-nope\.sqlite/);
    const usage = capture();
    expect(await main(['notes', 'restore', '--user-db', db], usage)).toBe(2);
    expect(usage.errors.join('\n')).toContain('Usage: carrel notes restore');
    const missing = capture();
    expect(await main(['notes', 'backups', '--user-db', path.join(workspace.dir, 'none', 'x.sqlite')], missing)).toBe(1);
    expect(missing.errors.join('\n')).toContain('No notes database');
  });
});
