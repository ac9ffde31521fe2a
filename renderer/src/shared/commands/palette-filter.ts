/** Lower case, without diacritics: "Résumé" is found by "resume". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** True when every word of the query occurs in the text (in any order, case and accents ignored). */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = fold(text);
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The next active row for an arrow key, wrapping at the ends; -1 when there are no rows. */
export function stepActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  const next = key === 'ArrowDown' ? active + 1 : active - 1;
  return (next + count) % count;
}
