import type { HighlightColor } from '../notes/notes-types';

/**
 * The hue (HSL degrees) each highlight colour's name stands for. Highlights have these six
 * colours only, so a code's colour is matched by hue: the pastel backgrounds are too pale to
 * compare in RGB. The hues are the names' (pure blue is blue, not Carrel's bluish purple), placed
 * so that every line colour of the themes (tokens.css) still maps to its own name.
 */
export const HUES: readonly [HighlightColor, number][] = [
  ['yellow', 55],
  ['orange', 30],
  ['green', 120],
  ['blue', 220],
  ['purple', 275],
  ['pink', 335],
];

/** Below this saturation (HSL, 0–1) a colour is a grey, which no highlight colour is near. */
const GREY = 0.12;

/**
 * The highlight colour nearest to a code's colour (`#RRGGBB` or `#RGB`, as REFI-QDA writes it):
 * the one of nearest hue. No colour, a colour that cannot be read, or a grey (black and white
 * too) gives yellow, Carrel's usual highlight. Red (hue 0) goes to pink, the rose nearest it.
 */
export function highlightColorOfCode(color: string | undefined): HighlightColor {
  const hex = color?.trim().match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i)?.[1];
  if (!hex) return 'yellow';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * lightness - 1));
  if (saturation < GREY || chroma < 0.05) return 'yellow';
  const hue = (max === r ? ((g - b) / chroma + 6) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4) * 60;
  const distance = (h: number) => Math.min(Math.abs(hue - h), 360 - Math.abs(hue - h));
  return HUES.reduce((best, next) => (distance(next[1]) < distance(best[1]) ? next : best))[0];
}
