import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchOn, writeSources } from './search-fixture';

/**
 * Verses in vowelled Uthmani orthography (typed for this test from the public-domain text of
 * the Qur'an), a short modern-spelling paragraph and an English one, built into a corpus by the
 * real builder and searched through the real search service.
 */
const SOURCES: Record<string, string> = {
  'quran-2-2.txt': 'ذَٰلِكَ ٱلۡكِتَٰبُ لَا رَيۡبَۛ فِيهِۛ هُدࣰى لِّلۡمُتَّقِينَ',
  'quran-2-31.txt': 'وَعَلَّمَ ءَادَمَ ٱلۡأَسۡمَآءَ كُلَّهَا',
  'quran-2-43.txt': 'وَأَقِيمُوا۟ ٱلصَّلَوٰةَ وَءَاتُوا۟ ٱلزَّكَوٰةَ وَٱرۡكَعُوا۟ مَعَ ٱلرَّٰكِعِينَ',
  'quran-2-124.txt': '۞ وَإِذِ ٱبۡتَلَىٰٓ إِبۡرَٰهِـۧمَ رَبُّهُۥ بِكَلِمَٰتࣲ فَأَتَمَّهُنَّۖ',
  'quran-2-185.txt': 'شَهۡرُ رَمَضَانَ ٱلَّذِيٓ أُنزِلَ فِيهِ ٱلۡقُرۡءَانُ هُدࣰى لِّلنَّاسِ',
  'quran-3-185.txt':
    'كُلُّ نَفۡسࣲ ذَآئِقَةُ ٱلۡمَوۡتِۗ وَإِنَّمَا تُوَفَّوۡنَ أُجُورَكُمۡ يَوۡمَ ٱلۡقِيَٰمَةِۖ فَمَن زُحۡزِحَ عَنِ ٱلنَّارِ وَأُدۡخِلَ ٱلۡجَنَّةَ فَقَدۡ فَازَۗ وَمَا ٱلۡحَيَوٰةُ ٱلدُّنۡيَآ إِلَّا مَتَٰعُ ٱلۡغُرُورِ',
  'quran-114-6.txt': 'مِنَ ٱلۡجِنَّةِ وَٱلنَّاسِ',
  'modern.txt': '---\ntitle: "أركان"\n---\nيحافظ المسلم على الصلاة ويؤدي الزكاة ويقرأ القرآن في شهر رمضان.',
  // Characters beyond the BMP before the word: offsets count UTF-16 units, SQLite's substr() does not.
  'astral.txt': `---\ntitle: "Astral"\n---\n𝔄𝔅 😀 𝔇 ${'ملاحظة '.repeat(40)}يقيمون ٱلصَّلَوٰةَ ${'ملاحظة '.repeat(40)}`,
  'english.txt': '---\ntitle: "Notes"\n---\nThe prayer and the alms are named together in many verses.',
};

let sources: ReturnType<typeof writeSources>;
let fixture: ReturnType<typeof openSearchOn>;
beforeAll(() => {
  sources = writeSources(SOURCES);
  fixture = openSearchOn(sources.dir);
});
afterAll(() => {
  fixture.dispose();
  sources.dispose();
});

const ids = (query: string) => fixture.search.search({ query }).results.map((r) => r.id).sort();
/** Highlighted stretches of one result, checked against the document's text at the snippet's offset. */
const highlighted = (query: string, id: string) => {
  const result = fixture.search.search({ query }).results.find((r) => r.id === id);
  if (!result) return [];
  const text = fixture.store.getDocument(id)!.text;
  return result.snippets.flatMap((s) =>
    s.highlights.map((h) => {
      expect(text.slice(s.offset + h.start, s.offset + h.end)).toBe(s.text.slice(h.start, h.end));
      return s.text.slice(h.start, h.end);
    }),
  );
};

describe('Arabic search: a modern-spelling query finds Uthmani spelling', () => {
  it('finds a waw or ya carrying a dagger alef from the alef modern text writes', () => {
    expect(ids('الصلاة')).toEqual(['astral', 'modern', 'quran-2-43']);
    expect(ids('الزكاة')).toEqual(['modern', 'quran-2-43']);
    expect(highlighted('الصلاة', 'quran-2-43')).toEqual(['ٱلصَّلَوٰةَ']);
    expect(highlighted('الزكاة', 'quran-2-43')).toEqual(['ٱلزَّكَوٰةَ']);
  });

  it('finds a dagger alef from a full alef', () => {
    expect(ids('الكتاب')).toEqual(['quran-2-2']);
    expect(highlighted('الكتاب', 'quran-2-2')).toEqual(['ٱلۡكِتَٰبُ']);
    expect(ids('إبراهيم')).toEqual(['quran-2-124']);
    expect(ids('ابراهيم')).toEqual(['quran-2-124']);
    expect(highlighted('إبراهيم', 'quran-2-124')).toEqual(['إِبۡرَٰهِـۧمَ']);
  });

  it('finds a hamza on its own line from آ, أ or a bare alef', () => {
    expect(ids('آدم')).toEqual(['quran-2-31']);
    expect(ids('ادم')).toEqual(['quran-2-31']);
    expect(highlighted('آدم', 'quran-2-31')).toEqual(['ءَادَمَ']);
    expect(ids('القرآن')).toEqual(['modern', 'quran-2-185']);
    expect(highlighted('القران', 'quran-2-185')).toEqual(['ٱلۡقُرۡءَانُ']);
  });

  it('finds phrases and NEAR groups whose words are spelled the Uthmani way, highlighting them whole', () => {
    expect(ids('"يوم القيامة"')).toEqual(['quran-3-185']);
    expect(highlighted('"يوم القيامة"', 'quran-3-185')).toEqual(['يَوۡمَ ٱلۡقِيَٰمَةِۖ']);
    expect(ids('"الحياة الدنيا"')).toEqual(['quran-3-185']);
    expect(highlighted('"الحياة الدنيا"', 'quran-3-185')).toEqual(['ٱلۡحَيَوٰةُ ٱلدُّنۡيَآ']);
    expect(ids('الصلاة NEAR/2 الزكاة')).toEqual(['modern', 'quran-2-43']);
    expect(highlighted('"يقيمون الصلاة"', 'astral')).toEqual(['يقيمون ٱلصَّلَوٰةَ']);
  });

  it('finds modern spelling from a query typed in Uthmani spelling', () => {
    expect(ids('ٱلصَّلَوٰةَ')).toEqual(['astral', 'modern', 'quran-2-43']);
    expect(highlighted('ٱلصَّلَوٰةَ', 'astral')).toEqual(['ٱلصَّلَوٰةَ']);
    expect(ids('ٱلۡقُرۡءَانِ')).toEqual(['modern', 'quran-2-185']);
    expect(highlighted('ٱلزَّكَوٰةَ', 'modern')).toEqual(['الزكاة']);
  });

  it('findInDocument gives spans over the whole vowelled word, marks included', () => {
    const text = fixture.store.getDocument('quran-2-43')!.text;
    const { matches } = fixture.search.findInDocument({ id: 'quran-2-43', query: 'الصلاة الزكاة' });
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['ٱلصَّلَوٰةَ', 'ٱلزَّكَوٰةَ']);
    const verse = fixture.store.getDocument('quran-3-185')!.text;
    const phrase = fixture.search.findInDocument({ id: 'quran-3-185', query: '"يوم القيامة" الدنيا' });
    expect(phrase.matches.map((m) => verse.slice(m.start, m.end))).toEqual(['يَوۡمَ ٱلۡقِيَٰمَةِۖ', 'ٱلدُّنۡيَآ']);
  });

  it('still cannot tell the Garden from the jinn without vowels (README, Search)', () => {
    expect(ids('الجنة')).toEqual(['quran-114-6', 'quran-3-185']);
  });
});
