import type { EntityType } from '../../common/entities/entity-types';
import type { Db } from '../sqlite/open-database';

export type StoredVariant = { ord: number; key: string; name: string; mentions: number };
export type StoredEntity = { ord: number; key: string; type: EntityType; name: string; mentions: number; documents: number; variants: StoredVariant[] };
export type StoredMention = { variant: number; docOrd: number; documentId: string; title: string; start: number; end: number; idx: number };

/** The entity index of a corpus as built (read once per corpus; a few rows per entity). */
export type EntityTables = {
  entities(): StoredEntity[];
  /** Mentions of some variants, in corpus order, at most `limit`; and how many there are. */
  mentions(variants: readonly number[], limit: number): { mentions: StoredMention[]; total: number };
  /** Documents holding any of the variants. */
  documentCount(variants: readonly number[]): number;
  /** The variants named in the paragraphs where the given ones are, with how many such paragraphs each shares. */
  cooccurring(variants: readonly number[]): Map<number, number>;
  /** A document's text, to cut mentions' context from. */
  text(docOrd: number): string;
};

const list = (ords: readonly number[]) => ords.map((o) => Math.trunc(o)).join(',');

export function createEntityTables(db: Db): EntityTables {
  let cached: StoredEntity[] | undefined;
  const selectText = db.prepare('SELECT text FROM documents WHERE ord = ?').pluck();
  return {
    entities() {
      if (cached) return cached;
      const rows = db.prepare('SELECT ord, key, type, name, mentions, documents FROM entities ORDER BY ord').all() as Omit<StoredEntity, 'variants'>[];
      const variants = db.prepare('SELECT ord, entity, key, name, mentions FROM entity_variants ORDER BY ord').all() as (StoredVariant & { entity: number })[];
      const byEntity = new Map<number, StoredVariant[]>();
      for (const { entity, ...v } of variants) {
        let l = byEntity.get(entity);
        if (!l) byEntity.set(entity, (l = []));
        l.push(v);
      }
      return (cached = rows.map((r) => ({ ...r, variants: byEntity.get(r.ord) ?? [] })));
    },
    mentions(variants, limit) {
      if (variants.length === 0) return { mentions: [], total: 0 };
      const total = db.prepare(`SELECT count(*) FROM entity_mentions WHERE variant IN (${list(variants)})`).pluck().get() as number;
      const mentions = db
        .prepare(
          `SELECT m.variant, m.doc_ord AS docOrd, d.id AS documentId, d.title, m.start, m.end, m.idx FROM entity_mentions m JOIN documents d ON d.ord = m.doc_ord
           WHERE m.variant IN (${list(variants)}) ORDER BY m.doc_ord, m.start LIMIT ?`,
        )
        .all(limit) as StoredMention[];
      return { mentions, total };
    },
    documentCount(variants) {
      if (variants.length === 0) return 0;
      return db.prepare(`SELECT count(DISTINCT doc_ord) FROM entity_mentions WHERE variant IN (${list(variants)})`).pluck().get() as number;
    },
    cooccurring(variants) {
      const out = new Map<number, number>();
      if (variants.length === 0) return out;
      const rows = db
        .prepare(
          `SELECT o.variant AS variant, count(DISTINCT o.doc_ord * 1000000 + o.idx) AS paragraphs
           FROM (SELECT DISTINCT doc_ord, idx FROM entity_mentions WHERE variant IN (${list(variants)})) p
           JOIN entity_mentions o ON o.doc_ord = p.doc_ord AND o.idx = p.idx
           WHERE o.variant NOT IN (${list(variants)}) GROUP BY o.variant`,
        )
        .all() as { variant: number; paragraphs: number }[];
      for (const r of rows) out.set(r.variant, r.paragraphs);
      return out;
    },
    text: (docOrd) => selectText.get(docOrd) as string,
  };
}
