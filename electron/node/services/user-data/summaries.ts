/** Short one-line texts for "Undo" toasts. */
export function shorten(text: string, max = 60): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
