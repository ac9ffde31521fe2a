import { describe, expect, it } from 'vitest';
import { detailsFields, documentCsl, itemFromFields, parseByline, parseDate, parseName } from '../../../../electron/node/citations/document-csl';
import { locateSpan } from '../../../../electron/node/citations/locate-span';

describe('bibliographic details from what the corpus holds', () => {
  it('splits Latin names and keeps Arabic names whole, in their order', () => {
    expect(parseName('Charlie Winter')).toEqual({ family: 'Winter', given: 'Charlie' });
    expect(parseName('Winter, Charlie')).toEqual({ family: 'Winter', given: 'Charlie' });
    expect(parseName('By Aymenn Jawad Al-Tamimi')).toEqual({ family: 'Al-Tamimi', given: 'Aymenn Jawad' });
    expect(parseName('Reuters')).toEqual({ literal: 'Reuters' });
    expect(parseName('أبو محمد العدناني')).toEqual({ literal: 'أبو محمد العدناني' });
    expect(parseByline('عبد الباري عطوان، حسن حسن')).toEqual([{ literal: 'عبد الباري عطوان' }, { literal: 'حسن حسن' }]);
    expect(parseByline('Charlie Winter and Haroro Ingram; J.M. Berger')).toEqual([
      { family: 'Winter', given: 'Charlie' },
      { family: 'Ingram', given: 'Haroro' },
      { family: 'Berger', given: 'J.M.' },
    ]);
    expect(parseByline('')).toEqual([]);
  });

  it('reads ISO and day.month.year dates, and keeps anything else as written', () => {
    expect(parseDate('2017-08-12')).toEqual({ 'date-parts': [[2017, 8, 12]] });
    expect(parseDate('2017-08-12T10:00:00Z')).toEqual({ 'date-parts': [[2017, 8, 12]] });
    expect(parseDate('2015')).toEqual({ 'date-parts': [[2015]] });
    expect(parseDate('17.10.2022')).toEqual({ 'date-parts': [[2022, 10, 17]] });
    expect(parseDate('Ramadan 1437')).toEqual({ raw: 'Ramadan 1437' });
    expect(parseDate('')).toBeUndefined();
  });

  it('derives an item from a document, and goes to the dialog’s fields and back unchanged', () => {
    const item = documentCsl({ id: 'd', title: ' T ', author: 'Charlie Winter', date: '2017-08', source: 'Asharq Al-Awsat', language: 'en' });
    expect(item).toEqual({ id: 'd', type: 'article-newspaper', title: 'T', author: [{ family: 'Winter', given: 'Charlie' }], issued: { 'date-parts': [[2017, 8]] }, 'container-title': 'Asharq Al-Awsat', language: 'en' });
    expect(documentCsl({ id: 'x', title: '', author: '', date: '', source: '', language: '' })).toEqual({ id: 'x', type: 'document', title: 'x' });
    const fields = detailsFields(item);
    expect(fields).toMatchObject({ authors: ['Winter, Charlie'], date: '2017-08', containerTitle: 'Asharq Al-Awsat' });
    expect(itemFromFields(item, fields)).toEqual(item);
  });
});

describe('the locator of a quotation', () => {
  const paragraphs = [
    { start: 0, end: 10 },
    { start: 12, end: 30 },
    { start: 32, end: 50 },
  ];
  it('is the number of the paragraph it starts in (the next one from a blank line)', () => {
    expect(locateSpan({ paragraphs }, 0)).toEqual({ label: 'paragraph', value: '1' });
    expect(locateSpan({ paragraphs }, 29)).toEqual({ label: 'paragraph', value: '2' });
    expect(locateSpan({ paragraphs }, 31)).toEqual({ label: 'paragraph', value: '3' });
    expect(locateSpan({ paragraphs }, 60)).toBeUndefined();
  });
  it('is the page where the document has pages', () => {
    const pages = [
      { start: 0, label: 'iv' },
      { start: 25, label: '1' },
    ];
    expect(locateSpan({ paragraphs, pages }, 10)).toEqual({ label: 'page', value: 'iv' });
    expect(locateSpan({ paragraphs, pages }, 40)).toEqual({ label: 'page', value: '1' });
  });
});
