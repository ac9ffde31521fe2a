/**
 * Folds text for the notebook's substring search, the same way search folds words
 * (electron/node/search/normalise.ts): compatibility decomposition, combining marks removed
 * (Latin accents and Arabic harakat alike), tatweel removed, Arabic letter variants unified,
 * lower case. Kept here so it runs anywhere (renderer filters may use it too).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064A')
    .replace(/[’']/g, "'")
    .toLowerCase();
}
