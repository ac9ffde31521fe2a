import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../../electron/common/notes/notes-types';
import { ROOT } from '../../../harness/paths';

const CSS = fs.readFileSync(path.join(ROOT, 'renderer', 'src', 'features', 'notes', 'highlights.css'), 'utf8');
const APP_CSS = fs.readFileSync(path.join(ROOT, 'renderer', 'src', 'shared', 'styles', 'tokens.css'), 'utf8');

type Rgb = [number, number, number];

function hex(value: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value.trim());
  if (!m) throw new Error(`Not a #rrggbb colour: ${value}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** color-mix(in srgb, a p%, b): a straight mix of the encoded channels. */
function mix(a: Rgb, b: Rgb, share: number): Rgb {
  return a.map((c, i) => Math.round(c * share + b[i]! * (1 - share))) as Rgb;
}

/** A value as written, or the #rrggbb of the token it names (var(--name), defined in tokens.css). */
function resolve(value: string): Rgb {
  const token = /^var\((--[\w-]+)\)$/.exec(value.trim());
  if (!token) return hex(value);
  const defined = new RegExp(`${token[1]}:\\s*(#[0-9a-f]{6});`, 'i').exec(APP_CSS);
  if (!defined) throw new Error(`No token ${token[1]} in tokens.css`);
  return hex(defined[1]!);
}

/** The --hl-bg and --hl-line of the rule whose selector list holds `selector`. */
function variables(selector: string): { bg: Rgb; line: Rgb } {
  for (const [, selectors, body] of CSS.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!selectors!.replace(/\/\*[\s\S]*?\*\//g, '').split(',').some((s) => s.trim() === selector)) continue;
    const rule = /--hl-bg:\s*([^;]+);\s*--hl-line:\s*([^;]+);/.exec(body!);
    if (!rule) throw new Error(`No colour rule for ${selector}`);
    return { bg: resolve(rule[1]!), line: resolve(rule[2]!) };
  }
  throw new Error(`No colour rule for ${selector}`);
}

const INK = hex(/--ink:\s*(#[0-9a-f]{6})/i.exec(APP_CSS)![1]!);
const PAPER = hex(/--paper:\s*(#[0-9a-f]{6})/i.exec(APP_CSS)![1]!);
const SELECTED_SHARE = Number(/mark\.highlight\.selected\s*\{[^}]*color-mix\(in srgb, var\(--hl-bg\) (\d+)%/.exec(CSS)![1]) / 100;

describe('highlight colours', () => {
  it.each(HIGHLIGHT_COLORS)('%s keeps text readable (AAA on its own, AA when selected) and its line visible on paper', (color) => {
    const { bg, line } = variables(`.highlight-${color}`);
    expect(contrast(INK, bg)).toBeGreaterThanOrEqual(7);
    expect(contrast(INK, mix(bg, line, SELECTED_SHARE))).toBeGreaterThanOrEqual(4.5);
    // The underline is what tells a highlight inside a search hit: it must stand out from the paper.
    expect(contrast(line, PAPER)).toBeGreaterThanOrEqual(3);
  });

  it('uses the same two values for a colour everywhere it is shown (text, swatch, dot)', () => {
    for (const color of HIGHLIGHT_COLORS) {
      const text = variables(`.highlight-${color}`);
      expect(variables(`.swatch-${color}`)).toEqual(text);
      expect(variables(`.dot-${color}`)).toEqual(text);
    }
  });

  it('tells the colours apart from each other', () => {
    const backgrounds = HIGHLIGHT_COLORS.map((c) => variables(`.highlight-${c}`).bg);
    for (let i = 0; i < backgrounds.length; i++) {
      for (let j = i + 1; j < backgrounds.length; j++) {
        const distance = Math.hypot(...backgrounds[i]!.map((c, k) => c - backgrounds[j]![k]!));
        expect(distance, `${HIGHLIGHT_COLORS[i]} vs ${HIGHLIGHT_COLORS[j]}`).toBeGreaterThan(30);
      }
    }
  });
});
