import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRecentCorpora, RECENT_CORPORA_MAX } from '../../../../electron/node/corpora/recent-corpora';

const dirs: string[] = [];
function listFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-recent-'));
  dirs.push(dir);
  return path.join(dir, 'sub', 'carrel-corpora.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const entry = (file: string, title = file) => ({ file, corpusId: `id-${title}`, title, documentCount: 3, openedAt: '2026-01-01T00:00:00.000Z' });

describe('recent corpora', () => {
  it('keeps the most recent first, one entry per file, and survives a reopen', () => {
    const file = listFile();
    const recent = openRecentCorpora(file);
    recent.remember(entry('/c/a.sqlite'));
    recent.remember(entry('/c/b.sqlite'));
    recent.remember(entry('/c/a.sqlite', 'A again'));
    expect(recent.list().map((e) => e.title)).toEqual(['A again', '/c/b.sqlite']);
    expect(openRecentCorpora(file).list()).toEqual(recent.list());
    expect(fs.readdirSync(path.dirname(file))).toEqual(['carrel-corpora.json']);
  });

  it('remembers at most the last few', () => {
    const recent = openRecentCorpora(listFile());
    for (let i = 0; i < RECENT_CORPORA_MAX + 5; i++) recent.remember(entry(`/c/${i}.sqlite`));
    expect(recent.list()).toHaveLength(RECENT_CORPORA_MAX);
    expect(recent.list()[0]!.file).toBe(`/c/${RECENT_CORPORA_MAX + 4}.sqlite`);
  });

  it('finds files by their resolved path only', () => {
    const recent = openRecentCorpora(listFile());
    recent.remember(entry('/c/x/../a.sqlite'));
    expect(recent.find('/c/a.sqlite')?.file).toBe('/c/a.sqlite');
    expect(recent.find('/c/other.sqlite')).toBeUndefined();
    recent.forget('/c/x/../a.sqlite');
    expect(recent.list()).toEqual([]);
  });

  it('treats a damaged or foreign list as empty, and replaces it on the next change', () => {
    const file = listFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"version": 1, "corpora": [{"file": 7}]}');
    expect(openRecentCorpora(file).list()).toEqual([]);
    fs.writeFileSync(file, 'not json');
    const recent = openRecentCorpora(file);
    expect(recent.list()).toEqual([]);
    recent.remember(entry('/c/a.sqlite'));
    expect(openRecentCorpora(file).list()).toHaveLength(1);
  });
});
