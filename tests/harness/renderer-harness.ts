import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { APP_COMMANDS, type AppCommand } from '../../electron/common/ipc/app-commands';
import { API_GLOBAL, CHANNELS } from '../../electron/common/ipc/ipc-contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/common/security/content-security-policy';
import { fail } from '../../electron/common/result';
import { createAppHandlerTable } from '../../electron/node/ipc/app-handler-table';
import { METHOD_BY_CHANNEL } from '../../electron/node/ipc/handler-table';
import { SOURCE_WORKERS } from '../../electron/node/query-worker/worker-entry';
import { mimeTypeOf, resolveAppFile } from '../../electron/node/protocol/resolve-app-file';
import { createServices, type AppServices, type ServicesConfig } from '../../electron/node/services/create-services';
import { RENDERER_DIR } from './paths';

/** Stand-in origin for the app's own protocol; every request is answered by route(), none leaves. */
export const HARNESS_ORIGIN = 'https://carrel.test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export type Harness = {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  services: AppServices;
  /** The notes database this harness uses (a fresh temporary file unless the config named one). */
  userDbFile: string;
  /** Every request outside the app's origin (all are refused). */
  foreignRequests: string[];
  /** Content-Security-Policy violations reported by the page ("directive blocked-uri"). */
  cspViolations: string[];
  /** Console errors and page errors, for assertions that nothing broke silently. */
  pageErrors: string[];
  /** Closes everything, then fails if any request left the app's origin or the CSP was violated. */
  close(): Promise<void>;
};

/**
 * The renderer as built, in Debian's Chromium, with the preload's API bridged to the same
 * handler table Electron main registers: one contract, one handler table, two transports.
 */
/**
 * `jsonTransport` (benches): answers cross as one JSON string instead of Playwright's value
 * serialisation, which takes seconds for 40,000 small objects where Electron's structured clone
 * takes milliseconds; byte arrays go as base64. The tests keep Playwright's own transport.
 * `onCall` (benches): each call's method, when the harness received it and how long its answer
 * took (performance.now() of the harness's process).
 */
export type HarnessOptions = { jsonTransport?: boolean; onCall?: (method: string, startMs: number, durationMs: number) => void };

export async function launchHarness(config: ServicesConfig, options: HarnessOptions = {}): Promise<Harness> {
  if (!fs.existsSync(`${RENDERER_DIR}/index.html`)) {
    throw new Error('The renderer is not built: run "npm run build" first (npm test does it).');
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, serviceWorkers: 'block' });
  // A fresh notes database per harness unless the test brings its own (e.g. to reopen it).
  const tempDir = config.userDbFile ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-harness-user-'));
  const userDbFile = config.userDbFile ?? path.join(tempDir!, 'carrel-user.sqlite');
  const foreignRequests: string[] = [];
  // Like main's counter: what the request layer refused.
  // Corpus reads and builds in worker threads, as in the app (from their sources, through tsx).
  const services = createServices({ workers: SOURCE_WORKERS, ...config, userDbFile, blockedRequests: () => foreignRequests.length });
  const table = createAppHandlerTable(services);
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const file = url.startsWith(`${HARNESS_ORIGIN}/`) ? resolveAppFile(RENDERER_DIR, url) : null;
    if (!url.startsWith(`${HARNESS_ORIGIN}/`)) foreignRequests.push(url);
    if (!file) return route.abort('blockedbyclient');
    return route.fulfill({
      status: 200,
      body: fs.readFileSync(file),
      headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });

  const page = await context.newPage();
  await page.exposeBinding('__carrelInvoke', async (source, channel: string, input: unknown) => {
    // The same sender rule as main: the app's own top frame only.
    if (source.frame !== page.mainFrame() || !source.frame.url().startsWith(`${HARNESS_ORIGIN}/`)) {
      return fail('forbidden', 'This request did not come from Carrel’s own window.');
    }
    const method = METHOD_BY_CHANNEL.get(channel);
    const startMs = performance.now();
    const answer = method ? await table[method](input, 'harness-page') : fail('unknown-channel', `Unknown channel ${channel}`);
    if (method) options.onCall?.(method, startMs, performance.now() - startMs);
    return options.jsonTransport ? JSON.stringify(answer, (_key, value: unknown) => (value instanceof Uint8Array ? { __carrelBytes: Buffer.from(value).toString('base64') } : value)) : answer;
  });
  await page.exposeBinding('__carrelCspViolation', (_source, report: string) => {
    cspViolations.push(report);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __carrelCspViolation: (r: string) => void }).__carrelCspViolation;
      report(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  // What the preload does with ipcRenderer.invoke and ipcRenderer.on, done with bindings instead.
  await page.addInitScript(
    ({ globalName, channels, commands, json }) => {
      const call = (window as unknown as { __carrelInvoke: (c: string, i: unknown) => Promise<unknown> }).__carrelInvoke;
      const revive = (_key: string, value: unknown) =>
        value && typeof value === 'object' && '__carrelBytes' in value ? Uint8Array.from(atob((value as { __carrelBytes: string }).__carrelBytes), (c) => c.charCodeAt(0)) : value;
      const invoke = json ? async (c: string, i: unknown) => JSON.parse((await call(c, i)) as string, revive) as unknown : call;
      const api = Object.fromEntries(Object.entries(channels).map(([method, channel]) => [method, (input?: unknown) => invoke(channel, input)]));
      const listeners = new Set<(command: string) => void>();
      const onCommand = (listener: (command: string) => void) => {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      };
      // The harness's stand-in for webContents.send from the menu (see sendCommand).
      Object.defineProperty(window, '__carrelSendCommand', {
        value: (command: string) => commands.includes(command) && listeners.forEach((listener) => listener(command)),
      });
      Object.defineProperty(window, globalName, { value: Object.freeze({ ...api, onCommand }), writable: false });
    },
    { globalName: API_GLOBAL, channels: CHANNELS, commands: [...APP_COMMANDS] as string[], json: options.jsonTransport === true },
  );
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  return {
    browser,
    context,
    page,
    services,
    userDbFile,
    foreignRequests,
    cspViolations,
    pageErrors,
    async close() {
      await browser.close();
      services.close();
      if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
      if (foreignRequests.length > 0 || cspViolations.length > 0) {
        throw new Error(
          `The app tried to leave its origin or broke its CSP.\nRequests: ${JSON.stringify(foreignRequests)}\nCSP violations: ${JSON.stringify(cspViolations)}`,
        );
      }
    },
  };
}

/** What a menu item does in the app: the shell sends its command to the window. */
export async function sendCommand(harness: Harness, command: AppCommand): Promise<void> {
  await harness.page.evaluate((c) => (window as unknown as { __carrelSendCommand: (c: string) => void }).__carrelSendCommand(c), command);
}

export async function openApp(harness: Harness): Promise<void> {
  await harness.page.goto(`${HARNESS_ORIGIN}/index.html`);
}
