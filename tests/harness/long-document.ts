import fs from 'node:fs';
import path from 'node:path';
import { buildCorpus } from '../../electron/node/corpus/build-corpus';

// Words made of syllables (thousands of them): a book, not one line again and again. The generator
// repeats itself (its products pass 2^53 and lose their low bits), so the paragraphs fall into 92
// groups of near copies: the repeated passages of a book get tested at size too.
const SYLLABLES = 'ar be ca do el fi ga ho in ju ka lo mi na or pe qu ri sa tu ve wo xi ya ze'.split(' ');
/** A rare word: once near the start and once near the end of the long document. */
export const FAR_WORD = 'quokka';
/** Sections of the long document, one heading each. */
export const SECTION_EVERY = 200;

export type LongDocument = { file: string; id: string; title: string; paragraphs: number; lastParagraph: string; lastHeading: string };

/**
 * A corpus of one ~5 MB document (a whole book): `count` paragraphs of plain words (the same
 * every run), a heading every SECTION_EVERY paragraphs, FAR_WORD in the 12th paragraph and in
 * the 4th from the end, and a last paragraph that says it is the last.
 */
export function buildLongDocumentCorpus(dir: string, count = 30_000): LongDocument {
  let seed = 15;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const lines: string[] = [];
  let lastHeading = '';
  for (let i = 0; i < count; i++) {
    if (i % SECTION_EVERY === 0) {
      lastHeading = `Section ${i / SECTION_EVERY + 1}`;
      lines.push(`## ${lastHeading}`);
    }
    const word = () => Array.from({ length: 2 + (next() % 3) }, () => SYLLABLES[next() % SYLLABLES.length]!).join('');
    const words = Array.from({ length: 24 + (next() % 12) }, word);
    if (i === 11 || i === count - 4) words.splice(5, 0, FAR_WORD);
    lines.push(`Paragraph ${i + 1}: ${words.join(' ')}.`);
  }
  const lastParagraph = `The very last paragraph of the long book, number ${count + 1}.`;
  lines.push(lastParagraph);
  const sources = path.join(dir, 'sources');
  fs.mkdirSync(sources, { recursive: true });
  fs.writeFileSync(path.join(sources, 'carrel-corpus.json'), JSON.stringify({ id: 'long-book', title: 'A long book' }));
  const title = 'A very long book';
  fs.writeFileSync(path.join(sources, 'long-book.md'), `---\ntitle: "${title}"\nsource: "Generated"\nlanguage: "en"\n---\n${lines.join('\n\n')}\n`);
  const file = path.join(dir, 'long.sqlite');
  buildCorpus({ sourcesDir: sources, outFile: file, title: 'A long book' });
  return { file, id: 'long-book', title, paragraphs: lines.length, lastParagraph, lastHeading };
}
