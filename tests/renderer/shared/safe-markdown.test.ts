// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeNoteHtml } from '../../../renderer/src/shared/safe-markdown';

function rendered(source: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = renderMarkdown(source);
  return box;
}

const HOSTILE = [
  '# Title',
  '<script>window.pwned = 1</script>',
  '<img src="http://evil.example/x.png" onerror="window.pwned=2">',
  '![tracker](http://evil.example/pixel.gif "t")',
  '[click me](javascript:alert(1)) and [site](http://evil.example/page)',
  '<a href="http://evil.example/">raw link</a>',
  '<form action="http://evil.example/post"><input name="q"><button formaction="http://evil.example/">go</button></form>',
  '<p style="background:url(http://evil.example/bg.png)">styled</p>',
  '<style>body{background:url(http://evil.example/s.png)}</style>',
  '<iframe src="http://evil.example/"></iframe><object data="x"></object><svg><image href="http://evil.example/i.png"/></svg>',
  '<video poster="http://evil.example/p.png"></video><link rel="stylesheet" href="http://evil.example/c.css">',
].join('\n\n');

describe('renderMarkdown', () => {
  it('keeps ordinary Markdown: emphasis, lists, code, quotes, Arabic text', () => {
    const box = rendered('**bold** and *em* — `code`\n\n- one\n- two\n\n> quoted\n\nنص عربي');
    expect(box.querySelector('strong')?.textContent).toBe('bold');
    expect(box.querySelector('em')?.textContent).toBe('em');
    expect(box.querySelectorAll('li')).toHaveLength(2);
    expect(box.querySelector('blockquote')?.textContent).toContain('quoted');
    expect(box.textContent).toContain('نص عربي');
  });

  it('leaves nothing that could run script or load a resource', () => {
    const box = rendered(HOSTILE);
    for (const el of box.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        // A title is a tooltip (a link's address shown, never followed).
        if (attr.name !== 'title') expect(`${attr.name}=${attr.value}`).not.toMatch(/evil|url\(|javascript:/);
      }
    }
    expect(box.querySelectorAll('*').length).toBeGreaterThan(3);
  });

  it('sanitises HTML with an allow-list even if raw HTML reached it', () => {
    const box = document.createElement('div');
    box.innerHTML = sanitizeNoteHtml(HOSTILE.replace(/^# Title/, '<h1>Title</h1>').replace(/!\[tracker\]\([^)]*\)/, ''));
    expect(box.querySelector('h1')?.textContent).toBe('Title');
    for (const tag of ['script', 'img', 'form', 'input', 'button', 'style', 'iframe', 'object', 'svg', 'video', 'link', 'image']) {
      expect(box.querySelector(tag), tag).toBeNull();
    }
    for (const attr of ['src', 'href', 'style', 'action', 'formaction', 'onerror', 'poster', 'data']) {
      expect(box.querySelector(`[${attr}]`), attr).toBeNull();
    }
    for (const el of box.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        // A title is a tooltip (a link's address shown, never followed).
        if (attr.name !== 'title') expect(`${attr.name}=${attr.value}`).not.toMatch(/evil|url\(|javascript:/);
      }
    }
  });

  it('shows links as text with their address in a tooltip, and images as their alt text', () => {
    const box = rendered('[site](http://example.org/a) ![a map](http://example.org/m.png)');
    const link = box.querySelector('a')!;
    expect(link.textContent).toBe('site');
    expect(link.getAttribute('href')).toBeNull();
    expect(link.getAttribute('title')).toBe('http://example.org/a');
    expect(box.querySelector('.note-image')?.textContent).toBe('[image: a map]');
  });
});

describe('raw HTML in notes', () => {
  it('is shown as text, so no parser ever sees its handlers or styles', () => {
    const box = rendered('before <b onclick="x()" style="color:red">bold</b> after\n\n<div onmouseover="y()">block</div>');
    expect(box.querySelector('b, div')).toBeNull();
    expect(box.textContent).toContain('<b onclick="x()" style="color:red">bold</b>');
    expect(box.textContent).toContain('<div onmouseover="y()">block</div>');
  });

  it('starts a note’s headings at h4, so a view keeps its one h1', () => {
    const box = rendered('# Title\n\n## Part\n\n###### Deep');
    expect([...box.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.tagName} ${h.textContent}`)).toEqual(['H4 Title', 'H5 Part', 'H6 Deep']);
  });
});
