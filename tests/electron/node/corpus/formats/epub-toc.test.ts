import { describe, expect, it } from 'vitest';
import { MAX_TOC_DEPTH, navToc, ncxToc } from '../../../../../electron/node/corpus/formats/epub-toc';
import { MAX_HEADING_TITLE, MAX_HEADINGS } from '../../../../../electron/node/corpus/headings';
import { NAV_XHTML } from '../../../../harness/format-fixtures';

describe('navToc (EPUB 3 navigation document)', () => {
  it('reads the toc nav, not landmarks or the page list: levels from the nested lists, labels, targets', () => {
    expect(navToc(NAV_XHTML)).toEqual([
      { level: 1, title: '1. The First Chapter', href: 'text/c1.xhtml' },
      { level: 2, title: '1.1 A section', href: 'text/c1.xhtml#sec' },
      { level: 2, title: 'Outside the book', href: '../../etc/passwd' },
      { level: 2, title: 'Away', href: 'https://example.com/away' },
      { level: 1, title: 'Part Two', href: '' },
      { level: 2, title: '2. The Second Chapter', href: 'text/c2.xhtml#missing' },
      { level: 1, title: '3. الفصل الثالث', href: 'text/chapter%203.xhtml' },
    ]);
  });

  it('takes role="doc-toc", else the first nav that is not landmarks; decodes entities, drops scripts', () => {
    const role = '<nav epub:type="landmarks"><ol><li><a href="a.xhtml">L</a></li></ol></nav><nav role="doc-toc"><ol><li><a href="b.xhtml">B &amp; C<script>x()</script></a></li></ol></nav>';
    expect(navToc(role)).toEqual([{ level: 1, title: 'B & C', href: 'b.xhtml' }]);
    const plain = '<nav epub:type="landmarks"><ol><li><a href="a.xhtml">L</a></li></ol></nav><nav><ul><li><a href="c.xhtml">C</a></li></ul></nav>';
    expect(navToc(plain)).toEqual([{ level: 1, title: 'C', href: 'c.xhtml' }]);
    expect(navToc('<html><body><p>No nav here</p></body></html>')).toEqual([]);
  });

  it('is bounded: entries, label length, and a nesting too deep gives no contents', () => {
    const many = `<nav epub:type="toc"><ol>${'<li><a href="c.xhtml">x</a></li>'.repeat(MAX_HEADINGS + 50)}</ol></nav>`;
    expect(navToc(many)).toHaveLength(MAX_HEADINGS);
    const long = `<nav epub:type="toc"><ol><li><a href="c.xhtml">${'word '.repeat(10_000)}</a></li></ol></nav>`;
    expect(navToc(long)[0]!.title.length).toBeLessThan(MAX_HEADING_TITLE * 3);
    const deep = `<nav epub:type="toc">${'<ol><li><a href="c.xhtml">x</a>'.repeat(MAX_TOC_DEPTH)}</nav>`;
    expect(navToc(deep)).toEqual([]);
  });
});

describe('ncxToc (EPUB 2 NCX)', () => {
  it('reads the navMap: nested navPoints for the levels, the first navLabel, the content src; not the pageList', () => {
    const ncx = `<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><docTitle><text>Book</text></docTitle><navMap>
      <navPoint id="a"><navLabel><text>One &amp; all</text></navLabel><content src="one.html"/>
        <navPoint id="b"><navLabel><text>Deeper</text></navLabel><navLabel xml:lang="fr"><text>Plus bas</text></navLabel><content src="one.html#d"/></navPoint>
      </navPoint>
      <navPoint id="c"><navLabel><text>Two</text></navLabel><content src="two.html"/></navPoint>
    </navMap><pageList><pageTarget><navLabel><text>7</text></navLabel><content src="two.html#p7"/></pageTarget></pageList></ncx>`;
    expect(ncxToc(ncx)).toEqual([
      { level: 1, title: 'One & all', href: 'one.html' },
      { level: 2, title: 'Deeper', href: 'one.html#d' },
      { level: 1, title: 'Two', href: 'two.html' },
    ]);
  });

  it('is bounded in entries and depth', () => {
    const point = '<navPoint><navLabel><text>x</text></navLabel><content src="a.html"/></navPoint>';
    expect(ncxToc(`<ncx><navMap>${point.repeat(MAX_HEADINGS + 10)}</navMap></ncx>`)).toHaveLength(MAX_HEADINGS);
    const deep = `<ncx><navMap>${'<navPoint><navLabel><text>x</text></navLabel>'.repeat(MAX_TOC_DEPTH)}</navMap></ncx>`;
    expect(ncxToc(deep)).toEqual([]);
  });
});
