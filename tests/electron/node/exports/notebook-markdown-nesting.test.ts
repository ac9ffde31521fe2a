import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { MarkdownOptions } from '../../../../electron/common/exports/export-types';
import { notebookMarkdown } from '../../../../electron/node/exports/notebook-export';
import { bookmark, document, highlight, note } from './notebook-markdown-fixture';

// Notes written in Markdown, with headings of their own: in every grouping, their headings nest
// under the place the note stands in, as a Markdown viewer reads the file (its outline).
const PLAN = '# Reading plan\n\nRead again.\n\n## Steps\n\n```sh\n# not a heading\n```';
const SUMMARY = 'Summary\n=======\n\nStrong.\n\nDetail\n------\n\nMore.\n\n### Deep';
const DOCUMENTS = [
  document('winter', 'Dabiq and the caliphate', 'Winter 2017', 'Winter, Charlie. 2017. “Dabiq.”', [
    highlight('winter', 'h1', 0, 'The magazine', 'yellow', ['Dabiq'], PLAN),
    bookmark('winter', 'b1', 120, 'Second part'),
    highlight('winter', 'h2', 250, 'propaganda videos', 'green', [], ''),
    note('winter', 'n1', SUMMARY, ['Dabiq']),
  ]),
];

/** The export's outline: each heading as "level text", as a CommonMark viewer sees it. */
function outline(md: string): string[] {
  const tokens = new MarkdownIt().parse(md, {});
  return tokens.flatMap((t, i) => (t.type === 'heading_open' ? [`${t.tag.slice(1)} ${tokens[i + 1]!.content}`] : []));
}

const exported = (options: MarkdownOptions) => notebookMarkdown('Notebook', '2026-12-07T14:00:00Z', DOCUMENTS, options);

describe('Markdown export: the headings of notes nest under their place', () => {
  it('by document: under the document for a highlight’s note, under “Document notes” for a document note', () => {
    const md = exported({ include: 'all', groupBy: 'document' });
    expect(outline(md)).toEqual(['1 Notebook', '2 Dabiq and the caliphate', '3 Reading plan', '4 Steps', '3 Document notes', '4 Summary', '5 Detail', '6 Deep', '3 Bookmarks']);
    expect(md).toContain('### Document notes\n\n#### Summary\n\nStrong.\n\n##### Detail\n\nMore.\n\n###### Deep\n\nTags: Dabiq\n');
  });

  it('by document, notes only', () => {
    expect(outline(exported({ include: 'notes', groupBy: 'document' }))).toEqual([
      '1 Notebook',
      '2 Dabiq and the caliphate',
      '3 Reading plan',
      '4 Steps',
      '3 Document notes',
      '4 Summary',
      '5 Detail',
      '6 Deep',
    ]);
  });

  it('by tag: under the document inside the tag, and under its “Document notes” (capped at level 6)', () => {
    expect(outline(exported({ include: 'all', groupBy: 'tag' }))).toEqual([
      '1 Notebook',
      '2 Tag: Dabiq',
      '3 Dabiq and the caliphate',
      '4 Reading plan',
      '5 Steps',
      '4 Document notes',
      '5 Summary',
      '6 Detail',
      '6 Deep',
      '2 Untagged',
      '3 Dabiq and the caliphate',
      '2 Bookmarks',
      '3 Dabiq and the caliphate',
      '2 References',
    ]);
  });

  it('by tag, notes only', () => {
    expect(outline(exported({ include: 'notes', groupBy: 'tag' }))).toEqual([
      '1 Notebook',
      '2 Tag: Dabiq',
      '3 Dabiq and the caliphate',
      '4 Reading plan',
      '5 Steps',
      '4 Document notes',
      '5 Summary',
      '6 Detail',
      '6 Deep',
      '2 References',
    ]);
  });

  it('by colour: under the document inside the colour, and under the document inside “Document notes”', () => {
    expect(outline(exported({ include: 'all', groupBy: 'colour' }))).toEqual([
      '1 Notebook',
      '2 Yellow',
      '3 Dabiq and the caliphate',
      '4 Reading plan',
      '5 Steps',
      '2 Green',
      '3 Dabiq and the caliphate',
      '2 Document notes',
      '3 Dabiq and the caliphate',
      '4 Summary',
      '5 Detail',
      '6 Deep',
      '2 Bookmarks',
      '3 Dabiq and the caliphate',
      '2 References',
    ]);
  });

  it('by colour, notes only: the note after its quotation, its headings under the document', () => {
    const md = exported({ include: 'notes', groupBy: 'colour' });
    expect(outline(md)).toEqual(['1 Notebook', '2 Yellow', '3 Dabiq and the caliphate', '4 Reading plan', '5 Steps', '2 Document notes', '3 Dabiq and the caliphate', '4 Summary', '5 Detail', '6 Deep', '2 References']);
    expect(md).toContain('\n\nOn “The magazine” — (Winter 2017, para. 1) · Colour: Yellow · Place: paragraph 1 · Tags: Dabiq\n\n#### Reading plan\n\nRead again.\n\n##### Steps\n');
  });

  it('leaves highlights only without the notes or their headings', () => {
    expect(outline(exported({ include: 'highlights', groupBy: 'document' }))).toEqual(['1 Notebook', '2 Dabiq and the caliphate']);
  });

  it('leaves the code in a note as written, in every grouping', () => {
    for (const groupBy of ['document', 'tag', 'colour'] as const) {
      for (const include of ['all', 'notes'] as const) {
        const md = exported({ include, groupBy });
        expect(md, `${groupBy} ${include}`).toContain('\n```sh\n# not a heading\n```\n');
      }
    }
  });

  it('keeps a note’s unclosed fence from swallowing what follows it', () => {
    const open = [document('d', 'Doc', 'A', 'Ref.', [note('d', 'n', '# Code\n\n```js\nconst x = 1;', []), highlight('d', 'h', 0, 'after the note', 'blue', [], '')])];
    const md = notebookMarkdown('Notebook', '2026-12-07T14:00:00Z', open, { include: 'all', groupBy: 'colour' });
    expect(outline(md)).toEqual(['1 Notebook', '2 Blue', '3 Doc', '2 Document notes', '3 Doc', '4 Code', '2 References']);
  });
});
