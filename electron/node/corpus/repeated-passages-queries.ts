import { MAX_ELSEWHERE, MAX_GROUP_PLACES, type DocumentRepeats, type ParagraphElsewhere, type PassageElsewhere, type PassagePlace, type RepeatedGroup, type RepeatedSort } from '../../common/analysis/repeated-types';
import type { Db } from '../sqlite/open-database';
import { jaccard, passageShingles } from './passage-shingles';

export type PlaceRow = { grp: number; doc_ord: number; idx: number; words: number; similarity: number; id: string; title: string; start: number; end: number; page: string };

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
 * A paragraph's text. The first paragraph asked of a document is cut by SQLite when the
 * document has no characters beyond the BMP (its UTF-16 offsets are then SQLite's character
 * counts); from the second on, the whole text is read once and kept while paragraphs of that
 * document follow (substr reads the whole text each time: a thousand paragraphs of a long
 * document would read it a thousand times).
 */
export function paragraphTextReader(db: Db): (ord: number, start: number, end: number) => string {
  const astral = db.prepare('SELECT text_astral FROM documents WHERE ord = ?').pluck();
  const cut = db.prepare('SELECT substr(text, ? + 1, ? - ?) FROM documents WHERE ord = ?').pluck();
  const whole = db.prepare('SELECT text FROM documents WHERE ord = ?').pluck();
  let last: { ord: number; text?: string } | undefined;
  return (ord, start, end) => {
    if (last?.ord === ord) return (last.text ??= whole.get(ord) as string).slice(start, end);
    last = { ord };
    if (astral.get(ord) === 0) return cut.get(start, end, start, ord) as string;
    return (last.text = whole.get(ord) as string).slice(start, end);
  };
}

type Ranked = { m: PlaceRow; similarity: number };
const before = (a: Ranked, b: Ranked) => b.similarity - a.similarity || a.m.doc_ord - b.m.doc_ord || a.m.idx - b.m.idx;

/**
 * The k members most alike (ties in corpus order), as the first k of them sorted would be: kept
 * in a short sorted list instead of sorting the whole group for each paragraph (30,000 sorts of
 * 326 places took seconds).
 */
export function closest(members: readonly PlaceRow[], likeness: (m: PlaceRow) => number, k: number): Ranked[] {
  const top: Ranked[] = [];
  for (const m of members) {
    const entry = { m, similarity: likeness(m) };
    if (top.length === k && before(entry, top[k - 1]!) >= 0) continue;
    let i = top.length < k ? top.push(entry) - 1 : k - 1;
    top[i] = entry;
    for (; i > 0 && before(top[i]!, top[i - 1]!) < 0; i--) [top[i], top[i - 1]] = [top[i - 1]!, top[i]!];
  }
  return top;
}

/** The paragraphs of a document that stand elsewhere too, and in how many other places (one query: a book's 30,000 are milliseconds). */
export function documentRepeats(db: Db, ord: number, documentId: string): DocumentRepeats {
  const rows = db
    .prepare(
      `SELECT r.idx, r.grp, g.size FROM repeated_passages r
       JOIN (SELECT grp, count(*) AS size FROM repeated_passages WHERE grp IN (SELECT grp FROM repeated_passages WHERE doc_ord = ?) GROUP BY grp) g ON g.grp = r.grp
       WHERE r.doc_ord = ? ORDER BY r.idx`,
    )
    .all(ord, ord) as { idx: number; grp: number; size: number }[];
  return { documentId, paragraphs: rows.map((row) => ({ paragraph: row.idx + 1, group: row.grp, others: row.size - 1 })) };
}

/**
 * A paragraph's other places, the most alike first, and how alike each is to it (measured here,
 * between the two: the stored similarity is to the group's first place). A caption printed twice
 * in one article is "elsewhere" too. A group of thousands is ranked on its first places in corpus
 * order (MAX_GROUP_PLACES × 4); the rest are counted in `more`.
 */
export function paragraphElsewhere(db: Db, ord: number, documentId: string, paragraph: number): ParagraphElsewhere {
  const none = { documentId, paragraph, elsewhere: [], more: 0 };
  const own = db.prepare(`SELECT ${PLACE_COLUMNS} FROM ${PLACE_JOIN} WHERE r.doc_ord = ? AND r.idx = ?`).get(ord, paragraph - 1) as PlaceRow | undefined;
  if (!own) return none;
  const members = db.prepare(`SELECT ${PLACE_COLUMNS} FROM ${PLACE_JOIN} WHERE r.grp = ? ORDER BY r.doc_ord, r.idx LIMIT ?`).all(own.grp, MAX_GROUP_PLACES * 4) as PlaceRow[];
  const others = (db.prepare('SELECT count(*) FROM repeated_passages WHERE grp = ?').pluck().get(own.grp) as number) - 1;
  const text = paragraphTextReader(db);
  const shinglesOf = (row: PlaceRow) => passageShingles(text(row.doc_ord, row.start, row.end)).shingles;
  const mine = shinglesOf(own);
  const elsewhere: PassageElsewhere[] = [];
  const isOwn = (m: PlaceRow) => m.doc_ord === own.doc_ord && m.idx === own.idx;
  for (const { m, similarity } of closest(members, (m) => (isOwn(m) ? 2 : Math.round(jaccard(mine, shinglesOf(m)) * 1000) / 1000), MAX_ELSEWHERE + 1)) {
    if (elsewhere.length < MAX_ELSEWHERE && !isOwn(m)) elsewhere.push({ ...toPlace(m), similarity });
  }
  return { documentId, paragraph, elsewhere, more: others - elsewhere.length };
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
