import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { FIXTURES } from '../../../harness/paths';

function capture(): Output & { lines: string[]; errors: string[]; progressLines: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  const progressLines: string[] = [];
  return { lines, errors, progressLines, log: (l) => lines.push(l), error: (l) => errors.push(l), progress: (l) => progressLines.push(l) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-cli-'));
  dirs.push(dir);
  const sources = path.join(dir, 'sources');
  fs.cpSync(path.join(FIXTURES, 'corpus-small'), sources, { recursive: true });
  return { sources, out: path.join(dir, 'out', 'corpus.sqlite') };
}

describe('carrel corpus build / ensure', () => {
  it('builds a corpus and prints a summary', async () => {
    const { sources, out } = workspace();
    const output = capture();
    expect(await main(['corpus', 'build', sources, '--out', out, '--title', 'Fixture'], output)).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    const text = output.lines.join('\n');
    expect(text).toMatch(/corpus "Fixture"/);
    expect(text).toMatch(/3 document\(s\) added, 0 file\(s\) skipped; [\d.]+ KB read in [\d.]+ s \([\d.]+ MB\/s\)/);
    expect(text).toMatch(/Corpus SHA-256 \(manifest\): [0-9a-f]{64}/);
    expect(output.progressLines.some((l) => /^ {2}3\/3 files, [\d.]+ KB, [\d.]+ MB\/s, reading ETA 0 s, then indexing$/.test(l))).toBe(true);
    expect(output.progressLines.some((l) => /indexing/.test(l))).toBe(true);
  });

  it('lists every skipped file under its reason, and takes --max-file-mb', async () => {
    const { sources, out } = workspace();
    fs.writeFileSync(path.join(sources, 'big.txt'), `Big\n\n${'x'.repeat(200 * 1024)}`);
    fs.writeFileSync(path.join(sources, 'bad.txt'), Buffer.from([0xc3, 0x28]));
    fs.writeFileSync(path.join(sources, 'picture.png'), 'PNG');
    fs.writeFileSync(path.join(sources, 'esc\u001b[31m.txt'), 'Escapes\n');
    const output = capture();
    expect(await main(['corpus', 'build', sources, '--out', out, '--max-file-mb', '0.1'], output)).toBe(0);
    const text = output.lines.join('\n');
    expect(text).toContain('4 document(s) added, 3 file(s) skipped');
    expect(text).toContain('Skipped, too large (1):\n  big.txt: 0.2 MB, over the 0.1 MB limit');
    expect(text).toContain('Skipped, invalid UTF-8 (1):\n  bad.txt: not valid UTF-8 text');
    expect(text).toContain('Skipped, unsupported type (1):\n  picture.png: unsupported file type ".png"');
    expect(text).not.toContain('\u001b');

    const refused = capture();
    expect(await main(['corpus', 'build', sources, '--out', out, '--max-file-mb', 'lots'], refused)).toBe(1);
    expect(refused.errors[0]).toMatch(/--max-file-mb must be a positive number/);
  });

  it('ensure builds when missing, skips when current, rebuilds when a source changes', async () => {
    const { sources, out } = workspace();
    const first = capture();
    await main(['corpus', 'ensure', sources, '--out', out], first);
    expect(first.lines[0]).toMatch(/missing or stale/);
    const second = capture();
    await main(['corpus', 'ensure', sources, '--out', out], second);
    expect(second.lines).toEqual([`Corpus ${out} is up to date.`]);
    fs.appendFileSync(path.join(sources, 'notes.txt'), '\nAn added line.\n');
    const third = capture();
    await main(['corpus', 'ensure', sources, '--out', out], third);
    expect(third.lines[0]).toMatch(/missing or stale/);
  });

  it('ensure rebuilds a corpus of format 6, whose index predates the folding of Uthmani spelling', async () => {
    const { sources, out } = workspace();
    await main(['corpus', 'ensure', sources, '--out', out], capture());
    const db = openDatabase(out);
    db.pragma('user_version = 6');
    db.close();
    const output = capture();
    expect(await main(['corpus', 'ensure', sources, '--out', out], output)).toBe(0);
    expect(output.lines[0]).toMatch(/missing or stale/);
    const rebuilt = openDatabase(out, { readonly: true });
    expect(rebuilt.pragma('user_version', { simple: true })).toBeGreaterThan(6);
    rebuilt.close();
  });

  it('rebuilds a corrupt corpus file', async () => {
    const { sources, out } = workspace();
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, 'garbage');
    const output = capture();
    expect(await main(['corpus', 'ensure', sources, '--out', out], output)).toBe(0);
    expect(output.lines[0]).toMatch(/missing or stale/);
  });

  it('explains usage and errors with a non-zero exit', async () => {
    const usage = capture();
    expect(await main(['corpus', 'build'], usage)).toBe(2);
    expect(usage.errors[0]).toMatch(/Usage: carrel corpus build/);
    const unknown = capture();
    expect(await main(['frobnicate'], unknown)).toBe(2);
    const missing = capture();
    expect(await main(['corpus', 'build', '/no/such/folder', '--out', '/tmp/x.sqlite'], missing)).toBe(1);
    expect(missing.errors[0]).toMatch(/Sources folder not found/);
  });
});

describe('carrel corpus verify', () => {
  it('says a corpus is intact, then names a document whose text was changed', async () => {
    const { sources, out } = workspace();
    await main(['corpus', 'build', sources, '--out', out], capture());
    const intact = capture();
    expect(await main(['corpus', 'verify', out], intact)).toBe(0);
    expect(intact.lines.join('\n')).toMatch(/File SHA-256: [0-9a-f]{64}\n.*\n {2}Intact: all 3 documents match the manifest\./);

    const db = openDatabase(out);
    db.prepare("UPDATE documents SET text = text || ' edited' WHERE id = 'arabic'").run();
    db.close();
    const changed = capture();
    expect(await main(['corpus', 'verify', out], changed)).toBe(1);
    expect(changed.lines).toContain('  NOT INTACT: the corpus no longer matches its manifest.');
    expect(changed.lines).toContain('  Changed text: arabic');
  });
});
