/**
 * REFI-QDA counts text positions in Unicode code points from 0; Carrel's highlights count UTF-16
 * code units. Converts a UTF-16 offset of `text` to its code-point offset (an offset inside a
 * surrogate pair counts the pair as before it).
 */
export function codePointOffset(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // The low half of a pair was counted with its high half.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1))) continue;
    points++;
  }
  return points;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
