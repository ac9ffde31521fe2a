/** The kinds of entity the index suggests. */
export const ENTITY_TYPES = ['person', 'org', 'place', 'date'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'People',
  org: 'Organisations',
  place: 'Places',
  date: 'Dates',
};

/** One spelling of an entity as found in the texts (its key: type and normalised spelling, stable across rebuilds). */
export type EntityVariant = { key: string; name: string; mentions: number };

/** An entry of the entity index, with the user's edits applied (merges, splits, renames; hidden ones flagged). */
export type EntitySummary = {
  /** The key of its first variant: what edits and the entity page refer to. */
  key: string;
  type: EntityType;
  name: string;
  mentions: number;
  documents: number;
  variants: EntityVariant[];
  hidden: boolean;
  /** True when the user renamed it. */
  renamed: boolean;
};

export type EntityListResponse = {
  entities: EntitySummary[];
  /** Entries matching the type and filter (the list may be cut at the limit). */
  matching: number;
  /** Entries of the corpus (every type), hidden ones left out. */
  total: number;
  /** Whether the user has edited the index of this corpus (an undo is possible). */
  canUndo: boolean;
};

export type EntityMention = {
  documentId: string;
  title: string;
  /** Paragraph number, 1-based, as the concordance gives it. */
  paragraph: number;
  start: number;
  end: number;
  left: string;
  text: string;
  right: string;
};

export type EntityPage = {
  entity: EntitySummary;
  mentions: EntityMention[];
  /** Mentions in all (the list may be cut at MAX_ENTITY_MENTIONS). */
  totalMentions: number;
  /** Entities named in the same paragraphs, most shared paragraphs first. */
  cooccurring: { key: string; type: EntityType; name: string; paragraphs: number }[];
};

export const MAX_ENTITY_MENTIONS = 500;

export type EntityEditKind = 'merge' | 'split' | 'rename' | 'hide' | 'unhide';
