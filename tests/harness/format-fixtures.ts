import { strToU8, zipSync, type Zippable } from 'fflate';
import { columnLines, writePdf, type PdfLine } from './pdf-writer';

/**
 * PDF, EPUB and Word documents made in the tests themselves (nothing binary committed): a
 * report with what real reports have (a title page, page labels, two columns, a running header
 * and page numbers, words hyphenated at line ends), and the hostile files a builder must refuse.
 */

export const REPORT_TITLE = 'The Virtual Caliphate Revisited';
export const RUNNING_HEADER = 'Carrel Working Paper Series';

/** Paragraphs of the report's body, two per column. */
export const REPORT_PARAGRAPHS = [
  'Online propaganda reached audiences far beyond the territory the group held. Its media offices released material every day.',
  'Researchers counted thousands of items in a single year. The volume fell sharply once the territory was lost.',
  'Analysts studied the output of the official channels. The messaging shifted from utopian themes to calls for revenge.',
  'The archive of that output remains a resource for scholars. Preserving it raises questions of ethics and of law.',
];

const SIZE = 10;
const LEADING = 12;

function runningLines(n: number, label: string): PdfLine[] {
  return [
    { x: 72, y: 760, size: 8, text: RUNNING_HEADER },
    { x: 300, y: 40, size: 8, text: label },
  ];
}

/**
 * Four pages labelled i, 1, 2, 3: a title page, then two pages of two columns under a running
 * header with a page number at the foot. "propa-" / "ganda" is broken at a line end (the word
 * is written whole elsewhere); "well-" / "known" too (a compound, written nowhere whole).
 */
export function reportPdf(options: { info?: boolean } = {}): Buffer {
  const titlePage: PdfLine[] = [
    { x: 72, y: 600, size: 28, text: REPORT_TITLE, bold: true },
    { x: 72, y: 560, size: 12, text: 'A report prepared for the tests of the corpus builder' },
  ];
  const column = (paragraphs: string[], x: number) => columnLines(paragraphs, { x, top: 700, size: SIZE, chars: 45, leading: LEADING });
  const page2: PdfLine[] = [
    ...runningLines(2, '1'),
    { x: 72, y: 730, size: 16, text: 'Introduction', bold: true },
    ...column(REPORT_PARAGRAPHS.slice(0, 2), 72),
    ...column(REPORT_PARAGRAPHS.slice(2, 4), 330),
  ];
  const hyphenated: PdfLine[] = [
    { x: 72, y: 700, size: SIZE, text: 'The spread of propa-' },
    { x: 72, y: 700 - LEADING, size: SIZE, text: 'ganda online was a well-' },
    { x: 72, y: 700 - 2 * LEADING, size: SIZE, text: 'known concern of every government.' },
  ];
  const page3: PdfLine[] = [
    ...runningLines(3, '2'),
    ...hyphenated,
    ...columnLines(['Platforms removed accounts in waves. Each wave was followed by new accounts elsewhere.'], { x: 72, top: 640, size: SIZE, chars: 45, leading: LEADING }),
    ...columnLines(['Encrypted messaging became the main channel. Its closed groups were hard to observe from outside.'], { x: 330, top: 700, size: SIZE, chars: 45, leading: LEADING }),
    ...columnLines(['Researchers adapted their methods to that change. Some joined the groups under their own names.'], { x: 330, top: 640, size: SIZE, chars: 45, leading: LEADING }),
    ...columnLines(['Others relied on archives kept by volunteers. Those archives were incomplete but large.'], { x: 330, top: 590, size: SIZE, chars: 45, leading: LEADING }),
  ];
  const page4: PdfLine[] = [
    ...runningLines(4, '3'),
    ...columnLines(['In conclusion, the study of such material needs care. The last page ends the report.'], { x: 72, top: 700, size: SIZE, chars: 80, leading: LEADING }),
  ];
  return writePdf({
    pages: [titlePage, page2, page3, page4],
    labels: [
      { from: 0, style: 'r' },
      { from: 1, style: 'D', start: 1 },
    ],
    info: options.info === false ? undefined : { Title: REPORT_TITLE, Author: 'Carrel Tests', Subject: 'Online propaganda', CreationDate: 'D:20240115093000Z' },
  });
}

/** A "scanned" PDF: pages with no text at all. */
export const scannedPdf = () => writePdf({ pages: [[], [], []] });
export const encryptedPdf = () => writePdf({ pages: [[{ x: 72, y: 700, size: 12, text: 'Secret text' }]], encrypted: true });
export const truncatedPdf = () => reportPdf().subarray(0, 300);

const XHTML = (title: string, body: string, lang = 'en', dir = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><title>${title}</title><script>alert(1)</script></head><body>${body}</body></html>`;

export const CONTAINER_XML = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

/**
 * The EPUB 3's navigation document: landmarks and a page list (not contents) around the
 * contents proper, whose labels differ from the chapters' headings; an entry into a chapter by
 * its fragment (#sec), a part with no link of its own, a fragment the chapter lacks, and two
 * entries that leave the book (ignored).
 */
export const NAV_XHTML = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>
<nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" href="text/c2.xhtml">Start of the book</a></li></ol></nav>
<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>
  <li><a href="text/c1.xhtml">1. The First Chapter</a>
    <ol>
      <li><a href="text/c1.xhtml#sec">1.1 <em>A</em> section</a></li>
      <li><a href="../../etc/passwd">Outside the book</a></li>
      <li><a href="https://example.com/away">Away</a></li>
    </ol>
  </li>
  <li><span>Part Two</span><ol><li><a href="text/c2.xhtml#missing">2. The Second Chapter</a></li></ol></li>
  <li><a href="text/chapter%203.xhtml">3. الفصل الثالث</a></li>
</ol></nav>
<nav epub:type="page-list" hidden=""><ol><li><a href="text/c1.xhtml">1</a></li></ol></nav>
</body></html>`;

/** The contents list NAV_XHTML gives bookEpub: level and title. */
export const NAV_CONTENTS = [
  [1, '1. The First Chapter'],
  [2, '1.1 A section'],
  [1, 'Part Two'],
  [2, '2. The Second Chapter'],
  [1, '3. الفصل الثالث'],
] as const;

/** An EPUB 3 of three chapters (the third in Arabic), spine order different from manifest order. */
export function bookEpub(overrides: Zippable = {}): Uint8Array {
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:0a1b2c3d</dc:identifier>
    <dc:title>Media Strategy &amp; Its Audiences</dc:title>
    <dc:creator>Jane Analyst</dc:creator>
    <dc:creator>Omar Researcher</dc:creator>
    <dc:date>2019-05-01</dc:date>
    <dc:language>en</dc:language>
    <dc:publisher>Carrel Press</dc:publisher>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c3" href="text/chapter%203.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/>
    <item id="c2" href="text/c2.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
  </manifest>
  <spine><itemref idref="c1"/><itemref idref="c2"/><itemref idref="c3"/></spine>
</package>`;
  return zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER_XML),
    'OEBPS/content.opf': strToU8(opf),
    'OEBPS/nav.xhtml': strToU8(NAV_XHTML),
    'OEBPS/text/c1.xhtml': strToU8(XHTML('One', '<h1>Chapter One</h1><p>The first chapter opens the book.</p><h2 id="sec">A section</h2><p>Its section follows.</p>')),
    'OEBPS/text/c2.xhtml': strToU8(XHTML('Two', '<h1>Chapter Two</h1><p>The second chapter comes next.</p>')),
    'OEBPS/text/chapter 3.xhtml': strToU8(XHTML('ثلاثة', '<h1>الفصل الثالث</h1><p>الخلافة الافتراضية في الفضاء الرقمي.</p>', 'ar', 'rtl')),
    'OEBPS/style.css': strToU8('p { color: red }'),
    ...overrides,
  });
}

/** The contents list the NCX of epub2 gives: level and title. */
export const NCX_CONTENTS = [
  [1, 'The second part, read first'],
  [2, 'Its reading'],
  [1, 'The first part'],
] as const;

/** An EPUB 2: XHTML 1.1 chapters with their public DOCTYPE, an NCX, the package's metadata in opf:… attributes. */
export function epub2(overrides: Zippable = {}): Uint8Array {
  const xhtml = (title: string, body: string) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>${title}</title></head><body>${body}</body></html>`;
  const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="BookId">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>An Older Book</dc:title>
    <dc:creator opf:role="aut">A. Writer</dc:creator>
    <dc:language>en-GB</dc:language>
    <dc:date opf:event="publication">2011</dc:date>
    <dc:identifier id="BookId">isbn-0000</dc:identifier>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="p1" href="part1.html" media-type="application/xhtml+xml"/>
    <item id="p2" href="part2.html" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx"><itemref idref="p2"/><itemref idref="p1"/></spine>
</package>`;
  const ncx = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="isbn-0000"/></head>
  <docTitle><text>An Older Book</text></docTitle>
  <navMap>
    <navPoint id="n1" playOrder="1"><navLabel><text>The second part, read first</text></navLabel><content src="part2.html"/>
      <navPoint id="n1a" playOrder="2"><navLabel><text>Its reading</text></navLabel><content src="part2.html#reading"/></navPoint>
    </navPoint>
    <navPoint id="n2" playOrder="3"><navLabel><text>The first part</text></navLabel><content src="part1.html"/></navPoint>
    <navPoint id="n3" playOrder="4"><navLabel><text>Escaping</text></navLabel><content src="../../x.html"/></navPoint>
  </navMap>
  <pageList><pageTarget type="normal" value="1"><navLabel><text>1</text></navLabel><content src="part1.html"/></pageTarget></pageList>
</ncx>`;
  return zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER_XML.replace('OEBPS/content.opf', 'content.opf')),
    'content.opf': strToU8(opf),
    'toc.ncx': strToU8(ncx),
    'part1.html': strToU8(xhtml('One', '<h2>Part one</h2><p>Read second, by the spine.</p>')),
    ...overrides,
    'part2.html': strToU8(xhtml('Two', '<h2>Part two</h2><p id="reading">Read first, by the spine.</p>')),
  });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string, style?: string, extra = '') =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r>${extra}</w:p>`;

/** A Word document: a heading, paragraphs, a table, a footnote and an Arabic paragraph, with core properties. */
export function reportDocx(overrides: Zippable = {}): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
${para('Field Notes on Online Networks', 'Heading1')}
${para('The networks moved between platforms.', undefined, '<w:r><w:footnoteReference w:id="1"/></w:r>')}
${para('Method', 'Heading2')}
${para('Accounts were sampled every week.')}
<w:tbl><w:tr><w:tc>${para('Platform')}</w:tc><w:tc>${para('Accounts')}</w:tc></w:tr><w:tr><w:tc>${para('Telegram')}</w:tc><w:tc>${para('120')}</w:tc></w:tr></w:tbl>
${para('الدعاية الرقمية انتقلت بين المنصات.')}
</w:body></w:document>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>`;
  const footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ${W}><w:footnote w:id="1">${para('Observed from March to June.')}</w:footnote></w:footnotes>`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>Field Notes</dc:title><dc:creator>Sam Writer</dc:creator><dcterms:created>2021-03-04T10:00:00Z</dcterms:created><dc:subject>Networks</dc:subject>
</cp:coreProperties>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`;
  const docRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;
  return zipSync({
    '[Content_Types].xml': strToU8(types),
    '_rels/.rels': strToU8(rels),
    'word/document.xml': strToU8(document),
    'word/styles.xml': strToU8(styles),
    'word/footnotes.xml': strToU8(footnotes),
    'word/_rels/document.xml.rels': strToU8(docRels),
    'docProps/core.xml': strToU8(core),
    ...overrides,
  });
}

/** The classic billion laughs: ten levels of ten entities each. */
export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n ')}
]>
<container><rootfiles><rootfile full-path="&lol9;"/></rootfiles></container>`;

export const billionLaughsEpub = () => bookEpub({ 'META-INF/container.xml': strToU8(BILLION_LAUGHS) });
export const zipSlipEpub = () => bookEpub({ '../../x': strToU8('escaped') });

/**
 * A zip bomb as a builder first sees one: an entry whose central directory declares 4 GB
 * uncompressed (here only declared: the test must not need the memory a real one would take).
 */
export function zipBombDocx(): Uint8Array {
  const zip = reportDocx({ 'word/media/bomb.bin': strToU8('0'.repeat(1000)) });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (name === 'word/media/bomb.bin') view.setUint32(at + 24, 0xfffffff0, true);
  }
  return zip;
}
