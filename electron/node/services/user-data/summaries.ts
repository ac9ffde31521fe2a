/** Short one-line texts for "Undo" toasts; never cut inside a surrogate pair (it would be stored as U+FFFD). */
export function shorten(text: string, max = 60): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  if (line.length <= max) return line;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(line.charAt(end - 1))) end -= 1;
  return `${line.slice(0, end).trimEnd()}…`;
}
