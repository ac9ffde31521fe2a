import path from 'node:path';
import { chromium, type Page } from 'playwright-core';

/**
 * What benches use of the browser test harness. The harness is loaded at run time by a
 * computed path: imported statically, it would be type-checked with bench/'s Node-only
 * libraries (it has in-page code that needs the DOM's), and tests/ type-checks it already.
 */
export type HarnessModule = {
  launchHarness(config: { corpusFile: string }, options?: { jsonTransport?: boolean; onCall?: (method: string, startMs: number, durationMs: number) => void }): Promise<{ page: Page; pageErrors: string[]; close(): Promise<void> }>;
  openApp(harness: { page: Page }): Promise<void>;
};
export const HARNESS = path.join(__dirname, '..', 'tests', 'harness', 'renderer-harness.ts');

/**
 * tsx compiles with esbuild's keepNames, so functions the harness passes to addInitScript call
 * a `__name` helper that exists in Node only. Every page the harness opens gets that helper
 * as its first init script (init scripts run in the order they are added).
 */
export function defineNameHelperInPages(): void {
  const launch = chromium.launch.bind(chromium);
  chromium.launch = async (...args) => {
    const browser = await launch(...args);
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...options) => {
      const context = await newContext(...options);
      const newPage = context.newPage.bind(context);
      context.newPage = async () => {
        const page = await newPage();
        await page.addInitScript('globalThis.__name = (fn) => fn;');
        return page;
      };
      return context;
    };
    return browser;
  };
}
