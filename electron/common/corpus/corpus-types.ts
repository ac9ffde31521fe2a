/** Shapes of corpus data as the renderer sees them. Offsets count UTF-16 code units (JS string indices). */

export type DocumentMeta = {
  id: string;
  title: string;
  source: string;
  author: string;
  language: string;
  originalFile: string;
  wordCount: number;
  sha256: string;
};

export type Paragraph = { start: number; end: number };

export type DocumentView = DocumentMeta & {
  text: string;
  paragraphs: Paragraph[];
};

export type CorpusInfo = {
  id: string;
  title: string;
  documentCount: number;
  formatVersion: number;
  builderVersion: string;
  fileName: string;
};
