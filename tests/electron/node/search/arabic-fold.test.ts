import { describe, expect, it } from 'vitest';
import { termOf } from '../../../../electron/node/search/analyse';
import { foldWord } from '../../../../electron/node/search/normalise';
import { tokenise } from '../../../../electron/node/search/tokenise';

/**
 * Vowelled Uthmani words (as the Tanzil/Madina orthography writes them: alef wasla, dagger
 * alef, Uthmani sukun U+06E1, hamza on the line or on a tatweel, small waw/yeh, open tanwin)
 * and the same word in modern spelling, typed for this test from the public-domain text.
 */
const UTHMANI_AND_MODERN: [string, string][] = [
  ['ٱلصَّلَوٰةَ', 'الصلاة'], // salat
  ['ٱلزَّكَوٰةَ', 'الزكاة'], // zakat
  ['ٱلۡحَيَوٰةِ', 'الحياة'], // hayat
  ['ٱلدُّنۡيَا', 'الدنيا'], // dunya
  ['يَوۡمِ', 'يوم'], // yawm
  ['ٱلۡقِيَٰمَةِ', 'القيامة'], // qiyama
  ['ءَادَمَ', 'آدم'], // adam
  ['إِبۡرَٰهِـۧمَ', 'إبراهيم'], // ibrahim1
  ['إِبۡرَٰهِيمَ', 'إبراهيم'], // ibrahim2
  ['ٱلۡكِتَٰبِ', 'الكتاب'], // kitab
  ['ٱلۡقُرۡءَانِ', 'القرآن'], // quran
  ['ٱلرَّحۡمَٰنِ', 'الرحمن'], // rahman
  ['هَٰذَا', 'هذا'], // hadha
  ['ذَٰلِكَ', 'ذلك'], // dhalika
  ['كَذَٰلِكَ', 'كذلك'], // kadhalika
  ['وَلَٰكِنَّ', 'ولكن'], // walakin
  ['أُوۡلَٰٓئِكَ', 'أولئك'], // ulaika
  ['هَٰٓؤُلَآءِ', 'هؤلاء'], // haulai
  ['إِلَٰهَ', 'إله'], // ilah
  ['اللَّٰهِ', 'الله'], // allah_dag
  ['لِلَّٰهِ', 'لله'], // lillah_dag
  ['ٱلتَّوۡرَىٰةَ', 'التوراة'], // tawrat
  ['مُوسَىٰ', 'موسى'], // musa
  ['عَلَىٰ', 'على'], // ala
  ['ٱلسَّمَٰوَٰتِ', 'السماوات'], // samawat
  ['ٱلرِّبَوٰا۟', 'الربا'], // riba
  ['بِهِۦ', 'به'], // bihi
  ['إِنَّهُۥ', 'إنه'], // innahu
  ['دَاوُۥدَ', 'داود'], // dawud
  ['وَٱلنَّبِيِّـۧنَ', 'والنبيين'], // nabiyyin
  ['يَسۡـَٔلُونَكَ', 'يسألونك'], // yasalunaka
  ['شَيۡـࣰٔا', 'شيئا'], // shayan
  ['رَءُوفࣱ', 'رؤوف'], // rauf
  ['يَسۡتَهۡزِءُونَ', 'يستهزئون'], // yastahziun
  ['إِسۡرَٰٓءِيلَ', 'إسرائيل'], // israil
  ['بِـَٔايَٰتِنَا', 'بآياتنا'], // biayat
  ['مَـَٔابࣲ', 'مآب'], // maab
  ['سَيِّـَٔاتِ', 'سيئات'], // sayyiat
  ['ٱلۡمَوۡءُۥدَةُ', 'الموءودة'], // mawuda
  ['ٱلۡمَلَٰٓئِكَةُ', 'الملائكة'], // malaika
  ['ٱلۡعَٰلَمِينَ', 'العالمين'], // alamin
  ['مَٰلِكِ', 'مالك'], // maliki
  ['ٱلصِّرَٰطَ', 'الصراط'], // sirat
  ['ءَاتَىٰكُمۡ', 'آتاكم'], // ataakum
  ['ٱلۡإِنسَٰنُ', 'الإنسان'], // insan
  ['نُـۨجِي', 'ننجي'], // nunji
  ['مُتَّكِـِٔينَ', 'متكئين'], // muttakiin
  ['إِۦلَٰفِهِمۡ', 'إيلافهم'], // ilafihim
  ['هَٰذَٰنِ', 'هذان'], // hadhani
  ['مَسۡـُٔولࣰا', 'مسؤولا'], // masulan
  ['سُـِٔلَ', 'سئل'], // suila
];

describe('foldWord: classical (Uthmani) spelling meets modern spelling', () => {
  it.each(UTHMANI_AND_MODERN)('%s folds as %s', (uthmani, modern) => {
    expect(foldWord(uthmani)).toBe(foldWord(modern));
    expect(termOf(foldWord(uthmani))).toBe(termOf(foldWord(modern)));
  });

  it('reads the dagger alef as the long a modern spelling writes, on a consonant or carried by waw/ya', () => {
    expect(foldWord('ٱلۡقِيَٰمَةِ')).toBe('القيامه');
    expect(foldWord('ٱلصَّلَوٰةَ')).toBe('الصلاه');
    expect(foldWord('ٱلتَّوۡرَىٰةَ')).toBe('التوراه');
    // At the end of a word ىٰ is the alef maqsura modern spelling writes.
    expect(foldWord('مُوسَىٰ')).toBe(foldWord('موسى'));
    // Waw with a vowel of its own is a consonant: ٱلۡوَٰلِدَيۡنِ is al-wālidayn.
    expect(foldWord('بِٱلۡوَٰلِدَيۡنِ')).toBe(foldWord('بالوالدين'));
  });

  it('gives a hamza on the line the seat modern spelling gives it', () => {
    expect(foldWord('ءَادَمَ')).toBe(foldWord('آدم'));
    expect(foldWord('ءَادَمَ')).toBe(foldWord('ادم'));
    expect(foldWord('وَءَاتُوا۟')).toBe(foldWord('وآتوا'));
    expect(foldWord('لِـَٔادَمَ')).toBe(foldWord('لآدم'));
    // Unvowelled, the waw or ya after a hamza tells its vowel: older modern spellings meet the standard ones.
    expect(foldWord('رءوس')).toBe(foldWord('رؤوس'));
    expect(foldWord('رءوس')).toBe(foldWord('رُءُوسَ'));
    expect(foldWord('شاءوا')).toBe(foldWord('شاؤوا'));
    expect(foldWord('يقرءون')).toBe(foldWord('يقرؤون'));
  });

  it('folds identically whatever the input: folding a folded word changes nothing', () => {
    for (const [uthmani, modern] of UTHMANI_AND_MODERN) {
      expect(foldWord(foldWord(uthmani))).toBe(foldWord(uthmani));
      expect(foldWord(foldWord(modern))).toBe(foldWord(modern));
    }
  });

  it('unifies Persian letters and the two modern spellings of a few words', () => {
    expect(foldWord('کتاب')).toBe(foldWord('كتاب'));
    expect(foldWord('فی')).toBe(foldWord('في'));
    expect(foldWord('داوود')).toBe(foldWord('داود'));
    expect(foldWord('السموات')).toBe(foldWord('السماوات'));
  });
});

describe('foldWord: no new false friends', () => {
  it('keeps apart words whose letters differ once the dagger alef is read', () => {
    const different = [
      ['مَٰلِكِ', 'مَلِكِ'], // owner / king
      ['ٱلۡكِتَٰبِ', 'الكتب'], // the book / the books
      ['ٱلۡعَٰلَمِينَ', 'العلمين'], // the worlds / the two flags
      ['جزءًا', 'جزا'], // a part (hamza before a tanwin alef stays) / he rewarded
      ['بدءا', 'بدا'], // a beginning / it appeared
    ];
    for (const [a, b] of different) expect(foldWord(a!), `${a} / ${b}`).not.toBe(foldWord(b!));
  });

  it('leaves modern spellings with a hamza on the line as they are', () => {
    expect(foldWord('تساءل')).toBe('تساءل');
    expect(foldWord('قراءات')).toBe('قراءات');
    expect(foldWord('مروءة')).toBe('مروءه');
    expect(foldWord('سماء')).toBe('سماء');
    expect(foldWord('شيء')).toBe('شيء');
    expect(foldWord('جزءها')).toBe(foldWord('جُزْءَهَا'));
  });

  it('cannot tell apart words that differ only in their vowels (README, Search)', () => {
    // the Garden / the jinn: the same letters, told apart only by fatha and kasra.
    expect(foldWord('ٱلۡجِنَّةِ')).toBe(foldWord('الجنة'));
    expect(foldWord('ٱلۡجَنَّةَ')).toBe(foldWord('الجنة'));
  });
});

describe('tokenise: vowelled Uthmani text', () => {
  it('keeps each word whole with its marks, and pause marks inside the word they follow', () => {
    const verse = 'ذَٰلِكَ ٱلۡكِتَٰبُ لَا رَيۡبَۛ فِيهِۛ هُدࣰى لِّلۡمُتَّقِينَ';
    const tokens = tokenise(verse);
    expect(tokens.map((t) => verse.slice(t.start, t.start + t.length))).toEqual(verse.split(' '));
    expect(tokens.map((t) => t.word)).toEqual(['ذلك', 'الكتاب', 'لا', 'ريب', 'فيه', 'هدي', 'للمتقين']);
  });

  it('does not count a free-standing pause mark as a word', () => {
    const tokens = tokenise('يَوۡمِ ۚ ٱلۡقِيَٰمَةِ');
    expect(tokens.map((t) => [t.word, t.index])).toEqual([
      ['يوم', 0],
      ['القيامه', 1],
    ]);
  });
});
