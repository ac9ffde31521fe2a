import { isAppUrl } from './app-protocol';

export type SenderFrame = { url: string; parent: unknown } | null | undefined;

/** Only the top frame of a page from the app's own origin may call the API. */
export function isTrustedSender(frame: SenderFrame): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}
