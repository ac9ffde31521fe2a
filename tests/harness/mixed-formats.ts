import fs from 'node:fs';
import path from 'node:path';
import {
  billionLaughsEpub,
  bookEpub,
  encryptedPdf,
  reportDocx,
  reportPdf,
  scannedPdf,
  truncatedPdf,
  zipBombDocx,
  zipSlipEpub,
} from './format-fixtures';
import { writeRtlPdf } from './pdf-writer';

/** Skip reasons the hostile files of writeMixedFormats must get, by path. */
export const MIXED_SKIPS: Record<string, string> = {
  'hostile/billion-laughs.epub': 'xml-entities',
  'hostile/encrypted.pdf': 'encrypted',
  'hostile/scanned.pdf': 'no-text-layer',
  'hostile/truncated.pdf': 'malformed',
  'hostile/zip-bomb.docx': 'too-large',
  'hostile/zip-slip.epub': 'unsafe-archive',
};

/** An Arabic PDF of two pages (no labels: pages 1 and 2). */
export const arabicPdf = () =>
  writeRtlPdf([
    [
      { right: 540, y: 700, words: ['الخلافة', 'الافتراضية', 'في', 'الفضاء'] },
      { right: 540, y: 686, words: ['الرقمي', 'اليوم.'] },
    ],
    [{ right: 540, y: 700, words: ['الصفحة', 'الثانية', 'من', 'التقرير.'] }],
  ]);

/** A folder of every format, good and hostile: report.pdf, arabic.pdf, book.epub, notes.docx, a text and an HTML file. */
export function writeMixedFormats(dir: string): void {
  fs.mkdirSync(path.join(dir, 'hostile'), { recursive: true });
  const files: Record<string, Uint8Array | string> = {
    'report.pdf': reportPdf(),
    'arabic.pdf': arabicPdf(),
    'book.epub': bookEpub(),
    'notes.docx': reportDocx(),
    'plain.txt': 'A plain text file\n\nIts one paragraph.\n',
    'page.html': '<html lang="en"><head><title>A web page</title></head><body><p>Saved from the web.</p></body></html>',
    'hostile/encrypted.pdf': encryptedPdf(),
    'hostile/scanned.pdf': scannedPdf(),
    'hostile/truncated.pdf': truncatedPdf(),
    'hostile/zip-slip.epub': zipSlipEpub(),
    'hostile/billion-laughs.epub': billionLaughsEpub(),
    'hostile/zip-bomb.docx': zipBombDocx(),
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
}
