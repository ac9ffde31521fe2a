/** Steps of the matrix's heat map: 0 for an empty cell, then 1–5 (--heat-1…5 in tokens.css). */
export const HEAT_STEPS = 5;

/**
 * The step of a count in a matrix whose largest count is `max`: the range 1…max cut into five
 * equal parts (so the largest cell is always step 5, any non-empty cell at least step 1).
 */
export function heatStep(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(HEAT_STEPS, Math.max(1, Math.ceil((count / max) * HEAT_STEPS)));
}
