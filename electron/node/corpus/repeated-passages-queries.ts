import { MAX_ELSEWHERE, MAX_GROUP_PLACES, type DocumentRepeats, type PassagePlace, type RepeatedGroup, type RepeatedSort } from '../../common/analysis/repeated-types';
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
  // Read once per group: a document can hold thousands of places of one group (a repeated line).
  const groupMembers = new Map<number, PlaceRow[]>();
  const membersOf = (grp: number) => {
    let rows = groupMembers.get(grp);
    if (!rows) groupMembers.set(grp, (rows = members.all(grp, MAX_GROUP_PLACES * 4) as PlaceRow[]));
    return rows;
  };
  const counts = new Map<number, number>();
  const countOf = (grp: number) => {
    let n = counts.get(grp);
    if (n === undefined) counts.set(grp, (n = count.get(grp) as number));
    return n;
  };
  const text = paragraphTextReader(db);
  // Kept by place and by text: a line repeated a thousand times is shingled, and compared, once.
  const shingles = new Map<string, Uint32Array>();
  const byText = new Map<string, Uint32Array>();
  const shinglesOf = (row: PlaceRow) => {
    const key = `${row.doc_ord}:${row.idx}`;
    let s = shingles.get(key);
    if (!s) {
      const passage = text(row.doc_ord, row.start, row.end);
      s = byText.get(passage);
      if (!s) byText.set(passage, (s = passageShingles(passage).shingles));
      shingles.set(key, s);
    }
    return s;
  };
  const similarity = (a: Uint32Array, b: Uint32Array) => Math.round(jaccard(a, b) * 1000) / 1000;
  // The group's members ranked by likeness to a text, once per group and text: the places of a
  // line repeated 300 times each rank the same list (a book of 30,000 such took 6 s, ranking per place).
  const rankings = new Map<number, Map<Uint32Array, { m: PlaceRow; similarity: number }[]>>();
  const ranked = (grp: number, mine: Uint32Array) => {
    let byMine = rankings.get(grp);
    if (!byMine) rankings.set(grp, (byMine = new Map()));
    let list = byMine.get(mine);
    if (!list) byMine.set(mine, (list = closest(membersOf(grp), (m) => similarity(mine, shinglesOf(m)), MAX_ELSEWHERE + 1)));
    return list;
  };
  return {
    documentId,
    paragraphs: own.map((row) => {
      // Enough of the group to list the closest (a group of thousands is read in part, in corpus order),
      // the paragraph itself left out; only the few listed become places.
      const elsewhere: (PassagePlace & { similarity: number })[] = [];
      for (const { m, similarity } of ranked(row.grp, shinglesOf(row))) {
        if (elsewhere.length === MAX_ELSEWHERE) break;
        if (m.doc_ord !== row.doc_ord || m.idx !== row.idx) elsewhere.push({ ...toPlace(m), similarity });
      }
      const total = countOf(row.grp) - 1;
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
