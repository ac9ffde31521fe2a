import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightColorOfCode, HUES } from '../../../../electron/common/coding/code-highlight-color';
import { HIGHLIGHT_COLORS } from '../../../../electron/common/notes/notes-types';
import { ROOT } from '../../../harness/paths';

describe('the highlight colour of a code', () => {
  it.each([
    ['#FF0000', 'pink'],
    ['#f00', 'pink'],
    ['#FF8000', 'orange'],
    ['#FFFF00', 'yellow'],
    ['#ffff00', 'yellow'],
    ['#33CC33', 'green'],
    ['#00FF00', 'green'],
    ['#00FFFF', 'blue'],
    ['#0000FF', 'blue'],
    ['#8000FF', 'purple'],
    ['#FF00FF', 'purple'],
    ['#FFA500', 'orange'],
    ['#FFD700', 'yellow'],
    ['#FF69B4', 'pink'],
    ['#c06a12', 'orange'],
  ] as const)('%s → %s', (color, expected) => {
    expect(highlightColorOfCode(color)).toBe(expected);
  });

  it('a grey, black, white, no colour or one it cannot read gives yellow, the usual highlight', () => {
    for (const color of ['#808080', '#000000', '#FFFFFF', '#7a7d80', '', undefined, 'red', '#12345', '#GGGGGG']) expect(highlightColorOfCode(color), String(color)).toBe('yellow');
  });

  it('knows every highlight colour, and maps each line colour of every theme back to its own name', () => {
    expect(HUES.map(([c]) => c).sort()).toEqual([...HIGHLIGHT_COLORS].sort());
    const tokens = fs.readFileSync(path.join(ROOT, 'renderer', 'src', 'shared', 'styles', 'tokens.css'), 'utf8');
    const lines = [...tokens.matchAll(/--highlight-(\w+)-line: (#[0-9a-f]{6});/gi)];
    expect(lines.length).toBeGreaterThanOrEqual(HIGHLIGHT_COLORS.length * 3);
    for (const [, name, color] of lines) expect(highlightColorOfCode(color), `${name} ${color}`).toBe(name);
  });
});
