import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor, type ExtractResult } from '../../../../../electron/node/corpus/formats/extract-worker';
import { pdfDate, pdfText } from '../../../../../electron/node/corpus/formats/pdf-document';
import type { PdfRaw } from '../../../../../electron/node/corpus/formats/pdf-raw';
import { parseSource, SourceError } from '../../../../../electron/node/corpus/parse-source';
import { columnLines, writePdf, writeRtlPdf } from '../../../../harness/pdf-writer';
import { encryptedPdf, REPORT_PARAGRAPHS, REPORT_TITLE, reportPdf, RUNNING_HEADER, scannedPdf, truncatedPdf } from '../../../../harness/format-fixtures';

const extractor = createExtractor();
afterAll(() => extractor.close());

function extract(bytes: Uint8Array): ExtractResult {
  const job = extractor.start('pdf', bytes);
  for (;;) {
    const result = job.poll(100);
    if (result) return result;
  }
}

function raw(bytes: Uint8Array): PdfRaw {
  const result = extract(bytes);
  if (!result.ok) throw new Error(result.message);
  return result.value as PdfRaw;
}

const paragraphsOf = (text: { text: string; blocks: { start: number; end: number }[] }) => text.blocks.map((b) => text.text.slice(b.start, b.end));

describe('PDF extraction', () => {
  const report = pdfText(raw(reportPdf()));
  const paragraphs = paragraphsOf(report);

  it('joins lines into paragraphs and reads two columns column by column', () => {
    // Every body paragraph whole, in order: the left column's two, then the right column's two.
    const at = REPORT_PARAGRAPHS.map((p) => paragraphs.indexOf(p));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(paragraphs[at[0]! - 1]).toBe('Introduction');
  });

  it('leaves out the running header and the page numbers', () => {
    expect(report.text).not.toContain(RUNNING_HEADER);
    expect(paragraphs.filter((p) => /^\d+$/.test(p))).toEqual([]);
  });

  it('makes a word broken at a line end whole when the document writes it whole, and keeps a compound', () => {
    expect(paragraphs).toContain('The spread of propaganda online was a well-known concern of every government.');
  });

  it('keeps a body line that opens or ends every page: running lines are set apart from the text', () => {
    const body = ['Every page opens with this same line of text. Then it goes on to say more things.', 'And it ends with this same line.'];
    const pages = [0, 1, 2].map(() => [{ x: 72, y: 760, size: 8, text: 'Header' }, ...columnLines(body, { x: 72, top: 700, size: 10, chars: 50 })]);
    const text = pdfText(raw(writePdf({ pages }))).text;
    expect(text).not.toContain('Header');
    expect(text.match(/Every page opens with this same line/g)).toHaveLength(3);
    expect(text.match(/And it ends with this same line\./g)).toHaveLength(3);
  });

  it('keeps a line with a footnote mark raised above it in its paragraph', () => {
    const lines = [
      { x: 72, y: 700, size: 10, text: 'The first line of a paragraph ends with a mark' },
      { x: 282, y: 704, size: 6, text: '12' },
      { x: 72, y: 688, size: 10, text: 'and the paragraph goes on below it.' },
    ];
    expect(pdfText(raw(writePdf({ pages: [lines] }))).text).toBe('The first line of a paragraph ends with a mark 12 and the paragraph goes on below it.');
  });

  it('leaves out a page number right under the text', () => {
    const pages = [1, 2, 3].map((n) => [{ x: 72, y: 700, size: 10, text: `Text of page ${'one two three'.split(' ')[n - 1]}.` }, { x: 300, y: 688, size: 10, text: `- ${n} -` }]);
    expect(pdfText(raw(writePdf({ pages }))).text).toBe('Text of page one.\n\nText of page two.\n\nText of page three.');
  });

  it('labels every paragraph with its printed page', () => {
    const pageOf = (start: string) => report.blocks[paragraphs.findIndex((p) => p.startsWith(start))]!.page;
    expect(pageOf(REPORT_TITLE)).toBe('i');
    expect(pageOf('Introduction')).toBe('1');
    expect(pageOf('The spread of')).toBe('2');
    expect(pageOf('Others relied')).toBe('2');
    expect(pageOf('In conclusion')).toBe('3');
    expect(report.blocks.every((b) => b.page)).toBe(true);
  });

  it('marks the larger lines as headings, a level per size', () => {
    const kindOf = (text: string) => report.blocks[paragraphs.indexOf(text)]!.kind;
    expect(kindOf(REPORT_TITLE)).toBe('h1');
    expect(kindOf('Introduction')).toBe('h2');
    expect(kindOf(REPORT_PARAGRAPHS[0]!)).toBe('p');
  });

  it('takes metadata from the info dictionary, and the title from the first page without one', () => {
    expect(report.meta).toMatchObject({ title: REPORT_TITLE, author: 'Carrel Tests', date: '2024-01-15', description: 'Online propaganda' });
    expect(pdfText(raw(reportPdf({ info: false }))).meta.title).toBe(REPORT_TITLE);
    expect(pdfDate("D:20240115093000+01'00'")).toBe('2024-01-15');
    expect(pdfDate('2022-07-08T10:00:00Z')).toBe('2022-07-08');
    expect(pdfDate('nonsense')).toBe('');
  });

  it('takes metadata from XMP when the info dictionary has none', () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Title from XMP</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>First Author</rdf:li><rdf:li>Second Author</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">What it is about</rdf:li></rdf:Alt></dc:description>
<xmp:CreateDate>2022-07-08T10:00:00Z</xmp:CreateDate>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
    const meta = pdfText(raw(writePdf({ pages: [[{ x: 72, y: 700, size: 12, text: 'Body text.' }]], xmp }))).meta;
    expect(meta).toMatchObject({ title: 'Title from XMP', author: 'First Author; Second Author', description: 'What it is about', date: '2022-07-08' });
  });

  it('numbers pages from 1 when the file has no labels', () => {
    const plain = raw(reportPdf());
    plain.labels = null;
    expect(pdfText(plain).blocks.at(-1)!.page).toBe('4');
  });
});

describe('Arabic PDFs', () => {
  it('reads a right-to-left line from its right end and joins its lines', () => {
    const pdf = writeRtlPdf([
      [
        { right: 540, y: 700, words: ['الخلافة', 'الافتراضية', 'في', 'الفضاء'] },
        { right: 540, y: 686, words: ['الرقمي', 'اليوم.'] },
      ],
    ]);
    const text = pdfText(raw(pdf));
    expect(text.text).toBe('الخلافة الافتراضية في الفضاء الرقمي اليوم.');
  });

  it('reads the right column of an Arabic page first', () => {
    const column = (right: number, first: string) => [0, 1, 2, 3].map((i) => ({ right, y: 700 - 14 * i, words: [first, 'نص', `سطر${i + 1}`] }));
    const pdf = writeRtlPdf([[...column(540, 'يمين'), ...column(280, 'يسار')]]);
    const [firstParagraph, secondParagraph] = paragraphsOf(pdfText(raw(pdf)));
    expect(firstParagraph).toMatch(/^يمين نص سطر1 يمين/);
    expect(secondParagraph).toMatch(/^يسار نص سطر1/);
  });
});

describe('PDFs that cannot be read', () => {
  const skip = (bytes: Uint8Array) => {
    const result = extract(bytes);
    if (!result.ok) return result;
    try {
      parseSource('x.pdf', bytes, result.value);
    } catch (error) {
      if (error instanceof SourceError) return { reason: error.reason, message: error.message };
      throw error;
    }
    return { reason: 'none', message: '' };
  };

  it('says a password-protected PDF needs its password', () => {
    expect(skip(encryptedPdf())).toMatchObject({ reason: 'encrypted', message: expect.stringContaining('password') });
  });

  it('says a PDF without a text layer needs OCR', () => {
    expect(skip(scannedPdf())).toMatchObject({ reason: 'no-text-layer', message: expect.stringContaining('run OCR on it first') });
  });

  it('says a truncated PDF is damaged', () => {
    expect(skip(truncatedPdf()).reason).toMatch(/malformed|no-text-layer/);
  });

  it('refuses more pages or runs of text than a document may have', () => {
    const bounded = createExtractor(60_000, { maxPages: 3, maxRuns: 5 });
    try {
      const run = (bytes: Uint8Array) => {
        const job = bounded.start('pdf', bytes);
        let result: ExtractResult | undefined;
        while (!result) result = job.poll(50);
        return result;
      };
      expect(run(reportPdf())).toMatchObject({ ok: false, reason: 'too-many-entries', message: '4 pages, over the limit of 3' });
      expect(run(writePdf({ pages: [[0, 1, 2, 3, 4, 5].map((i) => ({ x: 72, y: 700 - 12 * i, size: 10, text: `line ${i}` }))] }))).toMatchObject({
        ok: false,
        reason: 'too-many-entries',
        message: 'more than 5 runs of text',
      });
    } finally {
      bounded.close();
    }
  });

  it('gives up on a file that takes too long, and reads the next one with a new thread', () => {
    const impatient = createExtractor(1);
    try {
      const job = impatient.start('pdf', reportPdf());
      let result: ExtractResult | undefined;
      while (!result) result = job.poll(50);
      expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    } finally {
      impatient.close();
    }
    expect(extract(reportPdf()).ok).toBe(true);
  });
});
