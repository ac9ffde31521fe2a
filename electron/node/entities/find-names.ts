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

/** How the finder reads (tests turn the shortcuts off to check they change nothing). */
export type FinderOptions = {
  /** Reuse what a run of capitalised words gave the last time the same run was read (default on). */
  cache?: boolean;
  /** Tokenise a run's words only as far as the run goes, not its whole window (default on). */
  lazy?: boolean;
};

/**
 * Names written in Latin letters in a paragraph: runs of capitalised words (with of, for, the,
 * bin, ibn, al between them, and Arabic articles joined by a hyphen, al-Baghdadi), typed by the
 * listed names (entity-groups.ts), a title before them, the word they end or start with (…
 * Center, … Province, Bab …, Abu …), an Arabic name's parts (Abu, Umm, bin, ibn, al-), and
 * compromise's lexicon (given names, surnames, countries, cities, organisations). A run nothing
 * types is dropped; one capitalised word alone is kept untyped (see FoundName).
 */
export function findLatinNames(text: string, options: FinderOptions = {}): FoundName[] {
  const found: FoundName[] = [];
  const cache = options.cache !== false;
  const lazy = options.lazy !== false;
  let shouting: boolean | undefined;
  // Only the stretches that start with a capital are read word by word (most words are not).
  const starts = new RegExp(RUN_START.source, 'gu');
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const at = m.index;
    const firstEnd = windowEnd(text, at, RUN_WINDOW);
    let tokens = new Tokens(text, at, lazy ? firstEnd : -firstEnd);
    if (!tokens.at(0)) continue;
    let j = runLength(text, tokens);
    // A run that reached the window's end, all capitals to there: read further (a long name). One
    // that ended before the window's end is the same whatever the window (and is not read twice).
    if ((tokens.exhausted || !lazy) && firstEnd < text.length && tokens.count() > 1 && tokens.every((t, k) => k === 0 || isCapitalised(t) || CONNECTORS.has(t.lower))) {
      tokens = new Tokens(text, at, lazy ? windowEnd(text, at, RUN_WINDOW_LONG) : -windowEnd(text, at, RUN_WINDOW_LONG));
      j = runLength(text, tokens);
    }
    const first = tokens.at(0)!;
    const last = tokens.at(j - 1)!;
    starts.lastIndex = last.end;
    // Headings in capitals name nothing reliably (TWITTER AND THE CALIFATE).
    if (shouting === undefined && first.text.length > 1 && first.text === first.text.toUpperCase()) shouting = isShouting(text);
    if (shouting) continue;
    const before = wordBefore(text, at);
    const context: RunContext = before === undefined ? 'sentence' : TITLES.has(before.lower) ? 'titled' : 'plain';
    const names = cache ? cachedNamesInRun(text, at, last.end, tokens, j, context) : rawNamesInRun(text, tokens.slice(0, j), context).map((n) => relative(n, at));
    for (const n of names) {
      const start = at + n.start;
      let type = n.type;
      // After "the city of", "the village of", "near": a place.
      if (type === undefined && PLACE_CONTEXT.test(text.slice(Math.max(0, start - 24), start))) type = 'place';
      // A lone word the lexicon knows as common, or a demonym, is nobody's name.
      if (n.never || (type === undefined && n.notAlone)) continue;
      found.push({ start, end: at + n.end, surface: n.surface, type });
    }
  }
  return found;
}

/** Where a run's window ends: size characters on, then to a blank (or the text's end). */
function windowEnd(text: string, at: number, size: number): number {
  let end = Math.min(text.length, at + size);
  while (end < text.length && !BLANK.test(text[end]!)) end++;
  return end;
}
const BLANK = /\s/;
/** One WORD matcher for every run (its lastIndex set each time). */
const WORD_AT = new RegExp(WORD.source, 'gu');

/**
 * The tokens of text from a run's start to |limit| (a window's end, always a blank or the text's
 * end), as WORD finds them in that slice; read one by one as asked when limit > 0, all at once when it is negative (as before
 * there was a lazy reading). `exhausted`: something asked past the last one.
 */
class Tokens {
  private readonly list: Token[] = [];
  private readonly limit: number;
  /** Where the next token is looked for. */
  private next: number;
  exhausted = false;
  constructor(private readonly text: string, from: number, limit: number) {
    this.limit = Math.abs(limit);
    this.next = from;
    if (limit < 0) while (this.more());
  }
  private more(): boolean {
    if (this.next >= this.limit) return false;
    WORD_AT.lastIndex = this.next;
    const m = WORD_AT.exec(this.text);
    if (!m || m.index + m[0].length > this.limit) {
      this.next = this.limit;
      return false;
    }
    this.next = m.index + m[0].length;
    pushToken(this.list, m[0], m.index);
    return true;
  }
  at(k: number): Token | undefined {
    while (k >= this.list.length) {
      if (!this.more()) {
        this.exhausted = true;
        return undefined;
      }
    }
    return this.list[k];
  }
  count(): number {
    while (this.more());
    return this.list.length;
  }
  every(test: (t: Token, k: number) => boolean): boolean {
    this.count();
    return this.list.every(test);
  }
  slice(from: number, to: number): Token[] {
    return this.list.slice(from, to);
  }
}

/** The number of tokens in the run: capitalised words joined by blanks, connectors between them. */
function runLength(text: string, tokens: Tokens): number {
  let j = 1;
  for (let next = tokens.at(1); next && joined(text, tokens.at(j - 1)!, next); next = tokens.at(j)) {
    if (isCapitalised(next)) j++;
    else if (CONNECTORS.has(next.lower)) {
      const after = tokens.at(j + 1);
      if (after && joined(text, next, after) && (isCapitalised(after) || CONNECTORS.has(after.lower))) j++;
      else break;
    } else break;
  }
  while (j > 1 && !isCapitalised(tokens.at(j - 1)!)) j--;
  return j;
}

/** What a run's words are: the start of a sentence, after a title (Mr, President), or neither. */
type RunContext = 'sentence' | 'titled' | 'plain';
/**
 * A name of a run, offsets from the run's start, with what the finder decides once it knows the
 * text before it: `never` (no name whatever the type), `notAlone` (no name unless typed).
 */
type RunName = { start: number; end: number; surface: string; type: EntityType | undefined; never: boolean; notAlone: boolean };

/**
 * What runs gave, by context and text: a dictionary or a site repeats the same capitalised
 * stretches ("[1913 Webster]", "Defn:", a byline) thousands of times. The names of a run depend on
 * its words and context only (the text before a name is read afterwards, PLACE_CONTEXT), so a run
 * read again gives what it gave. Emptied when full, to keep memory flat.
 */
const runCache = new Map<string, readonly RunName[]>();
const RUN_CACHE_SIZE = 50_000;

/** Lets what runs gave go (the entity worker, once it has read every paragraph: its memory then goes to the index). */
export function forgetRuns(): void {
  runCache.clear();
}

function cachedNamesInRun(text: string, at: number, end: number, tokens: Tokens, j: number, context: RunContext): readonly RunName[] {
  const key = `${context[0]}${text.slice(at, end)}`;
  let names = runCache.get(key);
  if (names === undefined) {
    names = rawNamesInRun(text, tokens.slice(0, j), context).map((n) => relative(n, at));
    if (runCache.size >= RUN_CACHE_SIZE) runCache.clear();
    runCache.set(key, names);
  }
  return names;
}

const relative = (n: RunName, at: number): RunName => ({ ...n, start: n.start - at, end: n.end - at });

function pushToken(tokens: Token[], word: string, start: number): void {
  // Two sets of initials joined by a hyphen are two names (SDF-ISF).
  const pair = /^(\p{Lu}{2,})[-‑](\p{Lu}{2,})$/u.exec(word);
  if (pair) {
    tokens.push({ start, end: start + pair[1]!.length, text: pair[1]!, lower: pair[1]!.toLowerCase() });
    const at = start + pair[1]!.length + 1;
    tokens.push({ start: at, end: at + pair[2]!.length, text: pair[2]!, lower: pair[2]!.toLowerCase() });
  } else tokens.push({ start, end: start + word.length, text: word, lower: word.toLowerCase() });
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

/**
 * The names in one run of capitalised words (split at known names and at connectors when nothing
 * holds it together), before the text ahead of them is read (see findLatinNames).
 */
function rawNamesInRun(text: string, run: Token[], context: RunContext): RunName[] {
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
  if (whole === 'org' && words.length > 1 && !knownGroup(cleanSurface(text.slice(words[0]!.start, words[words.length - 1]!.end)))) return [{ ...span(words, 'org'), never: false, notAlone: false }];
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
  // A person's name after a word that is none of it (Microblog Charlie Winter → Charlie Winter).
  for (const [k, f] of out.entries()) {
    const parts = f.surface.split(' ');
    if (f.type === 'person' && parts.length >= 3 && !isGivenName(parts[0]!.toLowerCase()) && isGivenName(parts[1]!.toLowerCase()) && !KUNYA.has(parts[0]!.toLowerCase()) && !PATRONYMIC.test(parts[parts.length - 1]!.toLowerCase())) {
      const cut = parts[0]!.length + 1;
      out[k] = { start: f.start + cut, end: f.end, surface: f.surface.slice(cut), type: 'person' };
    }
  }
  // A lone word the lexicon knows as common, or a demonym, is nobody's name (typed or not: findLatinNames decides).
  return out.map((f) => {
    const lower = normaliseName(f.surface);
    const never = !lower || isDemonym(lower);
    return { ...f, never, notAlone: never || isCommonWord(lower) || NOT_ALONE.has(lower) || lower.includes(' ') || lower.length < 3 };
  });
}
