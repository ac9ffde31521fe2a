import type { EntityType } from '../../common/entities/entity-types';
import type { StoredEntity, StoredVariant } from './entity-tables';

export type EntityEdit = { kind: 'merge' | 'split' | 'rename' | 'hide' | 'unhide'; variantKey: string; targetKey: string; name: string };

/** An entity as the user sees it: built variants regrouped by the edits. */
export type EditedEntity = {
  /** The key of its main spelling: a variant key, what edits and the entity page name it by. */
  key: string;
  type: EntityType;
  name: string;
  variants: StoredVariant[];
  hidden: boolean;
  renamed: boolean;
  /** True when edits changed its variants (its document count must be counted again). */
  regrouped: boolean;
  /** The built entity's document count (right while not regrouped). */
  builtDocuments: number;
};

type Group = { type: EntityType; primary: string; name: string; builtName: string; variants: Set<string>; hidden: boolean; renamed: boolean; regrouped: boolean; builtDocuments: number; order: number };

/**
 * The index with the user's edits applied, in the order they were made. An edit names entities
 * by variant keys, so it applies to whichever entity holds that spelling in this build: merge
 * moves every spelling of the first entity into the second's (same type only); split takes one
 * spelling out into an entity of its own; rename names the entity; hide and unhide flag it. An
 * edit whose spelling this build no longer has is skipped.
 */
export function applyEntityEdits(built: readonly StoredEntity[], edits: readonly EntityEdit[]): EditedEntity[] {
  const variantByKey = new Map<string, StoredVariant>();
  const groupOf = new Map<string, Group>();
  const groups: Group[] = [];
  for (const [order, e] of built.entries()) {
    const primary = e.variants.some((v) => v.key === e.key) ? e.key : (e.variants[0]?.key ?? e.key);
    const g: Group = { type: e.type, primary, name: e.name, builtName: e.name, variants: new Set(), hidden: false, renamed: false, regrouped: false, builtDocuments: e.documents, order };
    for (const v of e.variants) {
      variantByKey.set(v.key, v);
      g.variants.add(v.key);
      groupOf.set(v.key, g);
    }
    groups.push(g);
  }
  for (const edit of edits) {
    const g = groupOf.get(edit.variantKey);
    if (!g) continue;
    switch (edit.kind) {
      case 'merge': {
        const into = groupOf.get(edit.targetKey);
        if (!into || into === g || into.type !== g.type) break;
        for (const k of g.variants) {
          into.variants.add(k);
          groupOf.set(k, into);
        }
        g.variants.clear();
        into.regrouped = true;
        into.hidden &&= g.hidden;
        break;
      }
      case 'split': {
        if (g.variants.size < 2) break;
        g.variants.delete(edit.variantKey);
        g.regrouped = true;
        if (g.primary === edit.variantKey) {
          g.primary = [...g.variants].sort()[0]!;
          if (!g.renamed) g.name = variantByKey.get(g.primary)!.name;
        }
        const v = variantByKey.get(edit.variantKey)!;
        const alone: Group = { type: g.type, primary: v.key, name: v.name, builtName: v.name, variants: new Set([v.key]), hidden: false, renamed: false, regrouped: true, builtDocuments: 0, order: g.order };
        groupOf.set(v.key, alone);
        groups.push(alone);
        break;
      }
      case 'rename':
        g.name = edit.name;
        g.renamed = edit.name !== g.builtName;
        break;
      case 'hide':
      case 'unhide':
        g.hidden = edit.kind === 'hide';
        break;
    }
  }
  return groups
    .filter((g) => g.variants.size > 0)
    .map((g) => ({
      key: g.primary,
      type: g.type,
      name: g.name,
      variants: [...g.variants].sort().map((k) => variantByKey.get(k)!),
      hidden: g.hidden,
      renamed: g.renamed,
      regrouped: g.regrouped,
      builtDocuments: g.builtDocuments,
    }));
}
