import { describe, expect, it } from 'vitest';
import { markdownEntryCount, notebookMarkdown } from '../../../../electron/node/exports/notebook-export';
import { DOCUMENTS } from './notebook-markdown-fixture';

// The whole file for each option, as a user opens it: what each option keeps, where a highlight
// with two tags goes, the order of colours, and the Markdown signs of quotes shown as themselves.
const TITLE = 'Notebook: Test';
const AT = '2026-12-07T14:00:00Z';

describe('Markdown export of the notebook', () => {
  it('writes everything by document when no option is given', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS)).toBe(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'all', groupBy: 'document' }));
  });

  it('writes everything, by document (as before the options)', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'all', groupBy: 'document' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

## Dabiq and the caliphate

Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.

> The magazine \*Dabiq\*
>
> — (Winter 2017, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

Read *this* again.

> propaganda videos
>
> — (Winter 2017, para. 3)

Colour: Green · Place: paragraph 3

### Document notes

Overall: strong.

Tags: Dabiq

### Bookmarks

- Second part (paragraph 2)

## الخلافة الافتراضية

عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.

> الخلافة
> "الافتراضية"
>
> — (عطوان 2015, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: مجلات

### Document notes

No tags here.
`);
  });

  it('writes highlights only: quotations without any note, no document notes, no bookmarks', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'highlights', groupBy: 'document' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

Highlights only: the quotations with their citation, colour, place and tags; notes and bookmarks are left out.

## Dabiq and the caliphate

Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.

> The magazine \*Dabiq\*
>
> — (Winter 2017, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

> propaganda videos
>
> — (Winter 2017, para. 3)

Colour: Green · Place: paragraph 3

## الخلافة الافتراضية

عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.

> الخلافة
> "الافتراضية"
>
> — (عطوان 2015, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: مجلات
`);
  });

  it('writes notes only: document notes, and the notes of highlights after their quotation on one line', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'notes', groupBy: 'document' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

Notes only: the document notes, and the note of each highlight that has one, after the quotation it is on; highlights without a note and bookmarks are left out.

## Dabiq and the caliphate

Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.

On “The magazine \*Dabiq\*” — (Winter 2017, para. 1) · Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

Read *this* again.

### Document notes

Overall: strong.

Tags: Dabiq

## الخلافة الافتراضية

عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.

### Document notes

No tags here.
`);
  });

  it('writes by tag: a highlight with two tags under each, untagged ones under “Untagged”, bookmarks after, references at the end', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'all', groupBy: 'tag' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

Grouped by tag: a highlight or note with several tags appears under each of them, and one without a tag under “Untagged”. Bookmarks, which have no tags, come after. The references of the documents are at the end.

## Tag: Dabiq

### Dabiq and the caliphate

> The magazine \*Dabiq\*
>
> — (Winter 2017, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

Read *this* again.

#### Document notes

Overall: strong.

Tags: Dabiq

## Tag: مجلات

### Dabiq and the caliphate

> The magazine \*Dabiq\*
>
> — (Winter 2017, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

Read *this* again.

### الخلافة الافتراضية

> الخلافة
> "الافتراضية"
>
> — (عطوان 2015, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: مجلات

## Untagged

### Dabiq and the caliphate

> propaganda videos
>
> — (Winter 2017, para. 3)

Colour: Green · Place: paragraph 3

### الخلافة الافتراضية

#### Document notes

No tags here.

## Bookmarks

### Dabiq and the caliphate

- Second part (paragraph 2)

## References

- Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.
- عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.
`);
  });

  it('writes by colour: the colours in palette order, then document notes and bookmarks, references at the end', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'all', groupBy: 'colour' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

Grouped by colour, in the order of the palette (Yellow, Green, Blue, Pink, Purple, Orange). Document notes and bookmarks, which have no colour, come after. The references of the documents are at the end.

## Yellow

### Dabiq and the caliphate

> The magazine \*Dabiq\*
>
> — (Winter 2017, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

Read *this* again.

### الخلافة الافتراضية

> الخلافة
> "الافتراضية"
>
> — (عطوان 2015, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: مجلات

## Green

### Dabiq and the caliphate

> propaganda videos
>
> — (Winter 2017, para. 3)

Colour: Green · Place: paragraph 3

## Document notes

### Dabiq and the caliphate

Overall: strong.

Tags: Dabiq

### الخلافة الافتراضية

No tags here.

## Bookmarks

### Dabiq and the caliphate

- Second part (paragraph 2)

## References

- Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.
- عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.
`);
  });

  it('writes highlights only, by tag', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'highlights', groupBy: 'tag' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

Highlights only: the quotations with their citation, colour, place and tags; notes and bookmarks are left out.

Grouped by tag: a highlight or note with several tags appears under each of them, and one without a tag under “Untagged”. The references of the documents are at the end.

## Tag: Dabiq

### Dabiq and the caliphate

> The magazine \*Dabiq\*
>
> — (Winter 2017, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

## Tag: مجلات

### Dabiq and the caliphate

> The magazine \*Dabiq\*
>
> — (Winter 2017, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

### الخلافة الافتراضية

> الخلافة
> "الافتراضية"
>
> — (عطوان 2015, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: مجلات

## Untagged

### Dabiq and the caliphate

> propaganda videos
>
> — (Winter 2017, para. 3)

Colour: Green · Place: paragraph 3

## References

- Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.
- عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.
`);
  });

  it('writes notes only, by colour: a highlight note under its colour, document notes after', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'notes', groupBy: 'colour' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

Notes only: the document notes, and the note of each highlight that has one, after the quotation it is on; highlights without a note and bookmarks are left out.

Grouped by colour, in the order of the palette (Yellow, Green, Blue, Pink, Purple, Orange). Document notes, which have no colour, come after. The references of the documents are at the end.

## Yellow

### Dabiq and the caliphate

On “The magazine \*Dabiq\*” — (Winter 2017, para. 1) · Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

Read *this* again.

## Document notes

### Dabiq and the caliphate

Overall: strong.

Tags: Dabiq

### الخلافة الافتراضية

No tags here.

## References

- Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.
- عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.
`);
  });

  it('writes highlights only, by colour', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'highlights', groupBy: 'colour' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

Highlights only: the quotations with their citation, colour, place and tags; notes and bookmarks are left out.

Grouped by colour, in the order of the palette (Yellow, Green, Blue, Pink, Purple, Orange). The references of the documents are at the end.

## Yellow

### Dabiq and the caliphate

> The magazine \*Dabiq\*
>
> — (Winter 2017, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

### الخلافة الافتراضية

> الخلافة
> "الافتراضية"
>
> — (عطوان 2015, para. 1)

Colour: Yellow · Place: paragraph 1 · Tags: مجلات

## Green

### Dabiq and the caliphate

> propaganda videos
>
> — (Winter 2017, para. 3)

Colour: Green · Place: paragraph 3

## References

- Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.
- عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.
`);
  });

  it('writes notes only, by tag', () => {
    expect(notebookMarkdown(TITLE, AT, DOCUMENTS, { include: 'notes', groupBy: 'tag' })).toBe(String.raw`# Notebook: Test

Exported from Carrel on 2026-12-07.

Notes only: the document notes, and the note of each highlight that has one, after the quotation it is on; highlights without a note and bookmarks are left out.

Grouped by tag: a highlight or note with several tags appears under each of them, and one without a tag under “Untagged”. The references of the documents are at the end.

## Tag: Dabiq

### Dabiq and the caliphate

On “The magazine \*Dabiq\*” — (Winter 2017, para. 1) · Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

Read *this* again.

#### Document notes

Overall: strong.

Tags: Dabiq

## Tag: مجلات

### Dabiq and the caliphate

On “The magazine \*Dabiq\*” — (Winter 2017, para. 1) · Colour: Yellow · Place: paragraph 1 · Tags: Dabiq, مجلات

Read *this* again.

## Untagged

### الخلافة الافتراضية

#### Document notes

No tags here.

## References

- Winter, Charlie. 2017. “Dabiq and the Caliphate.” Asharq Al-Awsat.
- عطوان. 2015. “الخلافة الافتراضية.” رأي اليوم.
`);
  });

  it('counts the entries each option writes, one under two tags once', () => {
    expect(markdownEntryCount(DOCUMENTS)).toBe(6);
    expect(markdownEntryCount(DOCUMENTS, { include: 'highlights', groupBy: 'tag' })).toBe(3);
    expect(markdownEntryCount(DOCUMENTS, { include: 'notes', groupBy: 'colour' })).toBe(3);
  });

  it('writes a heading and nothing else for an empty notebook, whatever the grouping', () => {
    for (const groupBy of ['document', 'tag', 'colour'] as const) {
      const md = notebookMarkdown(TITLE, AT, [], { include: 'all', groupBy });
      expect(md.startsWith('# Notebook: Test\n\nExported from Carrel on 2026-12-07.\n')).toBe(true);
      expect(md).not.toContain('## ');
    }
  });
});
