import { describe, expect, it } from 'vitest';
import { createUnlockThrottle } from '../../../../../electron/node/services/user-data/unlock-throttle';

describe('the unlock throttle', () => {
  it('lets three wrong tries through, then makes each further one wait longer, and forgets after a right one', () => {
    let now = 0;
    const throttle = createUnlockThrottle(() => now);
    for (let i = 0; i < 3; i++) {
      throttle.check();
      throttle.failed();
    }
    expect(() => throttle.check()).toThrow(/Wait 2 seconds/);
    now += 2000;
    throttle.check();
    throttle.failed();
    expect(() => throttle.check()).toThrow(/Wait 4 seconds/);
    now += 10 * 60_000;
    throttle.check();
    throttle.succeeded();
    throttle.failed();
    throttle.check();
  });
});
