import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, openApp, type Harness } from '../harness/renderer-harness';
import { BUNDLED_CORPUS } from '../harness/paths';

// Proves the harness's own alarms work: if these did not fire, the "no request, no CSP
// violation" checks every other end-to-end test relies on would prove nothing.
describe('the air gap as the harness enforces it', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    await openApp(harness);
    await harness.page.locator('.document-row').first().waitFor();
  });

  afterAll(async () => {
    // The violations below were provoked on purpose.
    harness.cspViolations.length = 0;
    harness.foreignRequests.length = 0;
    await harness.close();
  });

  it('the CSP blocks remote images, fetches and inline scripts, and each attempt is reported', async () => {
    const outcome = await harness.page.evaluate(async () => {
      const img = document.createElement('img');
      img.src = 'https://tracker.example/pixel.png';
      document.body.append(img);
      const script = document.createElement('script');
      let scriptRefused = false;
      try {
        script.textContent = 'window.__ran = true'; // Trusted Types refuse this outright
      } catch {
        scriptRefused = true;
      }
      document.body.append(script);
      let fetched = 'no';
      try {
        await fetch('https://exfil.example/data');
        fetched = 'yes';
      } catch {
        fetched = 'blocked';
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { fetched, scriptRefused, ran: (window as unknown as { __ran?: boolean }).__ran === true };
    });
    expect(outcome).toEqual({ fetched: 'blocked', scriptRefused: true, ran: false });
    await expect.poll(() => harness.cspViolations.length).toBeGreaterThanOrEqual(3);
    expect(harness.cspViolations.join('\n')).toMatch(/img-src https:\/\/tracker\.example/);
    expect(harness.cspViolations.join('\n')).toMatch(/connect-src https:\/\/exfil\.example/);
    expect(harness.cspViolations.join('\n')).toMatch(/require-trusted-types-for/);
  });

  it('Trusted Types refuse raw HTML that did not pass through the sanitiser', async () => {
    const outcome = await harness.page.evaluate(() => {
      const div = document.createElement('div');
      try {
        div.innerHTML = '<img src=x onerror="window.__tt=1">';
        return 'assigned';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(outcome).toBe('TypeError');
    await expect.poll(() => harness.cspViolations.join('\n')).toMatch(/require-trusted-types-for/);
  });

  it('a request that slips past the CSP is refused and recorded as foreign', async () => {
    // Navigation is not governed by connect-src/img-src: the route layer must catch it.
    await harness.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = 'https://elsewhere.example/';
      document.body.append(frame);
    });
    await harness.page.waitForTimeout(300);
    expect(harness.cspViolations.join('\n') + harness.foreignRequests.join('\n')).toMatch(/elsewhere\.example/);
  });
});
