import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { blockForeignRequests, denyAllPermissions, lockNavigation } from '../../../../electron/main/security/navigation';

type Handler = (...args: unknown[]) => unknown;

/** Just enough of WebContents to record what lockNavigation registers. */
function fakeContents() {
  const handlers = new Map<string, Handler>();
  let openHandler: Handler | undefined;
  const contents = {
    on(event: string, handler: Handler) {
      handlers.set(event, handler);
      return contents;
    },
    setWindowOpenHandler(handler: Handler) {
      openHandler = handler;
    },
  };
  const fire = (event: string, ...args: unknown[]) => {
    let prevented = false;
    const evt = { preventDefault: () => (prevented = true), ...(args[1] as object) };
    handlers.get(event)!(evt, args[0]);
    return prevented;
  };
  return { contents: contents as unknown as WebContents, fire, openHandler: () => openHandler!, handlers };
}

describe('lockNavigation', () => {
  it('blocks navigation, frame navigation and redirects away from the app, and every webview', () => {
    const { contents, fire, handlers } = fakeContents();
    lockNavigation(contents);
    expect([...handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'carrel-app://app/index.html')).toBe(false);
    expect(fire('will-redirect', 'http://127.0.0.1/')).toBe(true);
    expect(fire('will-frame-navigate', undefined, { url: 'https://evil.example/' })).toBe(true);
    expect(fire('will-frame-navigate', undefined, { url: 'carrel-app://app/index.html' })).toBe(false);
    expect(fire('will-attach-webview', undefined)).toBe(true);
  });

  it('denies every new window', () => {
    const { contents, openHandler } = fakeContents();
    lockNavigation(contents);
    expect(openHandler()({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler()({ url: 'carrel-app://app/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every permission request and check', () => {
    const registered: Record<string, Handler> = {};
    const session = {
      setPermissionRequestHandler: (h: Handler) => (registered.request = h),
      setPermissionCheckHandler: (h: Handler) => (registered.check = h),
      setDevicePermissionHandler: (h: Handler) => (registered.device = h),
    } as unknown as Session;
    denyAllPermissions(session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      registered.request!({}, permission, (granted: boolean) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(registered.check!({}, 'media')).toBe(false);
    expect(registered.device!({})).toBe(false);
  });
});

describe('blockForeignRequests', () => {
  it('cancels every request outside the app protocol and counts it', () => {
    let listener: Handler | undefined;
    const session = { webRequest: { onBeforeRequest: (h: Handler) => (listener = h) } } as unknown as Session;
    const blocked: string[] = [];
    blockForeignRequests(session, (url) => blocked.push(url));
    const decide = (url: string) => {
      let decision: { cancel?: boolean } = {};
      listener!({ url }, (d: { cancel?: boolean }) => (decision = d));
      return decision.cancel;
    };
    expect(decide('carrel-app://app/assets/index.js')).toBe(false);
    expect(decide('https://fonts.example/font.woff2')).toBe(true);
    expect(decide('file:///home/user/.ssh/id_rsa')).toBe(true);
    expect(decide('ws://127.0.0.1:9222/')).toBe(true);
    expect(blocked).toEqual(['https://fonts.example/font.woff2', 'file:///home/user/.ssh/id_rsa', 'ws://127.0.0.1:9222/']);
  });
});
