import { MAX_ELSEWHERE, MAX_GROUP_PLACES, type DocumentRepeats, type PassagePlace, type RepeatedGroup, type RepeatedSort } from '../../common/analysis/repeated-types';
import type { Db } from '../sqlite/open-database';
import { jaccard, passageShingles } from './passage-shingles';

type PlaceRow = { grp: number; doc_ord: number; idx: number; words: number; similarity: number; id: string; title: string; start: number; end: number; page: string };

const PLACE_COLUMNS = 'r.grp, r.doc_ord, r.idx, r.words, r.similarity, d.id, d.title, p.start, p.end, p.page';
const PLACE_JOIN = 'repeated_passages r JOIN documents d ON d.ord = r.doc_ord JOIN paragraphs p ON p.doc_ord = r.doc_ord AND p.idx = r.idx';

const toPlace = (row: PlaceRow): PassagePlace => ({
  documentId: row.id,
  title: row.title,
  paragraph: row.idx + 1,
  ...(row.page ? { page: row.page } : {}),
  start: row.start,
  end: row.end,
  words: row.words,
});

/**
 * A paragraph's text, cut by SQLite when the document has no characters beyond the BMP (its
 * UTF-16 offsets are then SQLite's character counts), else from the whole text.
 */
export function paragraphTextReader(db: Db): (ord: number, start: number, end: number) => string {
  const astral = db.prepare('SELECT text_astral FROM documents WHERE ord = ?').pluck();
  const cut = db.prepare('SELECT substr(text, ? + 1, ? - ?) FROM documents WHERE ord = ?').pluck();
  const whole = db.prepare('SELECT text FROM documents WHERE ord = ?').pluck();
  return (ord, start, end) => (astral.get(ord) === 0 ? (cut.get(start, end, start, ord) as string) : (whole.get(ord) as string).slice(start, end));
}

/**
 * The paragraphs of a document that stand elsewhere too, each with its other places and how
 * alike each is to it (measured here, between the two: the stored similarity is to the
 * group's first place). A caption printed twice in one article is "elsewhere" too.
 */
export function documentRepeats(db: Db, ord: number, documentId: string): DocumentRepeats {
  const own = db.prepare(`SELECT ${PLACE_COLUMNS} FROM ${PLACE_JOIN} WHERE r.doc_ord = ? ORDER BY r.idx`).all(ord) as PlaceRow[];
  if (own.length === 0) return { documentId, paragraphs: [] };
  const members = db.prepare(`SELECT ${PLACE_COLUMNS} FROM ${PLACE_JOIN} WHERE r.grp = ? ORDER BY r.doc_ord, r.idx LIMIT ?`);
  const count = db.prepare('SELECT count(*) FROM repeated_passages WHERE grp = ?').pluck();
  const text = paragraphTextReader(db);
  const shingles = new Map<string, Uint32Array>();
  const shinglesOf = (row: PlaceRow) => {
    const key = `${row.doc_ord}:${row.idx}`;
    let s = shingles.get(key);
    if (!s) shingles.set(key, (s = passageShingles(text(row.doc_ord, row.start, row.end)).shingles));
    return s;
  };
  return {
    documentId,
    paragraphs: own.map((row) => {
      // Enough of the group to list the closest (a group of thousands is read in part, in corpus order).
      const others = (members.all(row.grp, MAX_GROUP_PLACES * 4) as PlaceRow[]).filter((m) => m.doc_ord !== row.doc_ord || m.idx !== row.idx);
      const mine = shinglesOf(row);
      const elsewhere = others
        .map((m) => ({ ...toPlace(m), similarity: Math.round(jaccard(mine, shinglesOf(m)) * 1000) / 1000, ord: m.doc_ord }))
        .sort((a, b) => b.similarity - a.similarity || a.ord - b.ord || a.paragraph - b.paragraph)
        .slice(0, MAX_ELSEWHERE)
        .map(({ ord: _ord, ...place }) => place);
      const total = (count.get(row.grp) as number) - 1;
      return { paragraph: row.idx + 1, group: row.grp, elsewhere, more: total - elsewhere.length };
    }),
  };
}

/**
 * The corpus's groups of passages of at least minWords words: largest first, then the most alike
 * (or the most alike first, then the largest), then corpus order.
 */
export function repeatedGroups(db: Db, minWords: number, offset: number, limit: number, sort: RepeatedSort = 'size'): { total: number; groups: RepeatedGroup[] } {
  const summary = `SELECT grp, count(*) AS size, count(DISTINCT doc_ord) AS documents, min(similarity) AS similarity
    FROM repeated_passages WHERE words >= ? GROUP BY grp HAVING count(*) >= 2`;
  const total = db.prepare(`SELECT count(*) FROM (${summary})`).pluck().get(minWords) as number;
  const rows = db.prepare(`${summary} ORDER BY ${sort === 'size' ? 'size DESC, similarity DESC' : 'similarity DESC, size DESC'}, grp LIMIT ? OFFSET ?`).all(minWords, limit, offset) as {
    grp: number;
    size: number;
    documents: number;
    similarity: number;
  }[];
  const members = db.prepare(`SELECT ${PLACE_COLUMNS} FROM ${PLACE_JOIN} WHERE r.grp = ? AND r.words >= ? ORDER BY r.doc_ord, r.idx LIMIT ?`);
  const text = paragraphTextReader(db);
  return {
    total,
    groups: rows.map((g) => {
      const places = members.all(g.grp, minWords, MAX_GROUP_PLACES) as PlaceRow[];
      const first = places[0]!;
      return {
        group: g.grp,
        size: g.size,
        documents: g.documents,
        similarity: g.similarity / 1000,
        preview: preview(text(first.doc_ord, first.start, Math.min(first.end, first.start + 400))),
        places: places.map((p) => ({ ...toPlace(p), similarity: p.similarity / 1000 })),
      };
    }),
  };
}

/** The first 200 characters or so, cut at a space, whitespace folded. */
function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 200) return flat;
  const cut = flat.lastIndexOf(' ', 200);
  return `${flat.slice(0, cut > 100 ? cut : 200)} …`;
}
