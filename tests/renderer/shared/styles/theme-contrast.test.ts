import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from '../../../../electron/common/notes/notes-types';
import { ROOT } from '../../../harness/paths';

const TOKENS = fs.readFileSync(path.join(ROOT, 'renderer', 'src', 'shared', 'styles', 'tokens.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const HIGHLIGHTS = fs.readFileSync(path.join(ROOT, 'renderer', 'src', 'features', 'notes', 'highlights.css'), 'utf8');
const THEMES = ['light', 'dark', 'sepia'] as const;

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

function mix(a: Rgb, b: Rgb, share: number): Rgb {
  return a.map((c, i) => Math.round(c * share + b[i]! * (1 - share))) as Rgb;
}

/** The custom properties of one rule of tokens.css, by its exact selector. */
function block(selector: string): Map<string, string> {
  const at = TOKENS.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`No rule ${selector} in tokens.css`);
  const body = TOKENS.slice(TOKENS.indexOf('{', at) + 1, TOKENS.indexOf('}', at));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** A theme's colour tokens: :root's, with the theme's own rule over them (light is :root itself). */
function theme(name: (typeof THEMES)[number]): (token: string) => Rgb {
  const base = block(':root');
  const own = name === 'light' ? new Map<string, string>() : block(`:root[data-theme='${name}']`);
  return (token) => {
    const value = own.get(token) ?? base.get(token);
    if (!value) throw new Error(`No ${token} in the ${name} theme`);
    return hex(value);
  };
}

/** Text colour → the surfaces it is shown on (WCAG 1.4.3: 4.5:1). */
const TEXT_ON: Record<string, string[]> = {
  '--ink': ['--paper', '--card', '--field', '--hover', '--current', '--selected', '--panel-warm', '--code-bg', '--tag-bg', '--badge-tag-bg', '--notice-bg', '--hint-bg', '--link-open-bg', '--hit', '--hit-current', '--snippet-hit', '--success-bg', '--danger-bg', '--problem-bg'],
  '--ink-soft': ['--paper', '--card', '--field'],
  '--muted': ['--paper', '--card', '--field', '--hover', '--current', '--selected', '--panel-warm', '--tag-bg'],
  '--accent': ['--paper', '--card', '--field', '--hover', '--current', '--selected', '--panel-warm'],
  '--link': ['--paper', '--card', '--link-open-bg'],
  '--danger': ['--paper', '--card', '--danger-bg', '--danger-bg-soft'],
  '--danger-text': ['--danger-bg', '--danger-bg-soft'],
  '--problem': ['--paper', '--card', '--problem-bg'],
  '--query-error': ['--paper', '--card', '--notice-bg'],
  '--success': ['--paper', '--card', '--success-bg'],
  '--caution-text': ['--paper', '--card', '--field'],
  '--badge-warning-text': ['--badge-warning-bg'],
  '--copied': ['--paper', '--card'],
  '--fact-good': ['--paper', '--card'],
  '--fact-bad': ['--paper', '--card'],
  '--toast-text': ['--toast-bg', '--toast-error-bg'],
  '--toast-muted': ['--toast-bg'],
};

const CODE_COLORS = ['red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'grey'];
const HEAT_STEPS = [1, 2, 3, 4, 5];
TEXT_ON['--ink']!.push(...HEAT_STEPS.map((step) => `--heat-${step}`));

/** Graphics and focus indicators → what they sit on (WCAG 1.4.11: 3:1). */
const GRAPHIC_ON: Record<string, string[]> = {
  '--focus': ['--paper', '--card', '--field'],
  '--saved': ['--paper', '--card'],
  '--danger-strong': ['--paper', '--card', '--field'],
  // A code's colour beside its name (the codebook, the reader's margin, the palette): held to text's 4.5:1 by the test below.
  ...Object.fromEntries(CODE_COLORS.map((c) => [`--code-${c}`, ['--paper', '--card', '--field']])),
};

const SELECTED_SHARE = Number(/mark\.highlight\.selected\s*\{[^}]*color-mix\(in srgb, var\(--hl-bg\) (\d+)%/.exec(HIGHLIGHTS)![1]) / 100;

describe.each(THEMES)('the %s theme', (name) => {
  const colour = theme(name);

  it('keeps every text colour at WCAG AA (4.5:1) on each surface it is shown on', () => {
    const failing: string[] = [];
    for (const [text, surfaces] of Object.entries(TEXT_ON)) {
      for (const surface of surfaces) {
        const ratio = contrast(colour(text), colour(surface));
        if (ratio < 4.5) failing.push(`${text} on ${surface}: ${ratio.toFixed(2)}`);
      }
    }
    expect(failing).toEqual([]);
  });

  it('keeps focus rings and status marks at 3:1 against their surfaces', () => {
    const failing: string[] = [];
    for (const [graphic, surfaces] of Object.entries(GRAPHIC_ON)) {
      for (const surface of surfaces) {
        const ratio = contrast(colour(graphic), colour(surface));
        if (ratio < 3) failing.push(`${graphic} on ${surface}: ${ratio.toFixed(2)}`);
      }
    }
    expect(failing).toEqual([]);
  });

  it.each(HIGHLIGHT_COLORS)('keeps text on a %s highlight readable (AAA, AA when selected) and its line visible', (hl) => {
    const bg = colour(`--highlight-${hl}-bg`);
    const line = colour(`--highlight-${hl}-line`);
    expect(contrast(colour('--ink'), bg)).toBeGreaterThanOrEqual(7);
    expect(contrast(colour('--ink'), mix(bg, line, SELECTED_SHARE))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(line, colour('--paper'))).toBeGreaterThanOrEqual(3);
  });

  it('keeps every code colour at 4.5:1 on the surfaces a code is shown on, and the heat steps in order', () => {
    for (const c of CODE_COLORS) for (const surface of ['--paper', '--card', '--field']) expect(contrast(colour(`--code-${c}`), colour(surface)), `${c} on ${surface}`).toBeGreaterThanOrEqual(4.5);
    const steps = HEAT_STEPS.map((step) => contrast(colour(`--heat-${step}`), colour('--card')));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('tells the highlight colours apart', () => {
    const backgrounds = HIGHLIGHT_COLORS.map((c) => colour(`--highlight-${c}-bg`));
    for (let i = 0; i < backgrounds.length; i++) {
      for (let j = i + 1; j < backgrounds.length; j++) {
        expect(Math.hypot(...backgrounds[i]!.map((c, k) => c - backgrounds[j]![k]!)), `${HIGHLIGHT_COLORS[i]} vs ${HIGHLIGHT_COLORS[j]}`).toBeGreaterThan(30);
      }
    }
  });

  it('redefines every colour token (a light colour left in a dark theme would show)', () => {
    if (name === 'light') return;
    const own = block(`:root[data-theme='${name}']`);
    const colours = [...block(':root')].filter(([, v]) => /^#|^rgb\(/.test(v)).map(([k]) => k);
    expect(colours.filter((k) => !own.has(k))).toEqual([]);
  });
});
