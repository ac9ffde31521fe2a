import type { EntityType } from '../../common/entities/entity-types';
import { normaliseName } from './entity-key';

/**
 * Spellings known to name one entity, merged whatever the text: the evidence is outside the
 * corpus (the names these groups and outlets go by in English, transliteration and Arabic). The
 * first spelling is the entry's name. A spelling here is also typed by it (IS, Amaq and Furat need
 * no capitalised neighbour to be found). Kept short on purpose: a spelling that could mean
 * something else (`IG`, `State`) is not listed.
 */
export const KNOWN_GROUPS: readonly { type: EntityType; names: readonly string[]; caseSensitive?: readonly string[] }[] = [
  {
    type: 'org',
    names: [
      'Islamic State', 'ISIS', 'ISIL', 'Daesh', 'Daish', "Da'esh", 'Islamic State of Iraq and Syria', 'Islamic State of Iraq and the Levant',
      'Islamic State in Iraq and Syria', 'Islamic State of Iraq and al-Sham', 'داعش', 'الدولة الإسلامية', 'تنظيم الدولة',
    ],
    // Two capitals only: "is" and "Is" are the verb.
    caseSensitive: ['IS'],
  },
  { type: 'org', names: ['al-Qaeda', 'al-Qaida', 'al-Qa’ida', 'Al Qaeda', 'Alqaeda', 'القاعدة'] },
  { type: 'org', names: ['Amaq', 'Aamaq', 'A’maq', 'Amaq News Agency', 'Aamaq News Agency', 'أعماق', 'وكالة أعماق'] },
  { type: 'org', names: ['al-Hayat Media Center', 'al-Hayat Media Centre', 'Al-Khayat Media Center', 'al-Hayat', 'Alhayat Media Center', 'مركز الحياة للإعلام'] },
  { type: 'org', names: ['Furat', 'al-Furat', 'Furat Media', 'al-Furat Media', 'مؤسسة الفرات'] },
  { type: 'org', names: ['al-Bayan', 'al-Bayan Radio', 'إذاعة البيان'] },
  { type: 'org', names: ['al-Naba', 'al-Naba’', 'صحيفة النبأ', 'النبأ'] },
  { type: 'org', names: ['Nashir News', 'Nashir', 'ناشر'] },
  { type: 'org', names: ['al-Furqan', 'al-Furqan Media', 'مؤسسة الفرقان'] },
  { type: 'org', names: ['al-Himma', 'Al-Himma Library', 'مكتبة الهمة'] },
  { type: 'org', names: ['Ajnad', 'Ajnad Media', 'أجناد'] },
  { type: 'org', names: ['Dabiq'] },
  { type: 'org', names: ['Dar al-Islam'] },
  { type: 'org', names: ['Asharq Al-Awsat', 'Asharq al-Awsat', 'الشرق الأوسط'] },
  { type: 'org', names: ['Al Jazeera', 'al-Jazeera', 'Aljazeera', 'الجزيرة'] },
  { type: 'org', names: ['al-Arabiya', 'Al Arabiya', 'العربية'] },
  { type: 'org', names: ['Rumiyah', 'Rumiya'] },
  { type: 'org', names: ['Syrian Democratic Forces', 'SDF'] },
  { type: 'org', names: ['Hayat Tahrir al-Sham', 'HTS'] },
  { type: 'org', names: ['Jabhat al-Nusra', 'al-Nusra Front', 'Nusra Front'] },
  { type: 'org', names: ['Boko Haram'] },
  { type: 'org', names: ['Hezbollah', 'Hizbullah', 'Hizballah', 'حزب الله'] },
  { type: 'org', names: ['Taliban'] },
  { type: 'place', names: ['United States', 'US', 'U.S.', 'USA', 'United States of America'] },
  { type: 'place', names: ['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'] },
  { type: 'place', names: ['Deir ez-Zor', 'Deir Ezzor', 'Deir al-Zour', 'Deir ez Zor', 'دير الزور'] },
  { type: 'place', names: ['Raqqa', 'Raqqah', 'al-Raqqa', 'Ar-Raqqah', 'الرقة'] },
  { type: 'place', names: ['Mosul', 'الموصل'] },
  { type: 'place', names: ['Fallujah', 'Falluja', 'الفلوجة'] },
  { type: 'place', names: ['Manbij', 'Minbij'] },
  { type: 'place', names: ['Kobani', 'Kobane'] },
  { type: 'place', names: ['Iraq', 'العراق'] },
  { type: 'place', names: ['Russia', 'Russian Federation'] },
  { type: 'place', names: ['Syria', 'سوريا', 'سورية'] },
  { type: 'person', names: ['Abu Bakr al-Baghdadi', 'أبو بكر البغدادي'] },
  { type: 'person', names: ['Abu Muhammad al-Adnani', 'al-Adnani', 'أبو محمد العدناني'] },
];

export type KnownGroup = { type: EntityType; name: string };

/** Every listed spelling (normalised, plus the case-sensitive ones as written) → its group. */
const byNormalised = new Map<string, KnownGroup>();
const byExact = new Map<string, KnownGroup>();
for (const group of KNOWN_GROUPS) {
  const known = { type: group.type, name: group.names[0]! };
  for (const name of group.names) byNormalised.set(normaliseName(name), known);
  for (const name of group.caseSensitive ?? []) byExact.set(name, known);
}

/** The group a spelling belongs to, if listed. */
export function knownGroup(surface: string): KnownGroup | undefined {
  return byExact.get(surface) ?? byNormalised.get(normaliseName(surface));
}

/** The case-sensitive spellings (`IS`), which the name finder looks for on their own. */
export const EXACT_SPELLINGS: readonly string[] = [...byExact.keys()];

/** First words of the listed spellings (normalised): a run starting otherwise holds no listed name there. */
export const KNOWN_FIRST_WORDS: ReadonlySet<string> = new Set([...byNormalised.keys()].map((k) => k.split(' ')[0]!));

/** Longest listed spelling in words: the name finder looks this far for a listed name. */
export const LONGEST_KNOWN = Math.max(...[...byNormalised.keys()].map((k) => k.split(' ').length));
