import { afterAll, beforeAll } from 'vitest';
import { BUNDLED_CORPUS } from './paths';
import { launchHarness, openApp, type Harness } from './renderer-harness';

/** The app on the bundled corpus for the tests of one describe block: launched before them, closed after. */
export function withBundledApp(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await launchHarness({ corpusFile: BUNDLED_CORPUS });
    await openApp(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('The app has not been launched (withBundledApp runs in beforeAll).');
    return harness;
  };
}
