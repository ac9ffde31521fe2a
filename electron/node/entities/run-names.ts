import type { EntityType } from '../../common/entities/entity-types';
import { cleanSurface, normaliseName } from './entity-key';
import { EXACT_SPELLINGS, KNOWN_FIRST_WORDS, knownGroup, LONGEST_KNOWN } from './entity-groups';
import type { FoundName } from './find-names';
import { ARTICLE } from './latin-words';
import { isCommonWord, isDemonym, isGivenName, isOrganisation, isPersonName, isPlace, isSurname } from './name-lexicon';

// The names of one run of capitalised words (find-names.ts finds the runs, and keeps what each gave).

/** A word of a run the cache does not know; `norm`: its normalised form once asked (normOf). */
export type Token = { start: number; end: number; text: string; lower: string; norm: string | undefined };
/** A run's words are normalised again and again while it is typed (classify, knownAt): once each. */
const normOf = (t: Token): string => (t.norm ??= normaliseName(t.text));

const CAPITAL = /^\p{Lu}/u;
/** Words that may stand inside a name between capitalised words. */
export const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'du', 'la', 'van', 'von', 'bin', 'ibn', 'bint', 'ben', 'al', 'el']);
/** Words starting a sentence or a span that are no part of a name, whatever the lexicon says. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'but', 'and', 'or', 'if', 'when',
  'while', 'after', 'before', 'according', 'despite', 'now', 'then', 'thus', 'here', 'there', 'it', 'its', 'they', 'we', 'he', 'she', 'his',
  'her', 'their', 'our', 'i', 'you', 'my', 'your', 'since', 'until', 'although', 'however', 'still', 'also', 'even', 'so', 'because', 'among',
  'within', 'without', 'into', 'over', 'under', 'through', 'during', 'about', 'against', 'between', 'both', 'each', 'every', 'all', 'some',
  'many', 'most', 'no', 'not', 'yet', 'once', 'chapter', 'volume', 'title', 'image', 'caption', 'click', 'read', 'book', 'author',
  'bayat', 'bay’at', "bay'at", 'microblog',
]);
/** Words that name nothing on their own (a lone capitalised one is dropped). */
const NOT_ALONE = new Set([
  ...NOT_NAMES, 'media', 'news', 'islamic', 'arab', 'muslim', 'muslims', 'caliph', 'caliphate', 'emir', 'sheikh', 'internet', 'web', 'state',
  'states', 'western', 'eastern', 'northern', 'southern', 'central', 'middle', 'new', 'old', 'great', 'first', 'last', 'god', 'allah', 'islam',
  'department', 'ministry', 'center', 'centre', 'agency', 'council', 'army', 'college', 'university', 'office', 'government', 'coalition',
]);
/** Titles before a name: the name after them is a person's (the title is left out of it). */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir', 'lord', 'lady', 'president', 'minister', 'secretary', 'general', 'colonel', 'lieutenant',
  'major', 'captain', 'sergeant', 'admiral', 'commander', 'spokesman', 'spokeswoman', 'sheikh', 'shaykh', 'emir', 'amir', 'imam', 'mullah',
  'caliph', 'king', 'queen', 'prince', 'princess', 'senator', 'governor', 'ambassador', 'judge', 'father', 'brother', 'sister', 'saint', 'st',
]);
/** Last words of an organisation's name. */
const ORG_HEADS = new Set([
  'center', 'centre', 'agency', 'ministry', 'department', 'college', 'university', 'institute', 'council', 'command', 'forces', 'army',
  'party', 'front', 'organization', 'organisation', 'brigade', 'brigades', 'battalion', 'movement', 'news', 'media', 'times', 'post', 'press',
  'office', 'foundation', 'company', 'corporation', 'corp', 'inc', 'ltd', 'committee', 'bureau', 'service', 'services', 'network', 'association',
  'union', 'court', 'library', 'hermitage', 'commission', 'alliance', 'coalition', 'police', 'guard', 'bank', 'parliament',
  'congress', 'senate', 'government', 'school', 'academy', 'institution', 'society', 'club', 'league', 'group', 'markit', 'international',
]);
/** First words of an organisation's name (Ministry of …, University of …). */
const ORG_STARTS = new Set(['ministry', 'university', 'department', 'institute', 'bank', 'council', 'office', 'house']);
/** Words a place's name starts with (Arabic: gate, monastery, plain, hill, cape, mountain, valley…) or ends with. */
const PLACE_STARTS = new Set(['bab', 'deir', 'dayr', 'sahl', 'tal', 'tell', 'ras', 'jabal', 'jebel', 'wadi', 'bir', 'ain', 'ayn', 'jisr', 'khan', 'qasr', 'beit', 'bayt', 'marj', 'hayy', 'madinat', 'jazirat', 'mount', 'lake', 'cape', 'gulf', 'port', 'fort']);
const PLACE_ENDS = new Set(['province', 'governorate', 'valley', 'river', 'peninsula', 'mountains', 'mountain', 'sea', 'ocean', 'gulf', 'island', 'islands', 'desert', 'strait', 'lake', 'city', 'county', 'district', 'region', 'square', 'street', 'airport', 'bay', 'coast', 'plain', 'plateau', 'basin']);
/** Words starting an Arabic name written in Latin letters (father of, mother of). */
const KUNYA = new Set(['abu', 'abou', 'abo', 'umm', 'um', 'omm']);
/** Capitals that are no organisation's initials. */
const NOT_ACRONYMS = new Set(['BC', 'AD', 'CE', 'BCE', 'TV', 'OK', 'PM', 'AM', 'ID', 'UTC', 'GMT', 'PDF', 'USD', 'EUR', 'CEO', 'PR', 'IT', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII', 'DNA', 'FAQ', 'AND', 'THE', 'OF', 'NO', 'AT', 'TO', 'IN']);
const ACRONYM = /^\p{Lu}(?:[\p{Lu}&.‑-]){1,6}$/u;
export const PLACE_CONTEXT = /\b(?:city|town|village|province|region|governorate|district|suburb|capital) of (?:the )?$|\b(?:near|outside) $/i;
const PATRONYMIC = /(?:ovich|evich|ovna|evna|ich)$/;

const isCapitalised = (t: Token) => CAPITAL.test(t.text) || ARTICLE.test(t.text);

/** A span of tokens is a known name as a whole (Islamic State, Amaq News Agency). */
function knownAt(tokens: readonly Token[], text: string, from: number, to: number): number {
  const norm = normOf(tokens[from]!);
  const space = norm.indexOf(' ');
  if (!KNOWN_FIRST_WORDS.has(space < 0 ? norm : norm.slice(0, space))) return 0;
  for (let n = Math.min(LONGEST_KNOWN, to - from); n >= 1; n--) {
    const last = tokens[from + n - 1]!;
    const surface = cleanSurface(text.slice(tokens[from]!.start, last.end));
    const group = knownGroup(surface);
    if (group && (n > 1 || isCapitalised(tokens[from]!) || EXACT_SPELLINGS.includes(surface)) && (normaliseName(surface) !== 'is' || EXACT_SPELLINGS.includes(surface))) return n;
  }
  return 0;
}

/**
 * The type a span of capitalised words names (classifyWords), the last answer kept: a run that
 * nothing splits is typed whole, then again as the words held apart from known names (the same).
 */
function classify(words: readonly Token[], titled: boolean): EntityType | undefined {
  if (titled !== lastTitled || words.length !== lastWords.length || words.some((w, k) => w !== lastWords[k])) {
    lastType = classifyWords(words, titled);
    lastWords = words;
    lastTitled = titled;
  }
  return lastType;
}
let lastWords: readonly Token[] = [];
let lastTitled = false;
let lastType: EntityType | undefined;

/** The type a span of capitalised words names, or undefined when nothing says. */
function classifyWords(words: readonly Token[], titled: boolean): EntityType | undefined {
  const lowers = words.map(normOf);
  const whole = lowers.join(' ');
  const first = lowers[0]!;
  const last = lowers[lowers.length - 1]!;
  const headThenConnector = lowers.some((l, k) => k > 0 && ORG_HEADS.has(l) && CONNECTORS.has(lowers[k + 1] ?? ''));
  if (ORG_HEADS.has(last) || headThenConnector || (words.length > 2 && ORG_STARTS.has(first))) return words.length > 1 ? 'org' : undefined;
  if (titled) return 'person';
  if (words.length > 1 && (PLACE_STARTS.has(first) || PLACE_ENDS.has(last))) return 'place';
  if (isPlace(whole) && !isPersonName(whole)) return 'place';
  if (isOrganisation(whole)) return 'org';
  if (words.length === 1) {
    const w = words[0]!;
    if (ACRONYM.test(w.text) && !NOT_ACRONYMS.has(w.text) && !/^[IVXLCDM‑-]+$/.test(w.text) && w.text.replace(/[^\p{Lu}]/gu, '').length >= 2) return isPlace(w.lower) ? 'place' : 'org';
    if (isPlace(w.lower)) return 'place';
    if (isGivenName(w.lower)) return 'person';
    // One al- word alone: a nisba (al-Baghdadi, al-Tamimi) is a person's.
    if (ARTICLE.test(w.text) && /[iy]$/.test(w.lower)) return 'person';
    return undefined;
  }
  if (KUNYA.has(first) || lowers.some((l) => l === 'bin' || l === 'ibn' || l === 'bint')) return 'person';
  if (words.slice(1).some((w) => ARTICLE.test(w.text))) return 'person';
  if (isGivenName(first) || isGivenName(lowers[1] ?? '')) return 'person';
  if (words.length <= 4 && (isSurname(last) || isSurname(first) || lowers.some((l) => PATRONYMIC.test(l)))) return 'person';
  if (isPlace(last) && words.length === 2 && isDemonym(first)) return 'place';
  return undefined;
}

/** What a run's words are: the start of a sentence, after a title (Mr, President), or neither. */
export type RunContext = 'sentence' | 'titled' | 'plain';
/**
 * A name of a run, offsets from the run's start, with what the finder decides once it knows the
 * text before it: `never` (no name whatever the type), `notAlone` (no name unless typed).
 */
export type RunName = { start: number; end: number; surface: string; type: EntityType | undefined; never: boolean; notAlone: boolean };

/** A connector that splits a run into parts (of, for, the; not bin, ibn, al, which hold a person's name together). */
const NOT_SPLITTING = new Set(['bin', 'ibn', 'bint', 'ben', 'al', 'el']);
const splitting = (w: Token) => CONNECTORS.has(w.lower) && !NOT_SPLITTING.has(w.lower);

/** The name the words ws stand for, as written (offsets in the text). */
function span(text: string, ws: readonly Token[], type: EntityType | undefined): FoundName {
  const start = ws[0]!.start;
  const surface = cleanSurface(text.slice(start, ws[ws.length - 1]!.end));
  return { start, end: start + surface.length, surface, type };
}

/** A person or place before "of" is no part of an organisation's name (Charlie Winter of the … Center). */
function firstPart(ws: readonly Token[]): 'person' | 'place' | undefined {
  const at = ws.findIndex(splitting);
  const type = at > 0 ? classify(ws.slice(0, at), false) : undefined;
  return type === 'person' || type === 'place' ? type : undefined;
}

/** The names of words held apart from the known names of a run (rawNamesInRun), into out. */
function flushInto(text: string, pending: Token[], titled: boolean, out: FoundName[]): void {
  if (pending.length === 0) return;
  const hasConnector = pending.some(splitting);
  const before = hasConnector ? firstPart(pending) : undefined;
  if (before) {
    const at = pending.findIndex(splitting);
    out.push(span(text, pending.slice(0, at), before));
    let rest = pending.slice(at);
    while (rest.length > 0 && (CONNECTORS.has(rest[0]!.lower) || NOT_NAMES.has(rest[0]!.lower))) rest = rest.slice(1);
    flushInto(text, rest, titled, out);
    return;
  }
  const type = classify(pending, titled && out.length === 0);
  if (hasConnector && type !== 'org') {
    // Caliphate of Cordoba, History of the East: the parts apart.
    let part: Token[] = [];
    for (let k = 0; k <= pending.length; k++) {
      const w = pending[k];
      if (w === undefined || splitting(w)) {
        let trimmed = part;
        let partTitled = false;
        while (trimmed.length > 0 && (NOT_ALONE.has(trimmed[0]!.lower) || TITLES.has(trimmed[0]!.lower))) {
          partTitled ||= TITLES.has(trimmed[0]!.lower);
          trimmed = trimmed.slice(1);
        }
        if (trimmed.length > 0) out.push(span(text, trimmed, classify(trimmed, partTitled)));
        part = [];
      } else part.push(w);
    }
  } else out.push(span(text, pending, type));
}

/**
 * The names in one run of capitalised words (split at known names and at connectors when nothing
 * holds it together), before the text ahead of them is read (see findLatinNames); offsets from
 * the run's start (at).
 */
export function rawNamesInRun(text: string, run: Token[], context: RunContext, at: number): RunName[] {
  let words = run;
  let titled = context === 'titled';
  // Leading common words and titles (The, According, Lieutenant Colonel) are not the name.
  const sentenceStart = context === 'sentence';
  while (words.length > 0 && !ACRONYM.test(words[0]!.text) && (NOT_NAMES.has(words[0]!.lower) || TITLES.has(words[0]!.lower) || (sentenceStart && isCommonWord(words[0]!.lower) && !ARTICLE.test(words[0]!.text)) || CONNECTORS.has(words[0]!.lower))) {
    if (TITLES.has(words[0]!.lower)) titled = true;
    words = words.slice(1);
  }
  while (words.length > 0 && CONNECTORS.has(words[words.length - 1]!.lower)) words = words.slice(0, -1);
  if (words.length === 0) return [];
  const whole = firstPart(words) ? undefined : classify(words, titled);
  if (whole === 'org' && words.length > 1 && !knownGroup(cleanSurface(text.slice(words[0]!.start, words[words.length - 1]!.end)))) {
    const org = span(text, words, 'org');
    return [{ start: org.start - at, end: org.end - at, surface: org.surface, type: 'org', never: false, notAlone: false }];
  }
  const out: FoundName[] = [];
  // Known names inside the run stand apart (ISIS Abu Bakr al-Baghdadi → ISIS, Abu Bakr al-Baghdadi).
  let pending: Token[] = [];
  for (let k = 0; k < words.length; ) {
    const n = knownAt(words, text, k, words.length);
    if (n > 0) {
      flushInto(text, pending, titled, out);
      pending = [];
      const ws = words.slice(k, k + n);
      out.push(span(text, ws, knownGroup(cleanSurface(text.slice(ws[0]!.start, ws[n - 1]!.end)))!.type));
      k += n;
    } else pending.push(words[k++]!);
  }
  flushInto(text, pending, titled, out);
  // A person's name after a word that is none of it (Microblog Charlie Winter → Charlie Winter).
  for (const [k, f] of out.entries()) {
    if (f.type !== 'person') continue;
    const parts = f.surface.split(' ');
    if (parts.length >= 3 && !isGivenName(parts[0]!.toLowerCase()) && isGivenName(parts[1]!.toLowerCase()) && !KUNYA.has(parts[0]!.toLowerCase()) && !PATRONYMIC.test(parts[parts.length - 1]!.toLowerCase())) {
      const cut = parts[0]!.length + 1;
      out[k] = { start: f.start + cut, end: f.end, surface: f.surface.slice(cut), type: 'person' };
    }
  }
  // A lone word the lexicon knows as common, or a demonym, is nobody's name (typed or not: findLatinNames decides).
  return out.map((f) => {
    const lower = normaliseName(f.surface);
    const never = !lower || isDemonym(lower);
    return { start: f.start - at, end: f.end - at, surface: f.surface, type: f.type, never, notAlone: never || isCommonWord(lower) || NOT_ALONE.has(lower) || lower.includes(' ') || lower.length < 3 };
  });
}
