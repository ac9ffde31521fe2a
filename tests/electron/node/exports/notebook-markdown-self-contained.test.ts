// @vitest-environment jsdom
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { notebookMarkdown } from '../../../../electron/node/exports/notebook-export';
import type { MarkdownOptions } from '../../../../electron/common/exports/export-types';
import { highlight, document as notebookDocument, note } from './notebook-markdown-fixture';

// Each note of a Markdown export is self-contained: whatever it leaves open, the notes after it
// are read as written. The export is rendered as Markdown viewers do it: CommonMark (markdown-it)
// and marked (the library the app renders notes with), raw HTML passed through, then the HTML
// read by a browser's parser (jsdom), where an open comment or <script> hides the rest of the page.
const viewers = {
  'markdown-it': (md: string) => new MarkdownIt({ html: true }).render(md),
  marked: (md: string) => new Marked({ gfm: true, async: false }).parse(md) as string,
};

const NEXT = '# Second\n\nSecond text.';

function exported(...bodies: string[]): string {
  const doc = notebookDocument('d', 'Doc', 'A 2020', 'A. 2020. Ref.', bodies.map((body, i) => note('d', `n${i}`, body, [])));
  return notebookMarkdown('Notebook', '2026-12-07T14:00:00Z', [doc]);
}

function rendered(viewer: keyof typeof viewers, md: string): Document {
  return new DOMParser().parseFromString(viewers[viewer](md), 'text/html');
}

/** The text a reader sees: what is not in a comment, a script or a style (their text is never shown). */
function visibleText(page: Document): string {
  for (const hidden of page.querySelectorAll('script, style')) hidden.remove();
  return (page.body.textContent ?? '').replace(/\s+/g, ' ');
}

// A note left open, and the words of it that must still be read in the export.
const OPEN: Record<string, { body: string; shows: string[] }> = {
  'an HTML comment': { body: 'Before.\n\n<!-- todo: check this\nstill here', shows: ['<!-- todo: check this', 'still here'] },
  '<pre>': { body: '<pre>\nkept as typed', shows: ['<pre>', 'kept as typed'] },
  '<script>': { body: '<script>\nwindow.seen = 1', shows: ['<script>', 'window.seen = 1'] },
  '<style>': { body: '<STYLE>\np { display: none }', shows: ['<STYLE>', 'p { display: none }'] },
  '<textarea>': { body: '<textarea>\ndraft', shows: ['<textarea>', 'draft'] },
  'a processing instruction': { body: '<?php echo 1', shows: ['<?php echo 1'] },
  'a declaration': { body: '<!DRAFT for later', shows: ['<!DRAFT for later'] },
  'a CDATA section': { body: '<![CDATA[ raw', shows: ['<![CDATA[ raw'] },
  'a comment in a list item': { body: '- item\n  <!-- open in a list', shows: ['item', '<!-- open in a list'] },
  'a comment in a block quote': { body: '> quoted\n> <!-- open in a quote', shows: ['quoted', '<!-- open in a quote'] },
  'a comment opened after one closed': { body: '<!-- done --> <!-- still open', shows: ['<!-- still open'] },
  // Elements a browser reads as raw text up to their end tag, or does not show the content of.
  'a <textarea> in a sentence': { body: 'Answer in the <textarea> box.', shows: ['<textarea> box.'] },
  'a <title> in a sentence': { body: 'The page <title> tag.', shows: ['<title> tag.'] },
  'a <plaintext> in a sentence': { body: 'Then <plaintext> for ever.', shows: ['<plaintext> for ever.'] },
  'a <script> in raw HTML': { body: '<div class="box"><script>\nnot run', shows: ['<script>', 'not run'] },
  'a <details> left open': { body: '<details>\n\nfolded away', shows: ['<details>', 'folded away'] },
  'a <template> left open': { body: 'A <template> here', shows: ['<template> here'] },
  // Formatting elements a browser opens again in every paragraph after them.
  'a <b> left open': { body: 'Hm <b>bold', shows: ['<b>bold'] },
  'a link left open': { body: 'A <a href="https://x.example/">link', shows: ['<a href="https://x.example/">link'] },
};

describe('Markdown export: a note that leaves a block open does not swallow the notes after it', () => {
  for (const viewer of Object.keys(viewers) as (keyof typeof viewers)[]) {
    for (const [what, { body, shows }] of Object.entries(OPEN)) {
      it(`${what}, read with ${viewer}: the next note's heading and text are shown, and the open note's text too`, () => {
        const page = rendered(viewer, exported(body, NEXT));
        expect([...page.querySelectorAll('h4')].map((h) => h.textContent)).toEqual(['Second']);
        const next = [...page.querySelectorAll('p')].find((p) => p.textContent === 'Second text.');
        expect(next).toBeDefined();
        // Not folded away in a <details> or inside a <select>, where it would not be seen either,
        // nor bold, nor a link, as a formatting element left open would make it.
        expect(next!.closest('details, select, a, b, big, code, em, font, i, nobr, s, small, strike, strong, tt, u')).toBeNull();
        const text = visibleText(page);
        for (const words of shows) expect(text).toContain(words);
      });
    }

    it(`a note ending in a list and the next one starting with one stay two lists, each numbered as written (${viewer})`, () => {
      const page = rendered(viewer, exported('1. one\n2. two', '1. first of the next note\n\nSecond text.', '- a', '- b'));
      expect([...page.querySelectorAll('ol')].map((ol) => [ol.getAttribute('start'), ol.children.length])).toEqual([
        [null, 2],
        [null, 1],
      ]);
      expect(page.querySelectorAll('ul')).toHaveLength(2);
      // Still tight lists, as each note alone is: their items hold no paragraph.
      expect(page.querySelectorAll('li > p')).toHaveLength(0);
    });
  }

  // A highlight's note is followed by the next highlight, in every grouping and with either content.
  const OPTIONS: MarkdownOptions[] = (['document', 'tag', 'colour'] as const).flatMap((groupBy) => (['all', 'notes'] as const).map((include) => ({ include, groupBy })));
  for (const options of OPTIONS) {
    it(`a highlight's note left open does not swallow the next highlight (${options.include}, by ${options.groupBy})`, () => {
      const doc = notebookDocument('d', 'Doc', 'A 2020', 'A. 2020. Ref.', [
        highlight('d', 'h1', 0, 'first quote', 'yellow', ['t'], '<!-- open\nmy words'),
        highlight('d', 'h2', 100, 'second quote', 'yellow', ['t'], 'Second note.'),
      ]);
      for (const viewer of Object.keys(viewers) as (keyof typeof viewers)[]) {
        const text = visibleText(rendered(viewer, notebookMarkdown('Notebook', '2026-12-07T14:00:00Z', [doc], options)));
        expect(text).toContain('<!-- open my words');
        expect(text).toContain('second quote');
        expect(text).toContain('Second note.');
      }
    });
  }

  for (const viewer of Object.keys(viewers) as (keyof typeof viewers)[]) {
    it(`a note's links lead to its own reference definitions, not to an earlier note's of the same label (${viewer})`, () => {
      const page = rendered(viewer, exported('See [the text][1].\n\n[1]: https://a.example/', 'See [mine][1] and [1].\n\n[1]: https://b.example/'));
      expect([...page.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
        ['the text', 'https://a.example/'],
        ['mine', 'https://b.example/'],
        ['1', 'https://b.example/'],
      ]);
    });
  }

  it('exports a note whose blocks are closed as written', () => {
    const closed = 'Seen.\n\n<!-- hidden on purpose -->\n\n<pre>\nas typed\n</pre>\n\n<?pi ?>\n\n<!DOCTYPE x>\n\n<![CDATA[ y ]]>\n\n- a list\n\n> a quote';
    expect(exported(closed, NEXT)).toContain(`### Document notes\n\n${closed}\n\n#### Second\n\nSecond text.\n`);
    // Two lists that do not merge (another bullet) need no separation either.
    expect(exported('- a', '* b')).toContain('### Document notes\n\n- a\n\n* b\n');
  });
});
