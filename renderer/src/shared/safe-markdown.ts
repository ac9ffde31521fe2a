import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * Notes are untrusted Markdown (a note may be pasted from anywhere). They render to HTML that
 * can load nothing and go nowhere: raw HTML is shown as text, then DOMPurify keeps only
 * text-level and block tags from the Markdown's own output, no attribute that
 * names a resource (src, srcset, style, action, formaction, background ...), images become
 * their alt text, and links keep their text and show their address as a tooltip but have no href.
 */

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'sup', 'sub',
];
const ALLOWED_ATTR = ['href', 'title', 'class', 'dir', 'lang'];

const markdown = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    // Markdown images never load: show their alt text instead.
    image: ({ text }) => `<span class="note-image">[image${text ? `: ${escapeHtml(text)}` : ''}]</span>`,
    // Raw HTML in a note is shown as the text it is: it never reaches an HTML parser, so even
    // the sanitiser's parse cannot see its handlers or styles (Chromium reports those to the CSP).
    html: ({ text }) => escapeHtml(text),
    // A note sits under its view's h1 and its card's heading: its own headings start at h4, so
    // a "# Title" in a note never makes a second h1 for a screen reader.
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + 3);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

let purifier: ReturnType<typeof DOMPurify> | null = null;

/** One DOMPurify instance with Carrel's hooks, made on first use (it needs a window). */
function notePurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      // Links are shown, never followed: the address moves to a tooltip.
      const href = node.getAttribute('href') ?? '';
      node.removeAttribute('href');
      node.setAttribute('class', 'note-link');
      if (href) node.setAttribute('title', href);
    } else if (node.hasAttribute('class') && node.getAttribute('class') !== 'note-image') {
      node.removeAttribute('class');
    }
  });
  purifier = instance;
  return instance;
}

/** Renders Markdown to HTML that is safe to insert: inert, with no remote or script-bearing content. */
export function renderMarkdown(source: string): string {
  return sanitizeNoteHtml(markdown.parse(source) as string);
}

/** The allow-list sanitiser applied to the Markdown's output (exported for its tests). */
export function sanitizeNoteHtml(html: string): string {
  const purify = notePurifier();
  // Without a working sanitiser, show the markup as plain text rather than trust it.
  if (!purify.isSupported) return `<p>${escapeHtml(html)}</p>`;
  return purify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    RETURN_TRUSTED_TYPE: false,
  });
}
