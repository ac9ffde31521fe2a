import { createHash } from 'node:crypto';
import { trimSpan } from '../../../common/anchoring/text-offsets';

/**
 * A text as it is compared with another: a byte-order mark dropped, every run of white space
 * (line ends CRLF, CR or LF, tabs, no-break spaces, blank lines between paragraphs) one space,
 * none at either end. Nothing else is changed: letters, punctuation, Unicode normalisation
 * form (NFC/NFD) and invisible characters must be the same. `toCanon[i]` is the canonical
 * offset of the original UTF-16 offset i; `toOriginal[k]` the original offset of canonical unit k.
 */
export type CanonicalText = { canon: string; toCanon: Int32Array; toOriginal: Int32Array };

const SPACE = /\s/u;

export function canonicalText(text: string): CanonicalText {
  const units: string[] = [];
  const toCanon = new Int32Array(text.length + 1);
  const toOriginal: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    toCanon[i] = units.length;
    const unit = text[i]!;
    if (i === 0 && unit === '\uFEFF') continue;
    if (SPACE.test(unit)) {
      inSpace = true;
      continue;
    }
    if (inSpace && units.length) {
      units.push(' ');
      toOriginal.push(i - 1);
    }
    inSpace = false;
    // Offsets inside a run of spaces fall on the space that stands for it.
    if (toCanon[i] !== units.length) toCanon[i] = units.length;
    units.push(unit);
    toOriginal.push(i);
  }
  toCanon[text.length] = units.length;
  // Offsets in trailing white space fall at the end.
  for (let i = text.length - 1; i >= 0 && toCanon[i]! > units.length; i--) toCanon[i] = units.length;
  return { canon: units.join(''), toCanon, toOriginal: Int32Array.from(toOriginal) };
}

export const canonicalKey = (canon: string) => createHash('sha256').update(canon, 'utf8').digest('hex');

/** UTF-16 offsets of each code point of `text` (and of its end): REFI-QDA positions to JavaScript's. */
export function codePointStarts(text: string): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  starts.push(text.length);
  return Int32Array.from(starts);
}

/**
 * Places selections of a source in the text of the Carrel document it matched. The same text:
 * code points to UTF-16 directly. Text that differs only in white space: through the canonical
 * forms of both (a boundary inside a run of spaces moves to the edge of the run).
 */
export function sourcePlacer(sourceText: string, documentText: string, source?: CanonicalText, document?: CanonicalText) {
  const starts = codePointStarts(sourceText);
  const same = sourceText === documentText;
  const src = same ? undefined : (source ?? canonicalText(sourceText));
  const doc = same ? undefined : (document ?? canonicalText(documentText));
  return {
    codePoints: starts.length - 1,
    /**
     * The UTF-16 span in the document of code points [start, end) of the source, white space at
     * its ends left out as Carrel's highlights do; undefined when nothing but white space is left.
     */
    place(start: number, end: number): { start: number; end: number } | undefined {
      if (start < 0 || end > starts.length - 1 || end <= start) return undefined;
      const [s, e] = [starts[start]!, starts[end]!];
      let span = { start: s, end: e };
      if (!same) {
        const [cs, ce] = [src!.toCanon[s]!, src!.toCanon[e]!];
        if (ce <= cs) return undefined;
        span = { start: doc!.toOriginal[cs]!, end: doc!.toOriginal[ce - 1]! + 1 };
      }
      span = trimSpan(documentText, span.start, span.end);
      return span.end > span.start ? span : undefined;
    },
  };
}
