import { describe, expect, it } from 'vitest';
import { CODE_COLORS, codeColorClass, codeColorName, nextCodeColor } from '../../../../renderer/src/features/coding/code-colors';
import { heatStep } from '../../../../renderer/src/features/coding/heat-steps';

describe('code colours', () => {
  it('shows each palette colour as itself and any other colour as the nearest', () => {
    for (const c of CODE_COLORS) expect(codeColorName(c.hex)).toBe(c.name);
    expect(codeColorName('#ff0000')).toBe('red');
    expect(codeColorName('#1060d0')).toBe('blue');
    expect(codeColorName('#808080')).toBe('grey');
    expect(codeColorName('#ffee00')).toBe('yellow');
    expect(codeColorClass('')).toBe('code-color-none');
    expect(codeColorName('red')).toBe('none');
  });

  it('gives a new code the first colour used least', () => {
    expect(nextCodeColor([])).toBe(CODE_COLORS[0].hex);
    expect(nextCodeColor([CODE_COLORS[0].hex, '#ff1111'])).toBe(CODE_COLORS[1].hex);
  });
});

describe('heat-map steps', () => {
  it('puts empty cells at 0, the largest at 5, every other count between 1 and 5 in order', () => {
    expect(heatStep(0, 10)).toBe(0);
    expect(heatStep(1, 10)).toBe(1);
    expect(heatStep(10, 10)).toBe(5);
    expect(heatStep(5, 10)).toBe(3);
    expect(heatStep(1, 1)).toBe(5);
    expect(heatStep(3, 0)).toBe(0);
    const steps = Array.from({ length: 50 }, (_, i) => heatStep(i + 1, 50));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(new Set(steps)).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});
