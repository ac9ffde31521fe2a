import type { CarrelServices } from '../../common/ipc/ipc-contract';
import { MAX_ENTITY_MENTIONS, type EntityPage, type EntitySummary } from '../../common/entities/entity-types';
import type { CorpusStore } from '../corpus/corpus-store';
import { applyEntityEdits, type EditedEntity, type EntityEdit } from '../entities/apply-entity-edits';
import { normaliseName } from '../entities/entity-key';
import type { EntityTables } from '../entities/entity-tables';
import { ServiceError } from './service-error';

export type EntityService = Pick<CarrelServices, 'listEntities' | 'getEntity' | 'editEntity' | 'undoEntityEdit'>;

/** Where the user's edits of the open corpus's index are kept (the notes database); absent: the index as built, not editable. */
export type EntityEditStore = {
  list(): EntityEdit[];
  add(edit: EntityEdit): void;
  /** Undoes the latest edit in force; false when there is none. */
  undo(): boolean;
};

/** Characters of context each side of a mention. */
const CONTEXT = 80;

function context(text: string, start: number, end: number) {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return { left: (from > 0 ? '…' : '') + flat(text.slice(from, start)), text: flat(text.slice(start, end)), right: flat(text.slice(end, to)) + (to < text.length ? '…' : '') };
}

/**
 * The entity index of the open corpus (entity-index.ts builds it) with the user's edits applied
 * (apply-entity-edits.ts): the list by type, an entity's page (its mentions in context and the
 * entities named in the same paragraphs), and the edits. The edited index is kept per corpus and
 * edits, so listing and filtering do not regroup again.
 */
export function createEntityService(requireStore: () => CorpusStore, edits?: () => EntityEditStore): EntityService {
  let cache: { store: CorpusStore; signature: string; entities: EditedEntity[]; documents: Map<string, number> } | undefined;
  const editsOf = (): EntityEdit[] => {
    if (!edits) return [];
    try {
      return edits().list();
    } catch {
      // The notes cannot be read now (locked, refused): the index as built.
      return [];
    }
  };
  const edited = (store: CorpusStore) => {
    const list = editsOf();
    const signature = JSON.stringify(list);
    if (cache?.store !== store || cache.signature !== signature) {
      cache = { store, signature, entities: applyEntityEdits(store.entityTables().entities(), list), documents: new Map() };
    }
    return { ...cache, edits: list };
  };
  const documentsOf = (tables: EntityTables, c: { documents: Map<string, number> }, e: EditedEntity) => {
    if (!e.regrouped) return e.builtDocuments;
    let n = c.documents.get(e.key);
    if (n === undefined) c.documents.set(e.key, (n = tables.documentCount(e.variants.map((v) => v.ord))));
    return n;
  };
  const summary = (tables: EntityTables, c: { documents: Map<string, number> }, e: EditedEntity): EntitySummary => ({
    key: e.key,
    type: e.type,
    name: e.name,
    mentions: e.variants.reduce((sum, v) => sum + v.mentions, 0),
    documents: documentsOf(tables, c, e),
    variants: e.variants.map((v) => ({ key: v.key, name: v.name, mentions: v.mentions })),
    hidden: e.hidden,
    renamed: e.renamed,
  });
  const find = (entities: readonly EditedEntity[], key: string) => entities.find((e) => e.key === key) ?? entities.find((e) => e.variants.some((v) => v.key === key));
  const requireEdits = () => {
    if (!edits) throw new ServiceError('unavailable', 'Edits of the entity index are kept with your notes, which are not open here.');
    return edits();
  };

  return {
    listEntities({ type, filter, includeHidden = false, limit = 5000 } = {}) {
      const store = requireStore();
      const tables = store.entityTables();
      const c = edited(store);
      const wanted = filter ? normaliseName(filter) : '';
      const visible = c.entities.filter((e) => includeHidden || !e.hidden);
      const chosen = visible.filter(
        (e) => (!type || e.type === type) && (!wanted || normaliseName(e.name).includes(wanted) || e.variants.some((v) => v.key.slice(v.key.indexOf(':') + 1).includes(wanted))),
      );
      const summaries = chosen.map((e) => summary(tables, c, e)).sort((a, b) => b.mentions - a.mentions || b.documents - a.documents || a.name.localeCompare(b.name, 'en'));
      return { entities: summaries.slice(0, limit), matching: summaries.length, total: visible.length, canUndo: c.edits.length > 0 };
    },
    getEntity({ key }) {
      const store = requireStore();
      const tables = store.entityTables();
      const c = edited(store);
      const e = find(c.entities, key);
      if (!e) throw new ServiceError('not-found', 'This entity is no longer in the index (the corpus was rebuilt or the entry merged): go back to the list.');
      const ords = e.variants.map((v) => v.ord);
      const { mentions, total } = tables.mentions(ords, MAX_ENTITY_MENTIONS);
      const paragraphsOf = new Map<string, number>();
      const texts = new Map<number, string>();
      const page: EntityPage = {
        entity: summary(tables, c, e),
        totalMentions: total,
        mentions: mentions.map((m) => {
          let text = texts.get(m.docOrd);
          if (text === undefined) texts.set(m.docOrd, (text = tables.text(m.docOrd)));
          void paragraphsOf;
          return { documentId: m.documentId, title: m.title, paragraph: m.idx + 1, start: m.start, end: m.end, ...context(text, m.start, m.end) };
        }),
        cooccurring: [],
      };
      // Co-occurring entities: each variant's count goes to the entity holding it now.
      const byVariant = new Map<number, EditedEntity>();
      for (const other of c.entities) for (const v of other.variants) byVariant.set(v.ord, other);
      const shared = new Map<EditedEntity, number>();
      for (const [variant, paragraphs] of tables.cooccurring(ords)) {
        const other = byVariant.get(variant);
        if (other && other !== e && !other.hidden) shared.set(other, Math.max(shared.get(other) ?? 0, paragraphs));
      }
      page.cooccurring = [...shared]
        .sort((a, b) => b[1] - a[1] || a[0].name.localeCompare(b[0].name, 'en'))
        .slice(0, 50)
        .map(([o, paragraphs]) => ({ key: o.key, type: o.type, name: o.name, paragraphs }));
      return page;
    },
    editEntity({ kind, key, targetKey = '', name = '' }) {
      const store = requireStore();
      const c = edited(store);
      const e = find(c.entities, key);
      if (!e) throw new ServiceError('not-found', 'This entity is no longer in the index: go back to the list.');
      const target = kind === 'merge' ? find(c.entities, targetKey) : undefined;
      if (kind === 'merge') {
        if (!target) throw new ServiceError('not-found', 'The entry to merge into is no longer in the index.');
        if (target === e) throw new ServiceError('invalid-argument', 'An entry cannot be merged into itself.');
        if (target.type !== e.type) throw new ServiceError('invalid-argument', `Only entries of one kind merge: “${e.name}” and “${target.name}” are not.`);
      }
      if (kind === 'split' && (e.variants.length < 2 || !e.variants.some((v) => v.key === targetKey))) {
        throw new ServiceError('invalid-argument', 'Choose one of this entry’s spellings to split off.');
      }
      if (kind === 'rename' && !name.trim()) throw new ServiceError('invalid-argument', 'Type a name.');
      // A split names the spelling split off; the others name the entity by its main spelling.
      const edit: EntityEdit =
        kind === 'split'
          ? { kind, variantKey: targetKey, targetKey: '', name: '' }
          : { kind, variantKey: e.key, targetKey: target ? target.key : '', name: kind === 'rename' ? name.trim().slice(0, 200) : '' };
      requireEdits().add(edit);
      const after = find(edited(store).entities, kind === 'merge' ? target!.key : kind === 'split' ? targetKey : e.key);
      return { key: after?.key ?? e.key };
    },
    undoEntityEdit() {
      return { undone: requireEdits().undo() };
    },
  };
}
