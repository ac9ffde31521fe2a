import { describe, expect, it } from 'vitest';
import { documentDetailsInput } from '../../../../electron/common/citations/citation-schemas';

const details = (url: string) => ({ type: 'article-newspaper', title: 'The Virtual Caliphate', authors: [], date: '', containerTitle: '', publisher: '', url, page: '' });

describe('the details dialog schema', () => {
  it('keeps a full web address or none', () => {
    for (const url of ['', 'https://example.org/report', 'http://example.org', 'ftp://files.example.org/a.pdf']) {
      expect(documentDetailsInput.safeParse(details(url)).success, url).toBe(true);
    }
  });

  it('refuses an address without its scheme or site, another scheme, or one with spaces, saying how to write it', () => {
    for (const url of ['example.org/report', 'javascript:alert(1)', 'file:///etc/passwd', 'https://', 'https://example.org/a b']) {
      const parsed = documentDetailsInput.safeParse(details(url));
      expect(parsed.success, url).toBe(false);
      expect(parsed.error?.issues.map((i) => i.message).join(' '), url).toMatch(/in full, with its scheme/);
    }
  });
});
