import type { EntityType } from '../../common/entities/entity-types';
import { cleanSurface, normaliseName } from './entity-key';
import { EXACT_SPELLINGS, KNOWN_FIRST_WORDS, knownGroup, LONGEST_KNOWN } from './entity-groups';
import { isCommonWord, isDemonym, isGivenName, isOrganisation, isPersonName, isPlace, isSurname } from './name-lexicon';

/** A name found in a paragraph; `type` undefined: a lone capitalised word, kept only if it ends a longer name elsewhere (Winter → Charlie Winter). */
export type FoundName = { start: number; end: number; surface: string; type: EntityType | undefined };

type Token = { start: number; end: number; text: string; lower: string };

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}](?:[\p{L}\p{M}\p{N}'’.‑-]*[\p{L}\p{M}\p{N}])?/gu;
const ARTICLE = /^(?:[aA][lnrstdz]|[aA]sh|[eE]l|[uU][dl])[-‑]\p{Lu}/u;
const CAPITAL = /^\p{Lu}/u;
/** Words that may stand inside a name between capitalised words. */
const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'du', 'la', 'van', 'von', 'bin', 'ibn', 'bint', 'ben', 'al', 'el']);
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
const TITLES = new Set([
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
const PLACE_CONTEXT = /\b(?:city|town|village|province|region|governorate|district|suburb|capital) of (?:the )?$|\b(?:near|outside) $/i;
const PATRONYMIC = /(?:ovich|evich|ovna|evna|ich)$/;

const isCapitalised = (t: Token) => CAPITAL.test(t.text) || ARTICLE.test(t.text);

function tokensOf(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    // Two sets of initials joined by a hyphen are two names (SDF-ISF).
    const pair = /^(\p{Lu}{2,})[-‑](\p{Lu}{2,})$/u.exec(m[0]);
    const start = offset + m.index;
    if (pair) {
      tokens.push({ start, end: start + pair[1]!.length, text: pair[1]!, lower: pair[1]!.toLowerCase() });
      const at = start + pair[1]!.length + 1;
      tokens.push({ start: at, end: at + pair[2]!.length, text: pair[2]!, lower: pair[2]!.toLowerCase() });
    } else tokens.push({ start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase() });
  }
  return tokens;
}

/** Only blanks between two tokens (a comma, a stop, a bracket or a dash ends a name). */
const joined = (text: string, a: Token, b: Token) => /^[ \t\u00A0]+$/.test(text.slice(a.end, b.start));

/** A span of tokens is a known name as a whole (Islamic State, Amaq News Agency). */
function knownAt(tokens: readonly Token[], text: string, from: number, to: number): number {
  if (!KNOWN_FIRST_WORDS.has(normaliseName(tokens[from]!.text).split(' ')[0]!)) return 0;
  for (let n = Math.min(LONGEST_KNOWN, to - from); n >= 1; n--) {
    const last = tokens[from + n - 1]!;
    const surface = cleanSurface(text.slice(tokens[from]!.start, last.end));
    const group = knownGroup(surface);
    if (group && (n > 1 || isCapitalised(tokens[from]!) || EXACT_SPELLINGS.includes(surface)) && (normaliseName(surface) !== 'is' || EXACT_SPELLINGS.includes(surface))) return n;
  }
  return 0;
}

/** The type a span of capitalised words names, or undefined when nothing says. */
function classify(words: readonly Token[], titled: boolean): EntityType | undefined {
  const lowers = words.map((w) => normaliseName(w.text));
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

/**
 * Names written in Latin letters in a paragraph: runs of capitalised words (with of, for, the,
 * bin, ibn, al between them, and Arabic articles joined by a hyphen, al-Baghdadi), typed by the
 * listed names (entity-groups.ts), a title before them, the word they end or start with (…
 * Center, … Province, Bab …, Abu …), an Arabic name's parts (Abu, Umm, bin, ibn, al-), and
 * compromise's lexicon (given names, surnames, countries, cities, organisations). A run nothing
 * types is dropped; one capitalised word alone is kept untyped (see FoundName).
 */
export function findLatinNames(text: string): FoundName[] {
  const found: FoundName[] = [];
  let shouting: boolean | undefined;
  // Only the stretches that start with a capital are read word by word (most words are not).
  const starts = new RegExp(RUN_START.source, 'gu');
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const at = m.index;
    const window = (size: number) => {
      let end = Math.min(text.length, at + size);
      while (end < text.length && !/\s/.test(text[end]!)) end++;
      return { tokens: tokensOf(text.slice(at, end), at), whole: end >= text.length };
    };
    const first = window(RUN_WINDOW);
    let tokens = first.tokens;
    if (tokens.length === 0) continue;
    // A run as long as the window: read further (a long name).
    if (!first.whole && tokens.length > 1 && tokens.every((t, k) => k === 0 || isCapitalised(t) || CONNECTORS.has(t.lower))) tokens = window(RUN_WINDOW_LONG).tokens;
    // The run: capitalised words joined by blanks, connectors between them.
    let j = 1;
    while (j < tokens.length && joined(text, tokens[j - 1]!, tokens[j]!)) {
      const next = tokens[j]!;
      if (isCapitalised(next)) j++;
      else if (CONNECTORS.has(next.lower) && j + 1 < tokens.length && joined(text, next, tokens[j + 1]!) && (isCapitalised(tokens[j + 1]!) || CONNECTORS.has(tokens[j + 1]!.lower))) j++;
      else break;
    }
    while (j > 1 && !isCapitalised(tokens[j - 1]!)) j--;
    starts.lastIndex = tokens[j - 1]!.end;
    // Headings in capitals name nothing reliably (TWITTER AND THE CALIFATE).
    if (shouting === undefined && tokens[0]!.text.length > 1 && tokens[0]!.text === tokens[0]!.text.toUpperCase()) shouting = isShouting(text);
    if (!shouting) found.push(...namesInRun(text, tokens.slice(0, j), wordBefore(text, at)));
  }
  return found;
}

/** Where a run of capitalised words may start: a capital, or an Arabic article joined to one (al-Baghdadi), not inside a word. */
const RUN_START = /(?<![\p{L}\p{M}\p{N}'’.‑-])(?:\p{Lu}|(?:[aA][lnrstdz]|[aA]sh|[eE]l|[uU][dl])[-‑]\p{Lu})/u;
/** Characters read after a run's start: names are shorter. */
const RUN_WINDOW = 60;
const RUN_WINDOW_LONG = 400;

function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 12 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.7;
}

/** The word before a run, unless a sentence or a line ends between them (then the run starts a sentence). */
function wordBefore(text: string, at: number): Token | undefined {
  let end = at;
  while (end > 0 && !WORD_CHAR.test(text[end - 1]!)) {
    if (SENTENCE_END.test(text[end - 1]!) || at - end > 20) return undefined;
    end--;
  }
  let start = end;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!) && end - start < 40) start--;
  // A stop right before the run ends a sentence (an initial's stop too: "U.S. State" reads as one run).
  const word = text.slice(start, end).replace(/\.+$/, '');
  if (!word || word.length < end - start) return undefined;
  return { start, end: start + word.length, text: word, lower: word.toLowerCase() };
}
const WORD_CHAR = /[\p{L}\p{M}\p{N}'’.‑-]/u;
const SENTENCE_END = /[.!?:;“"‘\n]/;

/** The names in one run of capitalised words (split at known names and at connectors when nothing holds it together). */
function namesInRun(text: string, run: Token[], before: Token | undefined): FoundName[] {
  let words = run;
  let titled = before !== undefined && TITLES.has(before.lower);
  // Leading common words and titles (The, According, Lieutenant Colonel) are not the name.
  const sentenceStart = before === undefined;
  while (words.length > 0 && !ACRONYM.test(words[0]!.text) && (NOT_NAMES.has(words[0]!.lower) || TITLES.has(words[0]!.lower) || (sentenceStart && isCommonWord(words[0]!.lower) && !ARTICLE.test(words[0]!.text)) || CONNECTORS.has(words[0]!.lower))) {
    if (TITLES.has(words[0]!.lower)) titled = true;
    words = words.slice(1);
  }
  while (words.length > 0 && CONNECTORS.has(words[words.length - 1]!.lower)) words = words.slice(0, -1);
  if (words.length === 0) return [];
  const span = (ws: readonly Token[], type: EntityType | undefined): FoundName => {
    const start = ws[0]!.start;
    const raw = text.slice(start, ws[ws.length - 1]!.end);
    const surface = cleanSurface(raw);
    return { start, end: start + surface.length, surface, type };
  };
  const SPLITTING = (w: Token) => CONNECTORS.has(w.lower) && !['bin', 'ibn', 'bint', 'ben', 'al', 'el'].includes(w.lower);
  // A person or place before "of" is no part of an organisation's name (Charlie Winter of the … Center).
  const firstPart = (ws: readonly Token[]) => {
    const at = ws.findIndex(SPLITTING);
    const type = at > 0 ? classify(ws.slice(0, at), false) : undefined;
    return type === 'person' || type === 'place' ? type : undefined;
  };
  const whole = firstPart(words) ? undefined : classify(words, titled);
  if (whole === 'org' && words.length > 1 && !knownGroup(cleanSurface(text.slice(words[0]!.start, words[words.length - 1]!.end)))) return [span(words, 'org')];
  const out: FoundName[] = [];
  // Known names inside the run stand apart (ISIS Abu Bakr al-Baghdadi → ISIS, Abu Bakr al-Baghdadi).
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const hasConnector = pending.some((w) => CONNECTORS.has(w.lower) && !['bin', 'ibn', 'bint', 'ben', 'al', 'el'].includes(w.lower));
    const before = hasConnector ? firstPart(pending) : undefined;
    if (before) {
      const at = pending.findIndex(SPLITTING);
      out.push(span(pending.slice(0, at), before));
      let rest = pending.slice(at);
      while (rest.length > 0 && (CONNECTORS.has(rest[0]!.lower) || NOT_NAMES.has(rest[0]!.lower))) rest = rest.slice(1);
      pending = rest;
      flush();
      return;
    }
    const type = classify(pending, titled && out.length === 0);
    if (hasConnector && type !== 'org') {
      // Caliphate of Cordoba, History of the East: the parts apart.
      let part: Token[] = [];
      for (const w of [...pending, undefined]) {
        if (w === undefined || (CONNECTORS.has(w.lower) && !['bin', 'ibn', 'bint', 'ben', 'al', 'el'].includes(w.lower))) {
          let trimmed = part;
          let partTitled = false;
          while (trimmed.length > 0 && (NOT_ALONE.has(trimmed[0]!.lower) || TITLES.has(trimmed[0]!.lower))) {
            partTitled ||= TITLES.has(trimmed[0]!.lower);
            trimmed = trimmed.slice(1);
          }
          if (trimmed.length > 0) out.push(span(trimmed, classify(trimmed, partTitled)));
          part = [];
        } else part.push(w);
      }
    } else out.push(span(pending, type));
    pending = [];
  };
  for (let k = 0; k < words.length; ) {
    const n = knownAt(words, text, k, words.length);
    if (n > 0) {
      flush();
      const ws = words.slice(k, k + n);
      out.push(span(ws, knownGroup(cleanSurface(text.slice(ws[0]!.start, ws[n - 1]!.end)))!.type));
      k += n;
    } else pending.push(words[k++]!);
  }
  flush();
  // After "the city of", "the village of", "near": a place.
  for (const f of out) {
    if (f.type === undefined && PLACE_CONTEXT.test(text.slice(Math.max(0, f.start - 24), f.start))) f.type = 'place';
  }
  // A person's name after a word that is none of it (Microblog Charlie Winter → Charlie Winter).
  for (const [k, f] of out.entries()) {
    const parts = f.surface.split(' ');
    if (f.type === 'person' && parts.length >= 3 && !isGivenName(parts[0]!.toLowerCase()) && isGivenName(parts[1]!.toLowerCase()) && !KUNYA.has(parts[0]!.toLowerCase()) && !PATRONYMIC.test(parts[parts.length - 1]!.toLowerCase())) {
      const cut = parts[0]!.length + 1;
      out[k] = { start: f.start + cut, end: f.end, surface: f.surface.slice(cut), type: 'person' };
    }
  }
  // A lone word the lexicon knows as common, or a demonym, is nobody's name.
  return out.filter((f) => {
    const lower = normaliseName(f.surface);
    if (!lower || isDemonym(lower)) return false;
    if (f.type === undefined && (isCommonWord(lower) || NOT_ALONE.has(lower) || lower.includes(' ') || lower.length < 3)) return false;
    return true;
  });
}
