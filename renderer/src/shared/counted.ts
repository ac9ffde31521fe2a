const NUMBER = new Intl.NumberFormat('en');

/** "1 document", "2 documents", "1,234 files": a count and its noun, in the user's number format. */
export function counted(n: number, one: string, many: string): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}
