/**
 * `npm run bench:pdf`: PDF extraction on a generated report of --pages pages (default 1000) in
 * two columns under a running header, with page numbers: pdf.js in the extraction thread, then
 * the layout (columns, running lines, paragraphs, hyphenation) in this one. Prints pages per
 * second, MB per second and peak RSS (the thread's memory is the process's).
 *
 * `npm run bench:pdf -- --debian`: real PDFs instead, the documentation Debian ships in
 * r-doc-pdf and texlive-latex-base-doc, fetched at bench time with `apt-get download` into a
 * temporary folder (removed after; never in the repository) and unpacked with dpkg-deb (see
 * bench/debian-pdfs.ts).
 */
import { parseArgs } from 'node:util';
import { benchDebianPdfs } from './debian-pdfs';
import { createExtractor } from '../electron/node/corpus/formats/extract-worker';
import { pdfText } from '../electron/node/corpus/formats/pdf-document';
import type { PdfRaw } from '../electron/node/corpus/formats/pdf-raw';
import { columnLines, writePdf, type PdfLine } from '../tests/harness/pdf-writer';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' }, debian: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });
if (values.debian) {
  benchDebianPdfs({ keep: values.keep ?? false });
  process.exit(0);
}
const pageCount = Number(values.pages);
const sentence = 'The media offices of the group released material every day for audiences far beyond its territory. ';
const pages: PdfLine[][] = Array.from({ length: pageCount }, (_, n) => {
  const column = (x: number) => columnLines([sentence.repeat(6).trim(), sentence.repeat(5).trim(), sentence.repeat(6).trim()], { x, top: 720, size: 9, chars: 50, leading: 11 });
  return [{ x: 72, y: 760, size: 8, text: 'Carrel Working Paper Series' }, { x: 300, y: 40, size: 8, text: String(n + 1) }, ...column(60), ...column(320)];
});
const pdf = writePdf({ pages, info: { Title: 'Bench report' } });
const mb = pdf.length / 1024 / 1024;

const extractor = createExtractor(10 * 60_000);
const t0 = performance.now();
const job = extractor.start('pdf', pdf);
let result = job.poll(100);
while (!result) result = job.poll(100);
const t1 = performance.now();
extractor.close();
if (!result.ok) throw new Error(result.message);
const text = pdfText(result.value as PdfRaw);
const t2 = performance.now();
const seconds = (t2 - t0) / 1000;
const figures = {
  pages: pageCount,
  fileMb: +mb.toFixed(1),
  paragraphs: text.blocks.length,
  textMb: +(text.text.length / 1024 / 1024).toFixed(1),
  extractS: +((t1 - t0) / 1000).toFixed(2),
  layoutS: +((t2 - t1) / 1000).toFixed(2),
  pagesPerS: Math.round(pageCount / seconds),
  mbPerS: +(mb / seconds).toFixed(1),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
};
console.log(JSON.stringify(figures, null, 2));
