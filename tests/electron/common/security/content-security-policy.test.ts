import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../../../electron/common/security/content-security-policy';
import { RENDERER_DIR, ROOT } from '../../../harness/paths';

function metaPolicy(html: string): string {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSP meta tag');
  return match[1]!;
}

describe('the Content Security Policy', () => {
  it('denies by default, allows only the app’s own origin, and never eval or remote origins', () => {
    expect(CSP_DIRECTIVES['default-src']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|data:|blob:/);
    expect(CSP_DIRECTIVES['connect-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['form-action']).toBe("'none'");
  });

  it('requires Trusted Types for script sinks, with only the sanitiser’s policies and pdf.js’s worker address allowed', () => {
    expect(CSP_DIRECTIVES['require-trusted-types-for']).toBe("'script'");
    expect(CSP_DIRECTIVES['trusted-types']).toBe('carrel-sanitizer dompurify carrel-pdf-worker');
  });

  it('is written into the built index.html from the one definition', () => {
    expect(metaPolicy(fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8'))).toBe('%CARREL_CSP%');
    expect(metaPolicy(fs.readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8'))).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the built page has no inline script or style', () => {
    const html = fs.readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
  });
});
