/**
 * Folding of Arabic-script words, modern and classical (Uthmani) spelling alike, to one
 * undotted-vowel skeleton as modern unvowelled text writes it. Runs on NFKD text (آ أ إ ؤ ئ are
 * then a letter and a mark) and reads the marks before dropping them, because in vowelled
 * classical text some marks stand for letters that modern spelling writes out:
 *
 * - dagger alef ٰ (U+0670) is a long a: ٱلۡكِتَٰبِ → الكتاب, ٱلۡقِيَٰمَةِ → القيامه; on a waw or
 *   alef maqsura that has no vowel of its own it replaces that letter (the waw/ya only carries
 *   it): ٱلصَّلَوٰةَ → الصلاه, ٱلتَّوۡرَىٰةَ → التوراه; at the end of a word ىٰ is just ى (مُوسَىٰ);
 *   words modern spelling still writes without that alef keep none (هَٰذَا → هذا, ذَٰلِكَ,
 *   لَٰكِنَّ, ٱلرَّحۡمَٰنِ, إِلَٰه, اللّٰه, أُوْلَٰٓئِكَ: DEFECTIVE below);
 * - a hamza on the line (ء) or on a tatweel (ـٔ) takes the seat modern spelling gives it, from
 *   the vowels around it: ءَادَمَ → ادم (آدم), ٱلۡقُرۡءَانِ → القران (القرآن), رَءُوفࣱ → رووف (رؤوف),
 *   يَسۡـَٔلُونَ → يسالون (يسألون), شَيۡـًٔا → شييا (شيئا), unvowelled رءوس → رووس (رؤوس); after
 *   a sakin waw, at the end of a word and after a long a unless a kasra or damma puts it on a
 *   tooth or waw, it stays ء (as in تساءل, سوءة, سماء);
 * - small yeh and small waw (ۦ U+06E6, ۧ U+06E7, ۥ U+06E5) are a long vowel modern spelling
 *   writes inside a word (إِبۡرَٰهِـۧمَ → ابراهيم, إِۦلَٰفِ → ايلاف) and drops at its end (بِهِۦ → به,
 *   لَهُۥ → له); small high noon ۨ (U+06E8) is a noon (نُـۨجِي → ننجي); a sad with small high
 *   seen ۜ is read and written as seen (يَبۡصُۜطُ → يبسط);
 * - every other mark goes: harakat, shadda, sukun (ۡ U+06E1 too), madda, open tanwin
 *   (U+08F0–U+08F2), Qur'anic pause and annotation marks (U+06D6–U+06ED), with the tatweel;
 * - letters: ٱ ٲ ٳ and alef with hamza → ا, ة → ه, ى → ي, Persian ی → ي and ک → ك.
 *
 * Two modern spellings of one word are unified too: داوود → داود (ۥ makes دَاوُۥدَ the first) and
 * سموات → سماوات. What cannot be told apart without vowels stays apart only where the letters
 * differ (README, Search).
 */

const ALEF = 0x0627;
const HAMZA = 0x0621;
const WAW = 0x0648;
const YEH = 0x064a;
const ALEF_MAQSURA = 0x0649;
const TATWEEL = 0x0640;
const SAD = 0x0635;
const SEEN = 0x0633;
const NOON = 0x0646;

const DAGGER_ALEF = 0x0670;
const HAMZA_ABOVE = 0x0654;
const HAMZA_BELOW = 0x0655;
const SMALL_HIGH_SEEN = 0x06dc;
const SMALL_WAW = 0x06e5;
const SMALL_YEH = 0x06e6;
const SMALL_HIGH_YEH = 0x06e7;
const SMALL_HIGH_NOON = 0x06e8;

const FATHA = 1;
const DAMMA = 2;
const KASRA = 3;
const SUKUN = 4;

/** The vowel a mark gives its letter (tanwin counts as its vowel), 0 for other marks. */
function vowelOf(mark: number): number {
  switch (mark) {
    case 0x064e: case 0x064b: case 0x08f0: return FATHA;
    case 0x064f: case 0x064c: case 0x08f1: return DAMMA;
    case 0x0650: case 0x064d: case 0x08f2: return KASRA;
    case 0x0652: case 0x06e1: return SUKUN;
    default: return 0;
  }
}

/** Combining marks by code unit (0 unknown, 1 mark, 2 not), classified once each. */
const markClasses = new Uint8Array(0x10000);
const MARK = /^\p{M}$/u;
function isMark(code: number): boolean {
  let known = markClasses[code]!;
  if (known === 0) markClasses[code] = known = code < 0xd800 || code > 0xdfff ? (MARK.test(String.fromCharCode(code)) ? 1 : 2) : 2;
  return known === 1;
}

/** A letter and what its marks say. */
type Cluster = {
  base: number;
  vowel: number;
  dagger: boolean;
  hamza: boolean;
  smallHighYeh: boolean;
  smallHighNoon: boolean;
  smallHighSeen: boolean;
};

const isAlef = (code: number) => code === ALEF || code === 0x0671 || code === 0x0672 || code === 0x0673;

/**
 * Whether a cluster writes a letter (what "next letter" and "end of word" mean here): not a
 * bare tatweel, and not a small waw or yeh, which only lengthen the vowel before them.
 */
function writesLetter(c: Cluster): boolean {
  if (c.base === TATWEEL) return c.hamza || c.smallHighYeh || c.smallHighNoon;
  return c.base !== SMALL_WAW && c.base !== SMALL_YEH;
}

function clustersOf(text: string): Cluster[] {
  const clusters: Cluster[] = [];
  let current: Cluster | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isMark(code)) {
      if (!current) continue; // a mark before any letter marks nothing
      if (code === DAGGER_ALEF) current.dagger = true;
      else if (code === HAMZA_ABOVE || code === HAMZA_BELOW) current.hamza = true;
      else if (code === SMALL_HIGH_YEH) current.smallHighYeh = true;
      else if (code === SMALL_HIGH_NOON) current.smallHighNoon = true;
      else if (code === SMALL_HIGH_SEEN) current.smallHighSeen = true;
      else current.vowel = vowelOf(code) || current.vowel;
      continue;
    }
    current = { base: code, vowel: 0, dagger: false, hamza: false, smallHighYeh: false, smallHighNoon: false, smallHighSeen: false };
    clusters.push(current);
  }
  return clusters;
}

/** Single-letter proclitics after which a hamza begins its word (بِـَٔايَٰتِ, لِـَٔادَمَ, وَءَاتُوا۟). */
const PROCLITICS = new Set([WAW, 0x0641, 0x0628, 0x0644, 0x0643]);

/** The letter a hamza on the line or on a tatweel is written with in modern spelling. */
function hamzaSeat(clusters: Cluster[], at: number, previous: number, next: number): number {
  const hamza = clusters[at]!;
  if (previous < 0) return ALEF;
  if (next < 0) return HAMZA;
  const before = clusters[previous]!;
  const after = clusters[next]!;
  const v1 = before.vowel;
  // Unvowelled, a hamza before waw or ya has the vowel they lengthen (رءوس is رُءُوس, يقرءون).
  const v2 = hamza.vowel || (after.base === WAW ? DAMMA : after.base === YEH ? KASRA : 0);
  const nextIsBareAlef = isAlef(after.base) && !after.hamza;
  // Before a tanwin alef that ends the word: on the line (جزءًا), on a tooth when joined (شيئًا).
  if (nextIsBareAlef && nextLetter(clusters, next) < 0) return hamza.base === TATWEEL || before.base === YEH ? YEH : HAMZA;
  // After a long a: on a tooth or a waw for kasra and damma (إسرائيل, جاؤوا), else on the line (تساءل).
  if (isAlef(before.base) || before.dagger) return v2 === KASRA ? YEH : v2 === DAMMA ? WAW : HAMZA;
  const quiet = v1 === 0 || v1 === SUKUN;
  if (before.base === WAW && quiet && !before.hamza) return HAMZA;
  if (before.base === YEH && quiet && !before.hamza) return YEH;
  if (v2 !== KASRA && v2 !== DAMMA && startsWord(clusters, previous)) return ALEF;
  if (v1 === KASRA || v2 === KASRA) return YEH;
  if (v1 === DAMMA || v2 === DAMMA) return WAW;
  if (nextIsBareAlef || hamza.dagger || hamza.base === TATWEEL) return ALEF;
  return HAMZA;
}

/** Whether every letter up to `last` is a proclitic (at most two): the hamza after them starts the word. */
function startsWord(clusters: Cluster[], last: number): boolean {
  let letters = 0;
  for (let i = 0; i <= last; i++) {
    const c = clusters[i]!;
    if (!writesLetter(c)) continue;
    if (!PROCLITICS.has(c.base) || ++letters > 2) return false;
  }
  return true;
}

function nextLetter(clusters: Cluster[], from: number): number {
  for (let i = from + 1; i < clusters.length; i++) if (writesLetter(clusters[i]!)) return i;
  return -1;
}

const LETTER_MAP = new Map<number, number>([
  [0x0629, 0x0647], // ة → ه
  [ALEF_MAQSURA, YEH], // ى → ي
  [0x06cc, YEH], // Persian yeh ی
  [0x06a9, 0x0643], // keheh ک
]);

/**
 * Words modern spelling writes without the alef a dagger alef stands for, as folded with it and
 * without it; they match with any of the proclitics and enclitics below.
 */
const DEFECTIVE: readonly [string, string][] = [
  ['هاذا', 'هذا'], ['هاذه', 'هذه'], ['هاذان', 'هذان'], ['هاذين', 'هذين'], ['هاولاء', 'هولاء'], ['هاكذا', 'هكذا'],
  ['ذالك', 'ذلك'], ['اولايك', 'اوليك'], ['لاكن', 'لكن'], ['الاه', 'اله'], ['للاه', 'لله'], ['رحمان', 'رحمن'],
];
const PROCLITIC_RUN = /^[افوبلك]{0,3}$/;
const ENCLITIC = /^(?:[هكمين]|ها|هم|هما|هن|كم|كما|كن|نا|ني|ما|ان|ين|يه)?$/;

function undoDagger(word: string): string {
  for (const [written, modern] of DEFECTIVE) {
    const at = word.indexOf(written);
    if (at < 0) continue;
    if (PROCLITIC_RUN.test(word.slice(0, at)) && ENCLITIC.test(word.slice(at + written.length))) {
      return word.slice(0, at) + modern + word.slice(at + written.length);
    }
  }
  return word;
}

/** Folds an NFKD word holding Arabic letters (other letters are kept, marks dropped); not lower-cased. */
export function foldArabic(text: string): string {
  const clusters = clustersOf(text);
  let out = '';
  let consonantDagger = false;
  // Set after an alef that a hamza or dagger alef wrote: the bare alef written after it is the same one.
  let alefWritten = false;
  let previous = -1;
  for (let i = 0; i < clusters.length; i++) {
    const c = clusters[i]!;
    const b = c.base;
    const next = nextLetter(clusters, i);
    if (isAlef(b)) {
      if (!(alefWritten && !c.hamza)) out += 'ا';
      alefWritten = false;
      previous = i;
      continue;
    }
    alefWritten = false;
    if (b === HAMZA || (b === TATWEEL && c.hamza)) {
      const seat = hamzaSeat(clusters, i, previous, next);
      out += String.fromCharCode(seat);
      if (seat === ALEF) alefWritten = true;
      else if (c.dagger) {
        out += 'ا';
        alefWritten = true;
      }
    } else if (b === TATWEEL) {
      if (c.smallHighYeh && next >= 0) out += 'ي';
      if (c.smallHighNoon) out += 'ن';
    } else if (b === SMALL_WAW || b === SMALL_YEH) {
      if (next >= 0) out += b === SMALL_WAW ? 'و' : 'ي';
    } else if (c.dagger && b === ALEF_MAQSURA) {
      out += next >= 0 ? 'ا' : 'ي';
      alefWritten = next >= 0;
    } else if (c.dagger && b === WAW && c.vowel === 0) {
      out += 'ا';
      alefWritten = true;
    } else {
      out += String.fromCharCode(b === SAD && c.smallHighSeen ? SEEN : (LETTER_MAP.get(b) ?? b));
      if (c.dagger) {
        out += 'ا';
        alefWritten = true;
        consonantDagger = true;
      }
      if (c.smallHighYeh && next >= 0) out += 'ي';
      if (c.smallHighNoon) out += String.fromCharCode(NOON);
    }
    if (writesLetter(c)) previous = i;
  }
  if (consonantDagger) out = undoDagger(out);
  if (out.includes('داوود')) out = out.replace('داوود', 'داود');
  if (out.includes('سموات')) out = out.replace('سموات', 'سماوات');
  return out;
}
