/**
 * The indexed fields, in the order their numbers are stored in postings. Boosts weigh a
 * match in a field as Lunr's field boosts do (they multiply the field's BM25 score, after
 * saturation). A query without a field prefix searches all. The title boost is 2, not 5:
 * with 5, a word of a short title outweighed whole sentences of matching text and ranking
 * quality fell below FTS5's in bench/ (MRR 0.979 vs 0.989 with 2).
 */
export const SEARCH_FIELDS = [
  { name: 'title', boost: 2 },
  { name: 'text', boost: 1 },
  { name: 'author', boost: 2 },
  { name: 'source', boost: 1 },
] as const;

export type SearchFieldName = (typeof SEARCH_FIELDS)[number]['name'];

export const FIELD_NUMBER: Readonly<Record<SearchFieldName, number>> = Object.fromEntries(
  SEARCH_FIELDS.map((field, i) => [field.name, i]),
) as Record<SearchFieldName, number>;

export const TEXT_FIELD = FIELD_NUMBER.text;
