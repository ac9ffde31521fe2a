import type { EntityType } from '../../common/entities/entity-types';
import { blankAt, blanksBetween, capitalisedAt, isShouting, nextWord, sentenceEndAt, upperOnlyAt, wordCharAt } from './latin-words';
import { CONNECTORS, PLACE_CONTEXT, rawNamesInRun, TITLES, type RunContext, type RunName, type Token } from './run-names';

/** A name found in a paragraph; `type` undefined: a lone capitalised word, kept only if it ends a longer name elsewhere (Winter → Charlie Winter). */
export type FoundName = { start: number; end: number; surface: string; type: EntityType | undefined };

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
