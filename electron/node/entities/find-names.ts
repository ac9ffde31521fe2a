import type { EntityType } from '../../common/entities/entity-types';
import { cleanSurface, normaliseName } from './entity-key';
import { EXACT_SPELLINGS, KNOWN_FIRST_WORDS, knownGroup, LONGEST_KNOWN } from './entity-groups';
import { ARTICLE, blankAt, blanksBetween, capitalisedAt, isShouting, nextWord, sentenceEndAt, upperOnlyAt, wordCharAt } from './latin-words';
import { isCommonWord, isDemonym, isGivenName, isOrganisation, isPersonName, isPlace, isSurname } from './name-lexicon';

/** A name found in a paragraph; `type` undefined: a lone capitalised word, kept only if it ends a longer name elsewhere (Winter → Charlie Winter). */
export type FoundName = { start: number; end: number; surface: string; type: EntityType | undefined };

/** A word of a run the cache does not know; `norm`: its normalised form once asked (normOf). */
type Token = { start: number; end: number; text: string; lower: string; norm: string | undefined };
/** A run's words are normalised again and again while it is typed (classify, knownAt): once each. */
const normOf = (t: Token): string => (t.norm ??= normaliseName(t.text));

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
  const starts = RUN_STARTS;
  starts.lastIndex = 0;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const at = m.index;
    const firstEnd = windowEnd(text, at, RUN_WINDOW);
    tokens.read(text, at, firstEnd, lazy);
    if (!tokens.has(0)) continue;
    let j = runLength();
    // A run that reached the window's end, all capitals to there: read further (a long name). One
    // that ended before the window's end is the same whatever the window (and is not read twice).
    if ((tokens.exhausted || !lazy) && firstEnd < text.length && tokens.count() > 1 && tokens.allInRuns()) {
      tokens.read(text, at, windowEnd(text, at, RUN_WINDOW_LONG), lazy);
      j = runLength();
    }
    const end = tokens.end(j - 1);
    starts.lastIndex = end;
    // Headings in capitals name nothing reliably (TWITTER AND THE CALIFATE).
    if (shouting === undefined && tokens.end(0) - tokens.start(0) > 1 && upperOnlyAt(text, tokens.start(0), tokens.end(0))) shouting = isShouting(text);
    if (shouting) continue;
    const context = contextBefore(text, at);
    const names = cache ? cachedNamesInRun(text, at, end, j, context) : rawNamesInRun(text, tokens.list(j), context, at);
    for (const n of names) {
      // A lone word the lexicon knows as common, or a demonym, is nobody's name.
      if (n.never) continue;
      const start = at + n.start;
      let type = n.type;
      // After "the city of", "the village of", "near": a place.
      if (type === undefined && afterPlaceWords(text, start)) type = 'place';
      if (type === undefined && n.notAlone) continue;
      found.push({ start, end: at + n.end, surface: n.surface, type });
    }
  }
  return found;
}

/** Where a run of capitalised words may start: a capital, or an Arabic article joined to one (al-Baghdadi), not inside a word. */
const RUN_START = /(?<![\p{L}\p{M}\p{N}'’.‑-])(?:\p{Lu}|(?:[aA][lnrstdz]|[aA]sh|[eE]l|[uU][dl])[-‑]\p{Lu})/u;
/** One matcher for every paragraph (the finder is never re-entered; its lastIndex is set each time). */
const RUN_STARTS = new RegExp(RUN_START.source, 'gu');
/** Characters read after a run's start: names are shorter. */
const RUN_WINDOW = 60;
const RUN_WINDOW_LONG = 400;

/** PLACE_CONTEXT ends the text before a name: it ends with a blank, the only thing looked at when there is none. */
const afterPlaceWords = (text: string, start: number) => text.charCodeAt(start - 1) === 32 && PLACE_CONTEXT.test(text.slice(Math.max(0, start - 24), start));

/** Where a run's window ends: size characters on, then to a blank (or the text's end). */
function windowEnd(text: string, at: number, size: number): number {
  let end = Math.min(text.length, at + size);
  while (end < text.length && !blankAt(text, end)) end++;
  return end;
}

/** Two sets of initials joined by a hyphen are two names (SDF-ISF). */
const PAIR = /^(\p{Lu}{2,})[-‑](\p{Lu}{2,})$/u;
const SPAN = new Int32Array(2);
const mayBeCapital = (c: number) => (c >= 65 && c <= 90) || c >= 128;

/**
 * The words of a run's window, from its start to a limit (a window's end, always a blank or the
 * text's end), as WORD finds them there (latin-words.ts), kept as offsets: read one by one as
 * asked (lazy), or all at once (as before there was a lazy reading). Objects (Token) are made only
 * for a run the cache does not know. `exhausted`: something asked past the last one. One reader
 * for every run (the finder is never re-entered).
 */
class RunWords {
  private text = '';
  private starts: number[] = [];
  private ends: number[] = [];
  private n = 0;
  private limit = 0;
  /** Where the next word is looked for. */
  private next = 0;
  exhausted = false;

  read(text: string, from: number, limit: number, lazy: boolean): void {
    this.text = text;
    this.n = 0;
    this.limit = limit;
    this.next = from;
    this.exhausted = false;
    if (!lazy) while (this.more());
  }

  private more(): boolean {
    if (this.next >= this.limit) return false;
    if (!nextWord(this.text, this.next, this.limit, SPAN)) {
      this.next = this.limit;
      return false;
    }
    const s = SPAN[0]!;
    const e = SPAN[1]!;
    this.next = e;
    const pair = mayBeCapital(this.text.charCodeAt(s)) && mayBeCapital(this.text.charCodeAt(s + 1)) ? PAIR.exec(this.text.slice(s, e)) : null;
    if (pair) {
      this.push(s, s + pair[1]!.length);
      this.push(s + pair[1]!.length + 1, e);
    } else this.push(s, e);
    return true;
  }

  private push(start: number, end: number): void {
    this.starts[this.n] = start;
    this.ends[this.n++] = end;
  }

  /** Whether there is a k-th word (read up to it). */
  has(k: number): boolean {
    while (k >= this.n) {
      if (!this.more()) {
        this.exhausted = true;
        return false;
      }
    }
    return true;
  }

  start(k: number): number {
    return this.starts[k]!;
  }

  end(k: number): number {
    return this.ends[k]!;
  }

  count(): number {
    while (this.more());
    return this.n;
  }

  capitalised(k: number): boolean {
    return capitalisedAt(this.text, this.starts[k]!, this.ends[k]!);
  }

  /** A connector (of, the, bin…): one of four letters at most, lower-cased only then. */
  connector(k: number): boolean {
    const s = this.starts[k]!;
    const e = this.ends[k]!;
    return e - s <= LONGEST_CONNECTOR && CONNECTORS.has(this.text.slice(s, e).toLowerCase());
  }

  joined(a: number, b: number): boolean {
    return blanksBetween(this.text, this.ends[a]!, this.starts[b]!);
  }

  /** Every word of the window after the first is capitalised or a connector. */
  allInRuns(): boolean {
    this.count();
    for (let k = 1; k < this.n; k++) if (!this.capitalised(k) && !this.connector(k)) return false;
    return true;
  }

  /** The first j words as tokens. */
  list(j: number): Token[] {
    const out: Token[] = [];
    for (let k = 0; k < j; k++) {
      const text = this.text.slice(this.starts[k], this.ends[k]);
      out.push({ start: this.starts[k]!, end: this.ends[k]!, text, lower: text.toLowerCase(), norm: undefined });
    }
    return out;
  }
}
const tokens = new RunWords();
/** Lower-casing never shortens a string, so a longer word is no connector (no title). */
const LONGEST_CONNECTOR = Math.max(...[...CONNECTORS].map((c) => c.length));
const LONGEST_TITLE = Math.max(...[...TITLES].map((t) => t.length));

/** The number of words in the run: capitalised words joined by blanks, connectors between them. */
function runLength(): number {
  let j = 1;
  while (tokens.has(j) && tokens.joined(j - 1, j)) {
    if (tokens.capitalised(j)) j++;
    else if (tokens.connector(j)) {
      if (tokens.has(j + 1) && tokens.joined(j, j + 1) && (tokens.capitalised(j + 1) || tokens.connector(j + 1))) j++;
      else break;
    } else break;
  }
  while (j > 1 && !tokens.capitalised(j - 1)) j--;
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
 * read again gives what it gave. One map per context (the key is the run's text as it stands);
 * emptied when they hold RUN_CACHE_SIZE runs, to keep memory flat.
 */
const runCache: Record<RunContext, Map<string, readonly RunName[]>> = { sentence: new Map(), titled: new Map(), plain: new Map() };
let cachedRuns = 0;
const RUN_CACHE_SIZE = 50_000;

/** Lets what runs gave go (the entity worker, once it has read every paragraph: its memory then goes to the index). */
export function forgetRuns(): void {
  for (const runs of Object.values(runCache)) runs.clear();
  cachedRuns = 0;
}

function cachedNamesInRun(text: string, at: number, end: number, j: number, context: RunContext): readonly RunName[] {
  const runs = runCache[context];
  const key = text.slice(at, end);
  let names = runs.get(key);
  if (names === undefined) {
    names = rawNamesInRun(text, tokens.list(j), context, at);
    if (cachedRuns >= RUN_CACHE_SIZE) forgetRuns();
    // A copy of the key: the slice would keep its paragraph's document alive.
    runs.set(key.length < 13 ? key : ` ${key}`.slice(1), names);
    cachedRuns++;
  }
  return names;
}

/** The context of a run from the word before it: none, or a sentence or a line ending between them, is a sentence's start. */
function contextBefore(text: string, at: number): RunContext {
  let end = at;
  while (end > 0 && !wordCharAt(text, end - 1)) {
    if (sentenceEndAt(text, end - 1) || at - end > 20) return 'sentence';
    end--;
  }
  let start = end;
  while (start > 0 && wordCharAt(text, start - 1) && end - start < 40) start--;
  // A stop right before the run ends a sentence (an initial's stop too: "U.S. State" reads as one run).
  if (start === end || text.charCodeAt(end - 1) === 46) return 'sentence';
  return end - start <= LONGEST_TITLE && TITLES.has(text.slice(start, end).toLowerCase()) ? 'titled' : 'plain';
}

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
function rawNamesInRun(text: string, run: Token[], context: RunContext, at: number): RunName[] {
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
