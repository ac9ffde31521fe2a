import { ENTITY_TYPES, type EntityType } from '../../common/entities/entity-types';
import { normaliseName, withoutArticles } from './entity-key';
import { knownGroup } from './entity-groups';
import { extractEntities, type FoundEntity } from './extract-entities';

/** Mentions kept per document and in all: a corpus past them keeps the first ones, in corpus order. */
export const MAX_DOCUMENT_MENTIONS = 2_000;
export const MAX_CORPUS_MENTIONS = 2_000_000;

/**
 * A spelling while the index is gathered, kept small (a corpus has hundreds of thousands, most
 * of them capitalised words dropped in the end): votes as counts, the surface as written once
 * (a map only when it is written several ways), mentions in the builder's pool.
 */
type Spelling = {
  norm: string;
  org: number;
  person: number;
  place: number;
  surface: string;
  surfaceCount: number;
  surfaces: Map<string, number> | undefined;
  /** First and last of its mentions in the pool (-1: none yet), and how many. */
  first: number;
  last: number;
  count: number;
};
/** Ints per mention in the pool: doc, paragraph, start, end, next mention of the spelling (-1: none). */
const SLOT = 5;

/**
 * A copy of a string that holds nothing else alive: a name cut from a paragraph is a slice of
 * its document's text, which it would keep in memory for as long as the index is gathered.
 */
const own = (s: string): string => (s.length < 13 ? s : (` ${s}`).slice(1));

/** A variant and how many mentions it has (EntityIndex.mentions). */
export type IndexedVariant = { key: string; name: string; mentions: number };
export type IndexedEntity = { key: string; type: EntityType; name: string; variants: IndexedVariant[]; documents: number; mentionCount: number };
/**
 * The index: its entries, and their variants' mentions, entry after entry and variant after
 * variant, each in the order found, as (document, paragraph, start, end): one array, cheap to
 * hand from a thread and small to hold while the build writes the search index.
 */
export type EntityIndex = { entities: IndexedEntity[]; mentions: Int32Array };
/** Ints per mention in EntityIndex.mentions. */
export const MENTION_INTS = 4;

/**
 * The entity index of a corpus, gathered paragraph by paragraph while it builds, then merged:
 * 1. a spelling (its normalised form, entity-key.ts) takes the type most of its mentions got
 *    (ties: org, person, place);
 * 2. spellings of one listed group (entity-groups.ts) are one entity under the group's name;
 * 3. a person's shorter name is merged into the one longer person's name it ends (Winter →
 *    Charlie Winter, al-Baghdadi → Abu Bakr al-Baghdadi, Arabic articles aside), when exactly one
 *    longer name ends so; a capitalised word no rule typed joins such a person or is dropped;
 * 4. a date is its ISO day, month or year (June 12, 2016 = 12 June 2016 = 2016-06-12).
 * Everything is sorted, so the same corpus gives the same index.
 */
export class EntityIndexBuilder {
  private readonly spellings = new Map<string, Spelling>();
  private total = 0;
  private pool = new Int32Array(SLOT * 4096);

  /** Adds a paragraph's entities (offset: where the paragraph starts in its document's text). */
  addParagraph(doc: number, idx: number, offset: number, text: string, documentMentions: { count: number }): void {
    for (const e of extractEntities(text)) {
      const spelling = spellingOf(e);
      if (spelling) this.addFound(doc, idx, offset + e.start, offset + e.end, spelling.id, spelling.norm, e.surface, e.type, documentMentions);
    }
  }

  /**
   * Adds one name or date found (offsets into its document's text), as addParagraph does for each
   * one it finds: finds kept apart (found-paragraphs.ts) and added in the same order give the same index.
   */
  addFound(doc: number, idx: number, start: number, end: number, id: string, norm: string, surface: string, type: EntityType | undefined, documentMentions: { count: number }): void {
    if (documentMentions.count >= MAX_DOCUMENT_MENTIONS || this.total >= MAX_CORPUS_MENTIONS) return;
    let s = this.spellings.get(id);
    if (!s) this.spellings.set(own(id), (s = { norm: own(norm), org: 0, person: 0, place: 0, surface: own(surface), surfaceCount: 0, surfaces: undefined, first: -1, last: -1, count: 0 }));
    if (type && type !== 'date') s[type]++;
    if (!s.surfaces && surface === s.surface) s.surfaceCount++;
    else {
      s.surfaces ??= new Map([[s.surface, s.surfaceCount]]);
      const known = s.surfaces.get(surface);
      s.surfaces.set(known === undefined ? own(surface) : surface, (known ?? 0) + 1);
    }
    this.addMention(s, doc, idx, start, end);
    documentMentions.count++;
    this.total++;
  }

  private addMention(s: Spelling, doc: number, idx: number, start: number, end: number): void {
    const at = this.total * SLOT;
    if (at + SLOT > this.pool.length) {
      const grown = new Int32Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool.set([doc, idx, start, end, -1], at);
    if (s.last >= 0) this.pool[s.last * SLOT + 4] = this.total;
    else s.first = this.total;
    s.last = this.total;
    s.count++;
  }

  /** A spelling's mentions, in the order found, as pool positions. */
  private *mentionsOf(s: Spelling): Generator<number> {
    for (let m = s.first; m >= 0; m = this.pool[m * SLOT + 4]!) yield m * SLOT;
  }

  finish(): EntityIndex {
    const typed = new Map<string, { type: EntityType; s: Spelling }>();
    const untyped: Spelling[] = [];
    for (const [id, s] of [...this.spellings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (id.startsWith('date:')) {
        typed.set(id, { type: 'date', s });
        continue;
      }
      let best: 'org' | 'person' | 'place' | undefined;
      for (const type of ['org', 'person', 'place'] as const) if (s[type] > (best ? s[best] : 0)) best = type;
      if (best) typed.set(id, { type: best, s });
      else untyped.push(s);
    }
    // Groups: by known group, else by the spelling itself.
    const groups = new Map<string, { type: EntityType; name?: string; members: Spelling[] }>();
    const groupOf = new Map<Spelling, string>();
    for (const { type, s } of typed.values()) {
      const known = type === 'date' ? undefined : knownGroup(bestSurface(s));
      const gid = known ? `${known.type}:${normaliseName(known.name)}` : `${type}:${s.norm}`;
      let g = groups.get(gid);
      if (!g) groups.set(gid, (g = { type: known?.type ?? type, ...(known ? { name: known.name } : {}), members: [] }));
      g.members.push(s);
      groupOf.set(s, gid);
    }
    // Shorter person names into the one longer name they end.
    const persons = [...groups].filter(([, g]) => g.type === 'person');
    const tails = new Map<string, Set<string>>();
    for (const [gid, g] of persons) {
      for (const m of g.members) {
        const words = withoutArticles(m.norm).split(' ');
        for (let k = 1; k < words.length; k++) {
          const tail = words.slice(k).join(' ');
          let set = tails.get(tail);
          if (!set) tails.set(tail, (set = new Set()));
          set.add(gid);
        }
      }
    }
    const intoLonger = (norm: string, self?: string): string | undefined => {
      const owners = [...(tails.get(withoutArticles(norm)) ?? [])].filter((gid) => gid !== self);
      return owners.length === 1 ? owners[0] : undefined;
    };
    for (const [gid, g] of persons) {
      if (g.name || g.members.length !== 1) continue;
      const into = intoLonger(g.members[0]!.norm, gid);
      if (into && groups.get(into)) {
        groups.get(into)!.members.push(...g.members);
        groups.delete(gid);
      }
    }
    for (const s of untyped) {
      const into = intoLonger(s.norm);
      if (into && groups.get(into)) groups.get(into)!.members.push(s);
    }
    const entities: (IndexedEntity & { spellings: Spelling[] })[] = [];
    for (const [gid, g] of groups) {
      const variants = g.members
        .map((s) => ({ key: `${g.type}:${s.norm}`, name: g.type === 'date' ? s.norm : bestSurface(s), mentions: s.count, s }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const main = g.name ?? [...variants].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length || b.mentions - a.mentions || (a.key < b.key ? -1 : 1))[0]!.name;
      const docs = new Set<number>();
      let mentionCount = 0;
      for (const v of variants) {
        mentionCount += v.mentions;
        for (const m of this.mentionsOf(v.s)) docs.add(this.pool[m]!);
      }
      entities.push({ key: gid, type: g.type, name: main, variants: variants.map(({ key, name, mentions }) => ({ key, name, mentions })), documents: docs.size, mentionCount, spellings: variants.map((v) => v.s) });
    }
    const typeOrder = (t: EntityType) => ENTITY_TYPES.indexOf(t);
    entities.sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const mentions = new Int32Array(entities.reduce((n, e) => n + e.mentionCount, 0) * MENTION_INTS);
    let at = 0;
    for (const e of entities) {
      for (const s of e.spellings) {
        for (const m of this.mentionsOf(s)) {
          mentions.set(this.pool.subarray(m, m + MENTION_INTS), at);
          at += MENTION_INTS;
        }
      }
    }
    return { entities: entities.map(({ spellings: _, ...e }) => e), mentions };
  }
}

/** What a find is indexed under: its normalised spelling (a date: its ISO form), and that with its kind; none for a name without letters. */
export function spellingOf(e: FoundEntity): { id: string; norm: string } | undefined {
  const norm = e.type === 'date' ? e.iso! : normaliseName(e.surface);
  if (!norm) return undefined;
  return { id: e.type === 'date' ? `date:${norm}` : norm, norm };
}

/** The spelling written most often (ties: the first in code-point order). */
function bestSurface(s: Spelling): string {
  if (!s.surfaces) return s.surface;
  let best = '';
  let count = -1;
  for (const [surface, n] of [...s.surfaces].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n > count) [best, count] = [surface, n];
  return best;
}
