/**
 * The colours a code can have. A code keeps its colour as #RRGGBB (REFI-QDA's form); the window
 * shows the nearest of these, whose shade each theme defines (--code-<name> in tokens.css) at
 * 4.5:1 against its surfaces, so no colour a user or an imported project picks can become unreadable.
 */
export const CODE_COLORS = [
  { name: 'red', label: 'Red', hex: '#C0392B' },
  { name: 'orange', label: 'Orange', hex: '#D35400' },
  { name: 'yellow', label: 'Yellow', hex: '#B7950B' },
  { name: 'green', label: 'Green', hex: '#27AE60' },
  { name: 'teal', label: 'Teal', hex: '#16A085' },
  { name: 'blue', label: 'Blue', hex: '#2980B9' },
  { name: 'purple', label: 'Purple', hex: '#8E44AD' },
  { name: 'grey', label: 'Grey', hex: '#7F8C8D' },
] as const;

export type CodeColorName = (typeof CODE_COLORS)[number]['name'] | 'none';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The palette colour nearest to a stored colour ('none' for no colour or a malformed one). */
export function codeColorName(hex: string): CodeColorName {
  if (!/^#[0-9a-fA-F]{6}$/u.test(hex)) return 'none';
  const [r, g, b] = rgb(hex) as [number, number, number];
  let best: CodeColorName = 'none';
  let distance = Number.POSITIVE_INFINITY;
  for (const c of CODE_COLORS) {
    const [cr, cg, cb] = rgb(c.hex) as [number, number, number];
    // Weighted for the eye (the "redmean" approximation).
    const mean = (r + cr) / 2;
    const d = (2 + mean / 256) * (r - cr) ** 2 + 4 * (g - cg) ** 2 + (2 + (255 - mean) / 256) * (b - cb) ** 2;
    if (d < distance) {
      distance = d;
      best = c.name;
    }
  }
  return best;
}

export const codeColorClass = (hex: string) => `code-color-${codeColorName(hex)}`;

export const codeColorLabel = (hex: string) => CODE_COLORS.find((c) => c.name === codeColorName(hex))?.label ?? 'No colour';

/** The colour a new code gets: the next of the palette after those already used most. */
export function nextCodeColor(used: readonly string[]): string {
  const counts = new Map<string, number>(CODE_COLORS.map((c) => [c.name, 0]));
  for (const hex of used) {
    const name = codeColorName(hex);
    if (counts.has(name)) counts.set(name, counts.get(name)! + 1);
  }
  const least = Math.min(...counts.values());
  return CODE_COLORS.find((c) => counts.get(c.name) === least)!.hex;
}
