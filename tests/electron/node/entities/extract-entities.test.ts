import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../electron/node/entities/extract-entities';
import { EntityIndexBuilder } from '../../../../electron/node/entities/entity-index';
import { normaliseName, variantKey } from '../../../../electron/node/entities/entity-key';

const found = (text: string) => extractEntities(text).map((e) => [e.type ?? '-', e.surface, text.slice(e.start, e.end)]);
const typed = (text: string) => extractEntities(text).filter((e) => e.type).map((e) => `${e.type}:${e.surface}`);

/** Builds an index from paragraphs, one document each. */
function index(...docs: string[]) {
  const b = new EntityIndexBuilder();
  docs.forEach((text, doc) => b.addParagraph(doc, 0, 0, text, { count: 0 }));
  return b.finish().entities;
}

describe('names in Latin letters', () => {
  it('finds Arabic names by their parts: Abu …, al-…, bin/ibn …, Umm …, with offsets into the text', () => {
    const text = 'A video shows Abu Bakr al-Baghdadi, and Umm Sayyaf spoke of Hamza bin Laden and Aymenn Jawad Al-Tamimi.';
    expect(found(text).filter(([t]) => t === 'person')).toEqual([
      ['person', 'Abu Bakr al-Baghdadi', 'Abu Bakr al-Baghdadi'],
      ['person', 'Umm Sayyaf', 'Umm Sayyaf'],
      ['person', 'Hamza bin Laden', 'Hamza bin Laden'],
      ['person', 'Aymenn Jawad Al-Tamimi', 'Aymenn Jawad Al-Tamimi'],
    ]);
  });

  it('types places by their first or last word, organisations by their head word, people by a title or a given name', () => {
    expect(typed('Fighters crossed at Bab al-Hawa into the Euphrates River Valley.')).toEqual(['place:Bab al-Hawa', 'place:Euphrates River Valley']);
    expect(typed('Charlie Winter of the International Center for the Study of Radicalization spoke.')).toEqual([
      'person:Charlie Winter',
      'org:International Center for the Study of Radicalization',
    ]);
    expect(typed('said US Central Command spokesman Lieutenant Colonel Earl Brown.')).toEqual(['org:US Central Command', 'person:Earl Brown']);
  });

  it('finds media outlets by name (Amaq, al-Hayat Media Center, Furat) and the group by every spelling, "IS" in capitals only', () => {
    expect(typed('Amaq and the Al-Khayat Media Center, with media agency "Furat", spoke for Daesh.')).toEqual([
      'org:Amaq',
      'org:Al-Khayat Media Center',
      'org:Furat',
      'org:Daesh',
    ]);
    expect(typed('This is what IS claimed. Is it?')).toEqual(['org:IS']);
  });

  it('leaves out common words, demonyms and headings in capitals', () => {
    expect(typed('The American fighters said Now that it is over.')).toEqual([]);
    expect(typed('TWITTER AND THE CALIFATE')).toEqual([]);
  });

  it('finds names in Arabic script', () => {
    expect(typed('قال أبو بكر البغدادي إن داعش باقية')).toEqual(['person:أبو بكر البغدادي', 'org:داعش']);
  });
});

describe('dates', () => {
  it('finds written dates as ISO days, months and years, and leaves out dates only the day of reading could place', () => {
    const dates = (text: string) => extractEntities(text).filter((e) => e.type === 'date').map((e) => `${e.surface}=${e.iso}`);
    expect(dates('On June 12, 2016 and in May 2014, since 2013, The Umayyad Caliphate (661-750).')).toEqual([
      'June 12, 2016=2016-06-12',
      'May 2014=2014-05',
      '2013=2013',
      '661=0661',
      '750=0750',
    ]);
    expect(dates('Officials said Tuesday that last year 3,000 fighters left.')).toEqual([]);
  });
});

describe('merging spelling variants', () => {
  it('normalises case, apostrophes, hyphens and diacritics', () => {
    expect(normaliseName('al-Baghdādī')).toBe(normaliseName('Al Baghdadi'));
    expect(normaliseName("Da'esh")).toBe(normaliseName('Da’esh'));
    expect(variantKey('org', 'ISIS’')).toBe('org:isis');
  });

  it('makes ISIS, ISIL, IS, Islamic State and Daesh one group', () => {
    const entities = index('ISIS and ISIL.', 'The Islamic State (IS) is called Daesh.');
    const group = entities.filter((e) => e.type === 'org');
    expect(group).toHaveLength(1);
    expect(group[0]!.name).toBe('Islamic State');
    expect(group[0]!.variants.map((v) => v.key)).toEqual(['org:daesh', 'org:is', 'org:isil', 'org:isis', 'org:islamic state']);
    expect(group[0]!.documents).toBe(2);
  });

  it('merges a shorter name into the one longer name it ends (al-Baghdadi, Winter), not when two longer names end so', () => {
    const people = (...docs: string[]) => index(...docs).filter((e) => e.type === 'person').map((e) => `${e.name}: ${e.variants.map((v) => v.name).join(', ')}`);
    expect(people('A pledge to al-Baghdadi was made.', 'Abu Bakr al-Baghdadi spoke. Later Charlie Winter wrote it; Winter said so.')).toEqual([
      'Abu Bakr al-Baghdadi: Abu Bakr al-Baghdadi, al-Baghdadi',
      'Charlie Winter: Charlie Winter, Winter',
    ]);
    expect(people('Ahmed Hemak and Ahmed Ahmed met Sara Hemak; Hemak left.')).toEqual(['Ahmed Ahmed: Ahmed Ahmed', 'Ahmed Hemak: Ahmed Hemak', 'Sara Hemak: Sara Hemak']);
  });
});
