import { describe, expect, it } from 'vitest';
import { nestHeadings } from '../../../../electron/node/exports/nest-headings';

// A note's headings, placed under a heading of level 3 (say "### Document notes").
describe('nesting a note’s headings under the heading it stands under', () => {
  it('moves ATX headings down together, so the top one sits one level below', () => {
    expect(nestHeadings('# Summary\n\nShort.\n\n## Detail\n\nMore.', 3)).toBe('#### Summary\n\nShort.\n\n##### Detail\n\nMore.');
  });

  it('caps them at level 6', () => {
    expect(nestHeadings('# A\n\n## B\n\n### C\n\n#### D', 3)).toBe('#### A\n\n##### B\n\n###### C\n\n###### D');
  });

  it('leaves a note whose headings are already deeper as written, and one without headings untouched', () => {
    expect(nestHeadings('#### Deep enough\n\n##### Below', 3)).toBe('#### Deep enough\n\n##### Below');
    expect(nestHeadings('Just *text*,\nover two lines.', 3)).toBe('Just *text*,\nover two lines.');
  });

  it('measures the shift from the note’s top heading, wherever it stands', () => {
    expect(nestHeadings('### Later top\n\n# Top', 3)).toBe('###### Later top\n\n#### Top');
  });

  it('turns setext headings into ATX ones at their new level, a heading over two lines on one', () => {
    expect(nestHeadings('Summary\n=======\n\nStrong.\n\nDetail\n------\n\nMore.', 3)).toBe('#### Summary\n\nStrong.\n\n##### Detail\n\nMore.');
    expect(nestHeadings('Over two\nlines\n===', 3)).toBe('#### Over two lines');
    // One level down, a level-1 setext heading can stay setext.
    expect(nestHeadings('Title\n=====\n\ntext', 1)).toBe('Title\n-----\n\ntext');
  });

  it('keeps a closing sequence and what follows the signs', () => {
    expect(nestHeadings('## Plan ##\n\n#\tTabbed', 2)).toBe('#### Plan ##\n\n###\tTabbed');
  });

  it('leaves "#" lines in fenced and indented code, code spans, hashtags and thematic breaks alone', () => {
    const note = '# Top\n\n```sh\n# a shell comment\n## another\n```\n\n~~~~\n# tilde fence\n~~~~\n\n    # indented code\n\n`# code span`\n\n#hashtag\n\n---\n\n***';
    expect(nestHeadings(note, 3)).toBe(note.replace(/^# Top/, '#### Top'));
  });

  it('nests headings in block quotes and list items with the rest', () => {
    expect(nestHeadings('# Top\n\n> ## Quoted\n\n- ## In a list\n1. ## Numbered', 3)).toBe('#### Top\n\n> ##### Quoted\n\n- ##### In a list\n1. ##### Numbered');
  });

  it('closes a fence the note leaves open, which would otherwise swallow the rest of the export', () => {
    expect(nestHeadings('# Top\n\n```js\nconst x = 1;', 3)).toBe('#### Top\n\n```js\nconst x = 1;\n```');
    expect(nestHeadings('~~~~\n# not a heading', 3)).toBe('~~~~\n# not a heading\n~~~~');
    expect(nestHeadings('```', 3)).toBe('```\n```');
    // Closed ones stay as they are.
    expect(nestHeadings('```\n# x\n```', 3)).toBe('```\n# x\n```');
    expect(nestHeadings('````\n```\n````', 3)).toBe('````\n```\n````');
  });
});
