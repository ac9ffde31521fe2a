import { randomBytes } from 'node:crypto';

/** A line of text placed on a page (PDF points, y from the bottom), in Helvetica or Helvetica-Bold. */
export type PdfLine = { x: number; y: number; size: number; text: string; bold?: boolean };

export type PdfSpec = {
  pages: PdfLine[][];
  width?: number;
  height?: number;
  /** Info dictionary entries (Title, Author, Subject, CreationDate…). */
  info?: Record<string, string>;
  /** PageLabels ranges: from page index `from`, style r (roman), D (decimal), with a first number. */
  labels?: { from: number; style: 'r' | 'D'; start?: number; prefix?: string }[];
  /** Adds a Standard security handler with a user password: pdf.js asks for it. */
  encrypted?: boolean;
  /** An XMP packet, as the catalog's Metadata stream. */
  xmp?: string;
};

const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
const pdfString = (text: string) => `(${escape(text)})`;

/**
 * A tiny PDF writer for tests: text-only pages in the standard fonts (no embedding), an info
 * dictionary, page labels and, on request, an encryption dictionary whose user password is
 * not empty. Enough for pdf.js to read positioned text the way it reads a real report.
 */
export function writePdf(spec: PdfSpec): Buffer {
  const width = spec.width ?? 612;
  const height = spec.height ?? 792;
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  // 1 catalog, 2 pages, 3 regular font, 4 bold font, then per page: page, content.
  const pageIds = spec.pages.map((_, i) => 5 + 2 * i);
  const labels = spec.labels
    ? ` /PageLabels << /Nums [${spec.labels
        .map((l) => `${l.from} << /S /${l.style}${l.start ? ` /St ${l.start}` : ''}${l.prefix ? ` /P ${pdfString(l.prefix)}` : ''} >>`)
        .join(' ')}] >>`
    : '';
  // The XMP stream, if any, goes last: its number is known once the pages are.
  const xmpId = spec.xmp === undefined ? 0 : 5 + 2 * spec.pages.length;
  add(`<< /Type /Catalog /Pages 2 0 R${labels}${xmpId ? ` /Metadata ${xmpId} 0 R` : ''} >>`);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  spec.pages.forEach((lines, i) => {
    const content = lines.map((l) => `BT /${l.bold ? 'F2' : 'F1'} ${l.size} Tf ${l.x} ${l.y} Td ${pdfString(l.text)} Tj ET`).join('\n');
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  if (spec.xmp !== undefined) add(`<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(spec.xmp, 'latin1')} >>\nstream\n${spec.xmp}\nendstream`);
  let infoRef = '';
  if (spec.info) {
    add(`<< ${Object.entries(spec.info).map(([k, v]) => `/${k} ${pdfString(v)}`).join(' ')} >>`);
    infoRef = ` /Info ${objects.length} 0 R`;
  }
  let encrypt = '';
  if (spec.encrypted) {
    const hex = () => randomBytes(32).toString('hex');
    add(`<< /Filter /Standard /V 1 /R 2 /O <${hex()}> /U <${hex()}> /P -4 >>`);
    encrypt = ` /Encrypt ${objects.length} 0 R`;
  }
  const id = 'c0ffee00c0ffee00c0ffee00c0ffee00';
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${infoRef}${encrypt} /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Approximate width of Helvetica text, enough to lay out test pages. */
export const textWidth = (text: string, size: number) => text.length * size * 0.5;

/** Lays paragraphs out as left-aligned lines of at most `chars` characters, from the top of a column down. */
export function columnLines(paragraphs: string[], options: { x: number; top: number; size: number; chars: number; leading?: number }): PdfLine[] {
  const { x, size, chars } = options;
  const leading = options.leading ?? size * 1.2;
  const lines: PdfLine[] = [];
  let y = options.top;
  for (const paragraph of paragraphs) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > chars) {
        lines.push({ x, y, size, text: line });
        y -= leading;
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '') lines.push({ x, y, size, text: line });
    y -= leading * 2;
  }
  return lines;
}

/** A right-to-left line: its words placed from `right` leftwards, as an Arabic PDF draws them. */
export type RtlLine = { right: number; y: number; words: string[] };

/**
 * A PDF of Arabic text as producers write it: a simple TrueType font (not embedded: pdf.js needs
 * only its widths and ToUnicode map to read the text), one run per word placed right to left,
 * each run's glyphs in visual order (reversed), as pdf.js expects and puts back in logical order.
 */
export function writeRtlPdf(pages: RtlLine[][]): Buffer {
  const chars = [...new Set(pages.flat().flatMap((l) => [...l.words.join('')]))];
  if (chars.length > 200) throw new Error('too many distinct characters for one simple font');
  const code = (c: string) => (chars.indexOf(c) + 0x21).toString(16).padStart(2, '0');
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Carrel-Test def 1 begincodespacerange <00> <FF> endcodespacerange ${chars.length} beginbfchar ${chars
    .map((c) => `<${code(c)}> <${c.codePointAt(0)!.toString(16).padStart(4, '0')}>`)
    .join(' ')} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  const size = 12;
  const glyph = size * 0.5;
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  objects.push(`<< /Type /Font /Subtype /TrueType /BaseFont /CarrelArabic /FirstChar 33 /LastChar ${32 + chars.length} /Widths [${chars.map(() => 500).join(' ')}] /FontDescriptor 4 0 R /ToUnicode 5 0 R >>`);
  objects.push('<< /Type /FontDescriptor /FontName /CarrelArabic /Flags 4 /FontBBox [0 -300 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -300 /CapHeight 700 /StemV 80 >>');
  objects.push(`<< /Length ${Buffer.byteLength(cmap, 'latin1')} >>\nstream\n${cmap}\nendstream`);
  pages.forEach((lines, i) => {
    const content = lines
      .flatMap((line) => {
        let x = line.right;
        return line.words.map((word) => {
          x -= [...word].length * glyph;
          const run = `BT /F1 ${size} Tf ${x} ${line.y} Td <${[...word].reverse().map(code).join('')}> Tj ET`;
          x -= glyph;
          return run;
        });
      })
      .join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    objects.push(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
