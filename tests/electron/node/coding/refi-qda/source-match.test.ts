import { describe, expect, it } from 'vitest';
import { canonicalKey, canonicalText, codePointStarts, sourcePlacer } from '../../../../../electron/node/coding/refi-qda/source-match';
import { codePointSpan } from './refi-qda-fixture';

const DOC = 'عنوان 𝔘𝔫𝔦\n\nقال الباحث: إن الخوف 😀 من المستقبل.\nThe end.';

describe('matching a source to a document by text', () => {
  it('folds white space only: line ends, doubled spaces, tabs, a byte-order mark, leading and trailing space', () => {
    const source = `\uFEFF  ${DOC.replace(/\n\n/g, '\r\n').replace(/ /g, ' \t')}\r\n`;
    expect(canonicalText(source).canon).toBe(canonicalText(DOC).canon);
    expect(canonicalKey(canonicalText(source).canon)).toBe(canonicalKey(canonicalText(DOC).canon));
    // Letters, case and normalisation form are not folded.
    expect(canonicalText(DOC.toUpperCase()).canon).not.toBe(canonicalText(DOC).canon);
    expect(canonicalText('café'.normalize('NFD')).canon).not.toBe(canonicalText('café'.normalize('NFC')).canon);
  });

  it('turns code points into UTF-16 offsets: the same text directly, astral characters counted once', () => {
    expect([...codePointStarts('a😀b')]).toEqual([0, 1, 3, 4]);
    const placer = sourcePlacer(DOC, DOC);
    for (const quote of ['𝔘𝔫𝔦', 'الخوف 😀 من', 'The end.']) {
      const span = codePointSpan(DOC, quote);
      const place = placer.place(span.start, span.end)!;
      expect(DOC.slice(place.start, place.end)).toBe(quote);
    }
    expect(placer.place(0, [...DOC].length + 1)).toBeUndefined();
    expect(placer.place(3, 3)).toBeUndefined();
  });

  it('places selections of a source whose white space differs, on Arabic and astral-plane text', () => {
    const source = `  ${DOC.replace(/\n/g, '\r\n').replace(/ /g, '  ')}`;
    const placer = sourcePlacer(source, DOC);
    for (const [inSource, inDocument] of [
      ['𝔘𝔫𝔦', '𝔘𝔫𝔦'],
      ['الخوف  😀  من', 'الخوف 😀 من'],
      ['𝔘𝔫𝔦\r\n\r\nقال', '𝔘𝔫𝔦\n\nقال'],
      ['.\r\nThe', '.\nThe'],
    ] as const) {
      const span = codePointSpan(source, inSource);
      const place = placer.place(span.start, span.end)!;
      expect(DOC.slice(place.start, place.end)).toBe(inDocument);
    }
    // Only white space selected: nothing to place.
    const blank = codePointSpan(source, '\r\n\r\n');
    expect(placer.place(blank.start, blank.end)).toBeUndefined();
  });
});
