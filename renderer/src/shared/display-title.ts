// Bidi override controls (LRO U+202D, RLO U+202E) and their terminator (PDF U+202C) in a title
// can make "report\u202Etxt.exe" read as "reportexe.txt". Titles are metadata, not prose: they are
// shown without overrides; embeddings and isolates stay (Arabic titles may use them).
const BIDI_OVERRIDES = /[\u202C\u202D\u202E]/g;

export function displayTitle(title: string): string {
  return title.replace(BIDI_OVERRIDES, '');
}
