import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppFile } from '../../../../electron/node/protocol/resolve-app-file';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-proto-')));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link-out.js'));
  fs.symlinkSync(base, path.join(root, 'dir-link'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'carrel-app://app/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'carrel-app://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'carrel-app://app/assets/app.js?v=1#x')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    'carrel-app://app/../secret.txt',
    'carrel-app://app/assets/../../secret.txt',
    'carrel-app://app/%2e%2e/secret.txt',
    'carrel-app://app/%2E%2E%2Fsecret.txt',
    'carrel-app://app/assets%2f..%2f..%2fsecret.txt',
    'carrel-app://app/..%5csecret.txt',
    'carrel-app://app/assets/app.js%00.html',
    'carrel-app://app/assets/link-out.js',
    'carrel-app://app/dir-link/secret.txt',
    'carrel-app://app/assets',
    'carrel-app://app/missing.js',
    'carrel-app://app/%E0%A4%A',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('names content types, defaulting to a type browsers will not run', () => {
    expect(mimeTypeOf('a/b.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/b.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('a/b.exe')).toBe('application/octet-stream');
  });
});
