import nlp from 'compromise';

/**
 * compromise's lexicon (its model, shipped in the npm package: nothing is fetched): the tags it
 * gives a lower-case word or phrase (`iraq` → Country, `charlie` → FirstName, `the` → Determiner).
 */
const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;

export function tagsOf(lower: string): readonly string[] {
  const tags = Object.prototype.hasOwnProperty.call(lexicon, lower) ? lexicon[lower] : undefined;
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags;
}

const PERSON_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place']);
/** Tags of names: a word with one of them is no common word. */
const NAME_TAGS = new Set([...PERSON_TAGS, ...PLACE_TAGS, 'LastName', 'Person', 'Organization', 'ProperNoun', 'Demonym', 'SportsTeam']);

/** A given name and nothing else (`charlie`, `ahmed`; not `may`, the modal and month). */
export const isGivenName = (lower: string) => {
  const tags = tagsOf(lower);
  return tags.length > 0 && tags.every((t) => PERSON_TAGS.has(t));
};
export const isPlace = (lower: string) => tagsOf(lower).some((t) => PLACE_TAGS.has(t));
export const isOrganisation = (lower: string) => tagsOf(lower).includes('Organization');
export const isSurname = (lower: string) => tagsOf(lower).includes('LastName');
export const isPersonName = (lower: string) => tagsOf(lower).some((t) => t === 'Person' || PERSON_TAGS.has(t) || t === 'LastName');
export const isDemonym = (lower: string) => tagsOf(lower).includes('Demonym');
/** A word the lexicon knows only as a common word (a determiner, verb, adjective, common noun…). */
export const isCommonWord = (lower: string) => {
  const tags = tagsOf(lower);
  return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
};
