/**
 * The indexed fields, in the order their numbers are stored in postings. Boosts weigh a
 * match in a field as BM25F does: they multiply the field's term frequency before the
 * fields are added up and saturated (query-scores.ts). A query without a field prefix
 * searches all. The title boost is 2, not Lunr's customary 5 (bench/README.md, "Deviations from
 * Lunr's defaults").
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
