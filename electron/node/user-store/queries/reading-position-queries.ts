import type { Db } from '../../sqlite/open-database';

export type ReadingPositionRecord = {
  documentId: string;
  documentSha256: string;
  offset: number;
  updatedAt: string;
  /** Furthest offset shown at the bottom of the window, of textLength (the text's length then). */
  seenTo: number;
  textLength: number;
  finishedAt: string | null;
};

type ReadingPositionRow = {
  document_id: string;
  document_sha256: string;
  offset: number;
  updated_at: string;
  seen_to: number;
  text_length: number;
  finished_at: string | null;
};

const COLUMNS = 'document_id, document_sha256, offset, updated_at, seen_to, text_length, finished_at';

const toReadingPosition = (row: ReadingPositionRow): ReadingPositionRecord => ({
  documentId: row.document_id,
  documentSha256: row.document_sha256,
  offset: row.offset,
  updatedAt: row.updated_at,
  seenTo: row.seen_to,
  textLength: row.text_length,
  finishedAt: row.finished_at,
});

export function findReadingPosition(db: Db, corpusId: string, documentId: string): ReadingPositionRecord | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM reading_positions WHERE corpus_id = ? AND document_id = ?`).get(corpusId, documentId) as
    | ReadingPositionRow
    | undefined;
  return row && toReadingPosition(row);
}

/** Every reading position of a corpus (documents opened at least once): the library's states. */
export function listReadingPositions(db: Db, corpusId: string): ReadingPositionRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM reading_positions WHERE corpus_id = ?`).all(corpusId) as ReadingPositionRow[]).map(toReadingPosition);
}

export function upsertReadingPosition(db: Db, corpusId: string, position: ReadingPositionRecord): void {
  db.prepare(
    `INSERT INTO reading_positions (corpus_id, document_id, document_sha256, offset, updated_at, seen_to, text_length, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (corpus_id, document_id) DO UPDATE SET document_sha256 = excluded.document_sha256,
       offset = excluded.offset, updated_at = excluded.updated_at, seen_to = excluded.seen_to,
       text_length = excluded.text_length, finished_at = excluded.finished_at`,
  ).run(
    corpusId,
    position.documentId,
    position.documentSha256,
    position.offset,
    position.updatedAt,
    position.seenTo,
    position.textLength,
    position.finishedAt,
  );
}

export type ReadingSpeedRecord = { words: number; seconds: number; samples: number; updatedAt: string };

export function findReadingSpeed(db: Db): ReadingSpeedRecord | undefined {
  const row = db.prepare('SELECT words, seconds, samples, updated_at FROM reading_speed WHERE id = 1').get() as
    | { words: number; seconds: number; samples: number; updated_at: string }
    | undefined;
  return row && { words: row.words, seconds: row.seconds, samples: row.samples, updatedAt: row.updated_at };
}

/** Adds one measured stretch of reading to the reader's totals. */
export function addReadingSample(db: Db, words: number, seconds: number, now: string): void {
  db.prepare(
    `INSERT INTO reading_speed (id, words, seconds, samples, updated_at) VALUES (1, ?, ?, 1, ?)
     ON CONFLICT (id) DO UPDATE SET words = words + excluded.words, seconds = seconds + excluded.seconds,
       samples = samples + 1, updated_at = excluded.updated_at`,
  ).run(words, seconds, now);
}
