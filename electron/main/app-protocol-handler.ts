import fs from 'node:fs';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/security/content-security-policy';
import { mimeTypeOf, resolveAppFile } from '../node/protocol/resolve-app-file';
import { APP_SCHEME } from './security/app-protocol';

/** Serves the built renderer from rendererDir on the app's scheme, with the CSP as a header too. */
export function handleAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      headers: {
        'content-type': mimeTypeOf(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
