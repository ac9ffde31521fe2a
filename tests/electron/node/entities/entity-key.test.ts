import { describe, expect, it } from 'vitest';
import { cleanAnySurface, cleanSurface, normaliseAnyName, normaliseName, plainWords } from '../../../../electron/node/entities/entity-key';

/** Names at the shortcut's edges: signs first or last, double and other blanks, apostrophes, stops, non-ASCII. */
const NAMES = [
  'Webster', 'Charlie Winter', 'US', 'U.S.', 'U.S', 'al-Baghdadi', 'Al Baghdadi', 'al-Baghdādī', "Da'esh", 'Da’esh', 'ISIS’s', "ISIS's", "Jesus'", 'Boko  Haram',
  'Boko\tHaram', 'Boko\u00A0Haram', ' Webster', 'Webster ', '-Webster', 'Webster-', 'Webster.', 'St. John', 'A.B', 'a.b.c', 'Mr.', '1913', '2014-2016', 'x',
  'B2B', 'Abu Bakr al Baghdadi', 'Deir ez-Zor', 'Deir ez Zor.', 'Ampleness', 'Am"ple*ness', 'Defn', 'O`Neil', 'É', 'Zürich', 'داعش', 'A--B', 'A..B', 'A - B', 'A. B',
  'Z', 'z9', '9z', 'a_b', 'a/b', 'a,b', 'a b c', '',
];

/** Every name and its pieces (every start and end), so that each sign stands first, last and inside. */
const pieces = NAMES.flatMap((n) => {
  const out: string[] = [];
  for (let a = 0; a < n.length; a++) for (let b = a + 1; b <= n.length; b++) out.push(n.slice(a, b));
  return out;
});

describe('the spelling shortcuts of plain names', () => {
  it('normalise and clean a plain name as the full rules do', () => {
    expect(pieces.length).toBeGreaterThan(1500);
    expect(pieces.filter((p) => normaliseName(p) !== normaliseAnyName(p))).toEqual([]);
    expect(pieces.filter((p) => cleanSurface(p) !== cleanAnySurface(p))).toEqual([]);
  });

  it('take the shortcut for most names, and not for names with signs at their ends or doubled blanks', () => {
    expect(['Webster', 'Charlie Winter', 'US', '1913'].every((n) => plainWords(n))).toBe(true);
    expect(['U.S', 'al-Baghdadi', 'St. John'].every((n) => plainWords(n, true) && !plainWords(n))).toBe(true);
    expect(['U.S.', ' Webster', 'Boko  Haram', 'Boko\tHaram', "ISIS's", 'Zürich', ''].some((n) => plainWords(n, true))).toBe(false);
  });
});
