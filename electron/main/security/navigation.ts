import type { Session, WebContents } from 'electron';
import { isAllowedRequest, isAppUrl } from './app-protocol';

/** Denies every permission request and check: Carrel needs none (camera, notifications, …). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Cancels every request that is not for the app's own files: the air gap inside the process. */
export function blockForeignRequests(session: Session, onBlocked: (url: string) => void): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) onBlocked(details.url);
    callback({ cancel: !allowed });
  });
}

/** Blocks navigation away from the app, new windows and <webview> attachment. */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
