/** The custom scheme that serves the app's own files; `file://` is never used for pages. */
export const APP_SCHEME = 'carrel-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges registered before the app is ready: standard + secure so CSP 'self' and ES modules work. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  stream: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  codeCache: true,
} as const;

/** Whether a URL belongs to the app's own origin. */
export function isAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Requests the session lets through: the app's own files and Chromium's internal devtools pages only. */
export function isAllowedRequest(rawUrl: string): boolean {
  if (isAppUrl(rawUrl)) return true;
  return rawUrl.startsWith('devtools://');
}
