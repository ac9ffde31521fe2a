import { describe, expect, it } from 'vitest';
import { escapeHidingElements, escapeUnclosedHtml, listsMerge, ownLinkLabels } from '../../../../electron/node/exports/self-contained-note';

describe('HTML a note leaves open is shown as text', () => {
  it('escapes the opener of an HTML block of types 1 to 5 left open, whatever its case', () => {
    expect(escapeUnclosedHtml('Before.\n\n<!-- todo\nstill here')).toBe('Before.\n\n\\<!-- todo\nstill here');
    expect(escapeUnclosedHtml('<pre>\ncode')).toBe('\\<pre>\ncode');
    expect(escapeUnclosedHtml('<SCRIPT type="x">\ny')).toBe('\\<SCRIPT type="x">\ny');
    expect(escapeUnclosedHtml('<style>')).toBe('\\<style>');
    expect(escapeUnclosedHtml('<textarea>\ndraft')).toBe('\\<textarea>\ndraft');
    expect(escapeUnclosedHtml('<?php echo 1')).toBe('\\<?php echo 1');
    expect(escapeUnclosedHtml('<!DRAFT')).toBe('\\<!DRAFT');
    expect(escapeUnclosedHtml('<![CDATA[ raw')).toBe('\\<![CDATA[ raw');
  });

  it('escapes it inside a list item or a block quote, after the container’s signs', () => {
    expect(escapeUnclosedHtml('- item\n  <!-- open')).toBe('- item\n  \\<!-- open');
    expect(escapeUnclosedHtml('> quoted\n>  <!-- open')).toBe('> quoted\n>  \\<!-- open');
    expect(escapeUnclosedHtml('1. <pre>')).toBe('1. \\<pre>');
  });

  it('needs an element’s own end tag: a <script> that meets </pre> runs on in a browser', () => {
    expect(escapeUnclosedHtml('<script>\nx\n</pre>')).toBe('\\<script>\nx\n</pre>');
  });

  it('escapes, as a reference, a comment opened in raw HTML after its block’s end condition', () => {
    expect(escapeUnclosedHtml('<!-- done --> <!-- open')).toBe('<!-- done --> &lt;!-- open');
    expect(escapeUnclosedHtml('<div>\n<!-- open\n</div>')).toBe('<div>\n&lt;!-- open\n</div>');
    // The first one left open holds the next: once it is text, that one is open, and text too.
    expect(escapeUnclosedHtml('> <div><!-- a --><!-- b\n> <!-- c')).toBe('> <div><!-- a -->&lt;!-- b\n> &lt;!-- c');
    expect(escapeUnclosedHtml('<div><!-- open <script>x</script>')).toBe('<div>&lt;!-- open <script>x</script>');
    // In a script or a style, "<!--" is their text, not a comment.
    expect(escapeUnclosedHtml('<script>\n<!-- legacy\n</script>')).toBe('<script>\n<!-- legacy\n</script>');
    expect(escapeUnclosedHtml('<div><style><!--</style>')).toBe('<div><style><!--</style>');
  });

  it('escapes each block left open, those the first one hid included', () => {
    expect(escapeUnclosedHtml('<!-- one\n\n<?two')).toBe('\\<!-- one\n\n\\<?two');
  });

  it('leaves closed HTML, HTML in code, inline HTML and text without HTML as they are', () => {
    const closed = '<!-- a -->\n\n<!-->\n\n<pre>\nx</PRE>\n\n<?pi ?>\n\n<!DOCTYPE x>\n\n<![CDATA[ y ]]>\n\n<div>\n<b>bold</b>';
    expect(escapeUnclosedHtml(closed)).toBe(closed);
    expect(escapeUnclosedHtml('```\n<!-- in code\n```\n\n    <!-- indented code')).toBe('```\n<!-- in code\n```\n\n    <!-- indented code');
    expect(escapeUnclosedHtml('a <!-- inline, shown as text by every parser')).toBe('a <!-- inline, shown as text by every parser');
    expect(escapeUnclosedHtml('Windows\r\nline ends')).toBe('Windows\r\nline ends');
  });
});

describe('elements a note leaves open that would hide what follows are shown as text', () => {
  it('escapes the start tag with a backslash in Markdown text, whatever its case', () => {
    expect(escapeHidingElements('In the <textarea> box')).toBe('In the \\<textarea> box');
    expect(escapeHidingElements('A <TITLE lang="en">x')).toBe('A \\<TITLE lang="en">x');
    expect(escapeHidingElements('<details>\n\nfolded')).toBe('\\<details>\n\nfolded');
    expect(escapeHidingElements('x <select> y')).toBe('x \\<select> y');
    expect(escapeHidingElements('A <a href="x">link, *emphasis* and <i>slant</i>')).toBe('A \\<a href="x">link, *emphasis* and <i>slant</i>');
    expect(escapeHidingElements('<b>\n\nbold')).toBe('\\<b>\n\nbold');
  });

  it('escapes it as a reference in raw HTML, where a backslash would show', () => {
    expect(escapeHidingElements('<div><script>\nx')).toBe('<div>&lt;script>\nx');
  });

  it('escapes the last start tag of raw text, and as many of nested elements as are left open', () => {
    expect(escapeHidingElements('a <xmp>b</xmp> c <xmp> d')).toBe('a <xmp>b</xmp> c \\<xmp> d');
    expect(escapeHidingElements('<details>\n<details>\n\ninner\n\n</details>')).toBe('\\<details>\n<details>\n\ninner\n\n</details>');
    // <plaintext> has no end: the page is text from it on.
    expect(escapeHidingElements('a <plaintext>b</plaintext>')).toBe('a \\<plaintext>b</plaintext>');
  });

  it('leaves closed elements, tags in code and escaped ones as they are', () => {
    // "<textarea" in a closed script, "<details>" in a closed comment are their text, not tags.
    expect(escapeHidingElements('<script>\nvar s = "<textarea>";\n</script>')).toBe('<script>\nvar s = "<textarea>";\n</script>');
    expect(escapeHidingElements('a <!-- <details> --> b')).toBe('a <!-- <details> --> b');
    expect(escapeHidingElements('a <xmp>x <xmp> y</xmp> b')).toBe('a <xmp>x <xmp> y</xmp> b');
    expect(escapeHidingElements('<b>over\n\ntwo paragraphs</b>, *em* `code` [a](x)')).toBe('<b>over\n\ntwo paragraphs</b>, *em* `code` [a](x)');
    const closed = 'a <textarea>x</textarea> b\n\n<details>\n\nx\n\n</details>\n\n<script>\nx\n</script>\n\n`<style>` in code\n\n    <title> indented code\n\n\\<iframe> escaped';
    expect(escapeHidingElements(closed)).toBe(closed);
  });
});

describe('two notes one after the other', () => {
  it('merge when a list ends the first and one of the same kind starts the second', () => {
    expect(listsMerge('- a', '- b')).toBe(true);
    expect(listsMerge('Text.\n\n1. one', '1. two\n\nMore.')).toBe(true);
  });

  it('do not when the lists differ or a blank line ends what comes before', () => {
    expect(listsMerge('- a', '* b')).toBe(false);
    expect(listsMerge('1. a', '1) b')).toBe(false);
    expect(listsMerge('> a', '> b')).toBe(false);
    expect(listsMerge('- a', 'Text.')).toBe(false);
    expect(listsMerge('Text.', 'More.')).toBe(false);
  });
});

describe('a note’s link reference definitions stay its own', () => {
  it('renames a label an earlier note defined otherwise, in its definition and every use', () => {
    const labels = new Map();
    expect(ownLinkLabels('See [the text][1].\n\n[1]: https://a.example', labels)).toBe('See [the text][1].\n\n[1]: https://a.example');
    expect(ownLinkLabels('See [mine][1], [1] and [1][].\n\n> [1]: https://b.example "B"', labels)).toBe(
      'See [mine][1-2], [1][1-2] and [1][1-2].\n\n> [1-2]: https://b.example "B"',
    );
    // A third note with the same label again takes the next free one.
    expect(ownLinkLabels('[Notes]\n\n[notes]: https://c.example', labels)).toBe('[Notes]\n\n[notes]: https://c.example');
    expect(ownLinkLabels('[x][NOTES]\n\n[Notes]: https://d.example', labels)).toBe('[x][notes-2]\n\n[notes-2]: https://d.example');
  });

  it('leaves a label defined the same way as it is, and a note whose renaming would change its code as written', () => {
    const labels = new Map();
    ownLinkLabels('[1]: https://a.example', labels);
    expect(ownLinkLabels('[a][1]\n\n[1]: https://a.example', labels)).toBe('[a][1]\n\n[1]: https://a.example');
    expect(ownLinkLabels('`[1]` and [b][1]\n\n```\n[1]\n```\n\n[1]: https://b.example', labels)).toBe('`[1]` and [b][1]\n\n```\n[1]\n```\n\n[1]: https://b.example');
  });
});
