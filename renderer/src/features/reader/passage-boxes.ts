/** A run of text as pdf.js's getTextContent gives it (the fields used here). */
export type TextRun = { str: string; transform: readonly number[]; width: number; height: number };

/** A box on the drawn page, in canvas pixels. */
export type Box = { x: number; y: number; width: number; height: number };

/** Letters and digits only, lower case: what the stored text and the page's runs share whatever was joined, de-hyphenated or dropped. */
function compact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Longest stretch of the passage's start and end looked for on the page. */
const PROBE = 48;

/**
 * The runs of a page that hold a passage of the stored text: from the run where the passage's
 * first letters are to the run where its last ones are (or, for a passage that goes on past this
 * page, as far as it matches). Compared letters and digits only, so joined lines, words made whole
 * and running headers left out of the text do not stand in the way. null when it is not there.
 */
export function passageRuns(runs: readonly Pick<TextRun, 'str'>[], passage: string): { first: number; last: number } | null {
  const wanted = compact(passage);
  if (wanted === '') return null;
  let page = '';
  const owner: number[] = [];
  runs.forEach((run, i) => {
    const text = compact(run.str);
    page += text;
    for (let k = 0; k < text.length; k++) owner.push(i);
  });
  let start = -1;
  for (const length of [PROBE, 24, 12]) {
    start = page.indexOf(wanted.slice(0, Math.min(length, wanted.length)));
    if (start >= 0) break;
  }
  if (start < 0) return null;
  const tail = wanted.slice(-Math.min(PROBE, wanted.length));
  const tailAt = page.indexOf(tail, start);
  let end: number;
  if (tailAt >= 0) end = tailAt + tail.length - 1;
  else {
    // Runs on past this page: as far as the letters agree.
    let k = 0;
    while (start + k < page.length && k < wanted.length && page[start + k] === wanted[k]) k++;
    end = start + Math.max(k, 1) - 1;
  }
  return { first: owner[start]!, last: owner[end]! };
}

type Transform = (m1: readonly number[], m2: readonly number[]) => number[];

/**
 * Boxes around runs first..last on a page drawn with a viewport transform (pdf.js's Util.transform
 * composes them): one per line, runs on the same baseline merged.
 */
export function runBoxes(runs: readonly TextRun[], span: { first: number; last: number }, viewport: readonly number[], scale: number, transform: Transform): Box[] {
  const lines: Box[] = [];
  for (let i = span.first; i <= span.last; i++) {
    const run = runs[i]!;
    if (run.str.trim() === '') continue;
    const m = transform(viewport, run.transform);
    const size = Math.hypot(m[2]!, m[3]!) || run.height * scale;
    const box = { x: m[4]!, y: m[5]! - size, width: run.width * scale, height: size * 1.25 };
    const line = lines.find((l) => Math.abs(l.y - box.y) < size * 0.5);
    if (line) {
      const right = Math.max(line.x + line.width, box.x + box.width);
      line.x = Math.min(line.x, box.x);
      line.width = right - line.x;
    } else lines.push(box);
  }
  return lines;
}
