import { describe, expect, it } from 'vitest';
import { termOf } from '../../../../electron/node/search/analyse';
import { foldWord } from '../../../../electron/node/search/normalise';
import { tokenise } from '../../../../electron/node/search/tokenise';

describe('foldWord', () => {
  it('removes Latin diacritics and lower-cases', () => {
    expect(foldWord('Baghdād')).toBe('baghdad');
    expect(foldWord('al-Manṣūr')).toBe('al-mansur');
    expect(foldWord('Ḥadīth')).toBe('hadith');
  });

  it('unifies Arabic alef forms, taa marbuta, alef maqsura, harakat and tatweel', () => {
    expect(foldWord('الأموي')).toBe('الاموي');
    expect(foldWord('الأُمَوِيّ')).toBe('الاموي');
    expect(foldWord('إسلام')).toBe('اسلام');
    expect(foldWord('آمن')).toBe('امن');
    expect(foldWord('ٱلله')).toBe('الله');
    expect(foldWord('مدينة')).toBe('مدينه');
    expect(foldWord('مستشفى')).toBe('مستشفي');
    expect(foldWord('الامـــوي')).toBe('الاموي');
  });

  it('drops inner apostrophes so that both spellings meet', () => {
    expect(foldWord("Qur'an")).toBe(foldWord('Quran'));
  });
});

describe('tokenise', () => {
  it('keeps Arabic words whole with offsets into the original text', () => {
    const text = 'في مدينةِ دمشقَ، الجامعُ الأُمَوِيُّ.';
    const tokens = tokenise(text);
    expect(tokens.map((t) => t.word)).toEqual(['في', 'مدينه', 'دمشق', 'الجامع', 'الاموي']);
    for (const t of tokens) expect(foldWord(text.slice(t.start, t.start + t.length))).toBe(t.word);
    expect(tokens.map((t) => t.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('splits on punctuation and hyphens and counts every word, common ones included', () => {
    const tokens = tokenise('The house—of  x-ray (U.S.) don’t');
    expect(tokens.map((t) => t.word)).toEqual(['the', 'house', 'of', 'x', 'ray', 'u', 's', 'dont']);
    expect(tokens[2]).toMatchObject({ index: 2, start: 10, length: 2 });
  });
});

describe('termOf (multi-language pipeline)', () => {
  it('stems English with Lunr’s stemmer and keeps common words (phrases need them)', () => {
    expect(termOf('caliphates')).toBe('caliph');
    expect(termOf('propaganda')).toBe('propaganda');
    expect(termOf('the')).toBe('the');
  });

  it('stems Arabic lightly, without touching English', () => {
    const term = (w: string) => termOf(foldWord(w));
    expect(term('الخلافة')).toBe(term('خلافة'));
    expect(term('والكتاب')).toBe(term('كتاب'));
    expect(termOf('baghdad')).toBe('baghdad');
    expect(termOf('mosque')).toBe('mosqu');
  });

  it('matches Arabic inflections without conflating unrelated words (why light10, see analyse.ts)', () => {
    const term = (w: string) => termOf(foldWord(w));
    const same = [
      ['الأموي', 'الأموية'],
      ['الأموي', 'أموي'],
      ['مسلم', 'المسلمون'],
      ['مسلم', 'المسلمين'],
      ['الدولة', 'دولة'],
      ['الإسلام', 'الإسلامية'],
      ['جهادي', 'الجهادية'],
      ['مدينة', 'المدينة'],
      ['الموصل', 'والموصل'],
      ['مجاهد', 'المجاهدون'],
      ['عراق', 'العراقية'],
    ];
    for (const [a, b] of same) expect(term(a!), `${a} / ${b}`).toBe(term(b!));
    const different = [
      ['خليفة', 'خلاف'],
      ['اسلام', 'سلم'],
      ['سلام', 'سلم'],
      ['بغداد', 'غداد'],
      ['كاتب', 'كتب'],
    ];
    for (const [a, b] of different) expect(term(a!), `${a} / ${b}`).not.toBe(term(b!));
  });
});
