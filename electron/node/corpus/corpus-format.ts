/**
 * The corpus file format. A corpus is a SQLite file marked with APPLICATION_ID and
 * FORMAT_VERSION (in PRAGMA application_id / user_version) so that a wrong file or a
 * file from another version is recognised before any query runs.
 */
export const CORPUS_APPLICATION_ID = 0x4341524c; // "CARL"
// 4: Arabic search terms by light stemming; 5: postings entries as varints (search/postings.ts);
// 6: paragraphs keep the lang and dir their HTML source states; 7: Arabic words folded with
// classical (Uthmani) spelling read as modern spelling (search/arabic-fold.ts): older indexes
// hold other terms for such words, so they are refused and rebuilt; documents.text_astral;
// 8: postings weights are BM25F's boosted, length-normalised term frequencies (search ranking);
// 9: paragraphs.fold marks the lines the reader folds away (the title repeated, site navigation,
// lines a site repeats: fold-lines.ts), split into blocks of their own and left out of the index;
// 12: PDF, EPUB and Word sources; paragraphs.page, the printed page a PDF paragraph starts on
// 13: headings (the contents list of each document). 10 and 11 were development numbers of
// parts alone, 12 the pages and folded lines without headings; 14: repeated_passages (paragraphs
// found in more than one place, repeated-passages.ts); 15: the entity index (entities,
// entity_variants, entity_mentions: electron/node/entities/); 16: originals (a copy of each
// source PDF, for the reader's "Show original"). 17: all three together (14, 15 and 16 were the
// branches' own numbers).
export const CORPUS_FORMAT_VERSION = 17;
export const BUILDER_VERSION = '0.3.0';

export const CORPUS_SCHEMA = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE documents (
  ord INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  source TEXT NOT NULL,
  author TEXT NOT NULL,
  language TEXT NOT NULL,
  original_file TEXT NOT NULL,
  source_path TEXT NOT NULL,
  format TEXT NOT NULL,
  date TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  -- 1 when the text holds characters beyond the BMP: its UTF-16 offsets (all offsets here) then
  -- differ from SQLite's character counts, so substr() cannot cut it by them. Before the text,
  -- so that reading it never reads the text's overflow pages.
  text_astral INTEGER NOT NULL DEFAULT 1,
  text TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  sha256 TEXT NOT NULL
);

-- Offsets count UTF-16 code units into documents.text. kind: what the block was in its
-- source (p, h1..h6, li, quote, pre, row); documents are plain text whatever their format.
CREATE TABLE paragraphs (
  doc_ord INTEGER NOT NULL REFERENCES documents(ord),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  kind TEXT NOT NULL DEFAULT 'p',
  -- As stated by the source (HTML lang/dir around the block), '' when not stated.
  lang TEXT NOT NULL DEFAULT '',
  dir TEXT NOT NULL DEFAULT '',
  -- The label of the page the block starts on (a PDF's printed page label, e.g. 'iv', '12'), '' when unpaginated.
  page TEXT NOT NULL DEFAULT '',
  -- Not the article's own text, folded away by the reader: 'title', 'navigation', 'repeated'; '' otherwise.
  fold TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (doc_ord, idx)
) WITHOUT ROWID;

-- Links found in HTML and Markdown sources, as data only (a span of the text and the address).
CREATE TABLE links (
  doc_ord INTEGER NOT NULL REFERENCES documents(ord),
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  href TEXT NOT NULL,
  PRIMARY KEY (doc_ord, idx)
) WITHOUT ROWID;

-- The contents of each document: its headings in order, with their level (1 = top), the span
-- of the text each names, and its title as listed. Filled from h1..h6 blocks, or by a format
-- with contents of its own (EPUB nav, DOCX heading styles).
CREATE TABLE headings (
  doc_ord INTEGER NOT NULL REFERENCES documents(ord),
  idx INTEGER NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 6),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY (doc_ord, idx)
) WITHOUT ROWID;

-- Paragraphs found in more than one place, word for word or nearly (repeated-passages.ts): groups
-- of paragraphs of at least 8 words whose three-word shingles overlap (Jaccard ≥ 0.5), folded lines
-- left out. grp numbers the groups from 1 in corpus order of their first paragraph; similarity is
-- the Jaccard similarity to that first paragraph in thousandths (1000 for the first itself).
CREATE TABLE repeated_passages (
  doc_ord INTEGER NOT NULL REFERENCES documents(ord),
  idx INTEGER NOT NULL,
  grp INTEGER NOT NULL,
  words INTEGER NOT NULL,
  similarity INTEGER NOT NULL,
  PRIMARY KEY (doc_ord, idx)
) WITHOUT ROWID;
CREATE INDEX repeated_passages_by_group ON repeated_passages (grp, doc_ord, idx);
-- The entity index (people, organisations, places, dates found at build time: suggestions).
-- An entity is one or more variants (spellings); each variant's key (type:normalised spelling)
-- is what the user's edits refer to, so they outlast a rebuild. ord: in type, then key order.
CREATE TABLE entities (
  ord INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('person', 'org', 'place', 'date')),
  name TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  documents INTEGER NOT NULL
);
CREATE TABLE entity_variants (
  ord INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL REFERENCES entities(ord),
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  mentions INTEGER NOT NULL
);
CREATE INDEX entity_variants_by_entity ON entity_variants (entity);
-- Offsets count UTF-16 code units into documents.text; idx is the paragraph's.
CREATE TABLE entity_mentions (
  variant INTEGER NOT NULL REFERENCES entity_variants(ord),
  doc_ord INTEGER NOT NULL REFERENCES documents(ord),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  PRIMARY KEY (variant, doc_ord, start)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_by_paragraph ON entity_mentions (doc_ord, idx);
-- A copy of each source PDF as it was read (the reader draws its pages: "Show original"), unless
-- the corpus was built without originals (meta originals = 'none') or the file was larger than
-- MAX_ORIGINAL_BYTES. The bytes are the file's; sha256 is theirs.
CREATE TABLE originals (
  doc_ord INTEGER PRIMARY KEY REFERENCES documents(ord),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  bytes BLOB NOT NULL
);

-- Search index, sharded by term so that a query reads only the rows of its terms
-- (electron/node/search/postings.ts describes the packed postings).
CREATE TABLE search_terms (
  term TEXT PRIMARY KEY,
  postings BLOB NOT NULL
);

-- Every indexed word as written (folded) and its stemmed term: wildcards and fuzzy terms.
CREATE TABLE search_words (
  word TEXT PRIMARY KEY,
  term TEXT NOT NULL
) WITHOUT ROWID;
`;

/** Largest source file a corpus keeps a copy of (the reader's "Show original"); larger ones are read but not kept. */
export const MAX_ORIGINAL_BYTES = 64 * 1024 * 1024;

/** Keys of the meta table. */
export const META = {
  corpusId: 'corpus_id',
  title: 'title',
  builderVersion: 'builder_version',
  createdAt: 'created_at',
  sourcesSha256: 'sources_sha256',
  contentSha256: 'content_sha256',
  documentCount: 'document_count',
  /** How content_sha256 is computed (see corpus-manifest.ts). */
  manifestScheme: 'manifest_scheme',
  /** 'kept' when the build kept a copy of each source PDF (the originals table), 'none' when built with --no-originals. */
  originals: 'originals',
} as const;
