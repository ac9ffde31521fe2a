import { ENTITY_TYPES, type EntityType } from '../../common/entities/entity-types';
import { normaliseName, withoutArticles } from './entity-key';
import { knownGroup } from './entity-groups';
import { extractEntities } from './extract-entities';

/** Mentions kept per document and in all: a corpus past them keeps the first ones, in corpus order. */
export const MAX_DOCUMENT_MENTIONS = 2_000;
export const MAX_CORPUS_MENTIONS = 2_000_000;

type Mention = { doc: number; idx: number; start: number; end: number };
type Spelling = { norm: string; votes: Map<EntityType, number>; surfaces: Map<string, number>; mentions: Mention[] };

export type IndexedVariant = { key: string; name: string; mentions: Mention[] };
export type IndexedEntity = { key: string; type: EntityType; name: string; variants: IndexedVariant[]; documents: number; mentionCount: number };

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

  /** Adds a paragraph's entities (offset: where the paragraph starts in its document's text). */
  addParagraph(doc: number, idx: number, offset: number, text: string, documentMentions: { count: number }): void {
    for (const e of extractEntities(text)) {
      if (documentMentions.count >= MAX_DOCUMENT_MENTIONS || this.total >= MAX_CORPUS_MENTIONS) return;
      const norm = e.type === 'date' ? e.iso! : normaliseName(e.surface);
      if (!norm) continue;
      const id = e.type === 'date' ? `date:${norm}` : norm;
      let s = this.spellings.get(id);
      if (!s) this.spellings.set(id, (s = { norm, votes: new Map(), surfaces: new Map(), mentions: [] }));
      if (e.type) s.votes.set(e.type, (s.votes.get(e.type) ?? 0) + 1);
      s.surfaces.set(e.surface, (s.surfaces.get(e.surface) ?? 0) + 1);
      s.mentions.push({ doc, idx, start: offset + e.start, end: offset + e.end });
      documentMentions.count++;
      this.total++;
    }
  }

  finish(): IndexedEntity[] {
    const typed = new Map<string, { type: EntityType; s: Spelling }>();
    const untyped: Spelling[] = [];
    for (const [id, s] of [...this.spellings].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (id.startsWith('date:')) {
        typed.set(id, { type: 'date', s });
        continue;
      }
      let best: EntityType | undefined;
      for (const type of ['org', 'person', 'place'] as const) if ((s.votes.get(type) ?? 0) > (best ? s.votes.get(best)! : 0)) best = type;
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
    const entities: IndexedEntity[] = [];
    for (const [gid, g] of groups) {
      const variants = g.members
        .map((s) => ({ key: `${g.type}:${s.norm}`, name: g.type === 'date' ? s.norm : bestSurface(s), mentions: s.mentions }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const main = g.name ?? [...variants].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length || b.mentions.length - a.mentions.length || (a.key < b.key ? -1 : 1))[0]!.name;
      const docs = new Set<number>();
      let mentionCount = 0;
      for (const v of variants) {
        mentionCount += v.mentions.length;
        for (const m of v.mentions) docs.add(m.doc);
      }
      entities.push({ key: gid, type: g.type, name: main, variants, documents: docs.size, mentionCount });
    }
    const typeOrder = (t: EntityType) => ENTITY_TYPES.indexOf(t);
    return entities.sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/** The spelling written most often (ties: the first in code-point order). */
function bestSurface(s: Spelling): string {
  let best = '';
  let count = -1;
  for (const [surface, n] of [...s.surfaces].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n > count) [best, count] = [surface, n];
  return best;
}
