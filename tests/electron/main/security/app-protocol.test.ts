import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, isAllowedRequest, isAppUrl } from '../../../../electron/main/security/app-protocol';
import { isTrustedSender } from '../../../../electron/main/security/trusted-sender';

describe('the app origin', () => {
  it('recognises only its own scheme and host', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('carrel-app://app/assets/x.js')).toBe(true);
    for (const url of ['carrel-app://evil/index.html', 'https://app/index.html', 'file:///etc/passwd', 'http://localhost:5173/', 'javascript:alert(1)', 'garbage']) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('lets through only the app’s own requests', () => {
    expect(isAllowedRequest('carrel-app://app/index.html')).toBe(true);
    for (const url of ['https://example.org/x.png', 'http://127.0.0.1/', 'ws://localhost/', 'file:///etc/hosts', 'data:text/html,hi', 'blob:https://x/1']) {
      expect(isAllowedRequest(url)).toBe(false);
    }
  });

  it('registers the scheme as standard and secure, without bypassing CSP or service workers', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false });
  });
});

describe('isTrustedSender', () => {
  it('accepts only the top frame of an app page', () => {
    expect(isTrustedSender({ url: 'carrel-app://app/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'carrel-app://app/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
