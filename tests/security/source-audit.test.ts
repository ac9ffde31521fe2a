import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness/paths';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mjs|js|html)$/.test(entry.name)) out.push(full);
  }
  return out;
}

const APP_FILES = [...sourceFiles(path.join(ROOT, 'electron')), ...sourceFiles(path.join(ROOT, 'renderer'))];

function offenders(pattern: RegExp, allow: (file: string, line: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const file of APP_FILES) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line) && !allow(file, line)) found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

// Grep-level guards on the app's own code: cheap, and they catch the regressions reviews miss.
describe('the app source', () => {
  it('never opens anything outside the app (shell.openExternal, window.open)', () => {
    expect(offenders(/openExternal|openPath\(|window\.open\(/)).toEqual([]);
  });

  it('never weakens the window’s security settings', () => {
    expect(
      offenders(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|webviewTag:\s*true|experimentalFeatures:\s*true/),
    ).toEqual([]);
  });

  it('never evaluates strings as code', () => {
    expect(offenders(/\beval\(|new Function\(|setTimeout\(\s*['"`]/)).toEqual([]);
  });

  it('names no remote origin', () => {
    // W3C namespace identifiers are names, not addresses Carrel connects to.
    expect(offenders(/\b(?:https?|wss?|ftp):\/\/(?!www\.w3\.org\/)/)).toEqual([]);
  });
});
