import nlp from 'compromise';

/**
 * compromise's lexicon (its model, shipped in the npm package: nothing is fetched): the tags it
 * gives a lower-case word or phrase (`iraq` → Country, `charlie` → FirstName, `the` → Determiner).
 */
const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon;

export function tagsOf(lower: string): readonly string[] {
  // The finder asks the same word several times in a row (isPlace, isPersonName, isCommonWord…).
  if (lower === lastWord) return lastTags;
  const tags = Object.prototype.hasOwnProperty.call(lexicon, lower) ? lexicon[lower] : undefined;
  lastWord = lower;
  lastTags = tags === undefined ? NO_TAGS : typeof tags === 'string' ? oneTag(tags) : tags;
  return lastTags;
}
let lastWord: string | undefined;
let lastTags: readonly string[] = [];
const NO_TAGS: readonly string[] = Object.freeze([]);
/** One array per tag (a few dozen), instead of one per word asked. */
const single = new Map<string, readonly string[]>();
function oneTag(tag: string): readonly string[] {
  let tags = single.get(tag);
  if (!tags) single.set(tag, (tags = Object.freeze([tag])));
  return tags;
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
