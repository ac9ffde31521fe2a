import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../../electron/node/cli/carrel';
import type { Output } from '../../../../electron/node/cli/output';
import { FIXTURES } from '../../../harness/paths';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l), progress: () => {} };
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
    expect(output.lines.join('\n')).toMatch(/documents, corpus "Fixture"/);
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
