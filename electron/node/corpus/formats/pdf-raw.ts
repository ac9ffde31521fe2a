/**
 * What the extraction thread reads out of a PDF with pdf.js (extract-worker.ts), before any
 * layout: positioned runs of text per page, the page labels and the metadata. Coordinates are
 * PDF user space (points, y growing upwards), as pdf.js gives them.
 */
export type PdfTextItem = {
  /** The run's text. */
  s: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  /** Advance width of the run. */
  w: number;
  /** Font size (height of the text matrix). */
  size: number;
};

export type PdfRawPage = { width: number; height: number; items: PdfTextItem[] };

export type PdfRaw = {
  pages: PdfRawPage[];
  /** The PDF's PageLabels (printed page numbers), one per page, or null when it has none. */
  labels: string[] | null;
  /** Info dictionary: Title, Author, Subject, CreationDate… as strings. */
  info: Record<string, string>;
  /** XMP metadata: dc:title, dc:creator, dc:description, xmp:createdate… as strings. */
  xmp: Record<string, string>;
};
