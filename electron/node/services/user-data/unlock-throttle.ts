import { ServiceError } from '../service-error';

/** Wrong passphrases allowed in a row before each further try has to wait. */
const FREE_TRIES = 3;
const MAX_WAIT_MS = 60_000;

/**
 * Slows down guessing: after three wrong passphrases in a row, each further try must wait
 * 2, 4, 8… seconds (at most a minute) after the last one. scrypt already costs half a second a try;
 * this bounds what a script driving the window could do. A right passphrase resets it.
 */
export function createUnlockThrottle(now: () => number = Date.now) {
  let failures = 0;
  let lastFailure = 0;
  return {
    /** Throws `passphrase-wait` while a try is not allowed yet. */
    check(): void {
      if (failures < FREE_TRIES) return;
      const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_TRIES + 1));
      const left = lastFailure + wait - now();
      if (left > 0) {
        throw new ServiceError('passphrase-wait', `Too many wrong passphrases. Wait ${Math.ceil(left / 1000)} seconds, then try again.`);
      }
    },
    failed(): void {
      failures++;
      lastFailure = now();
    },
    succeeded(): void {
      failures = 0;
    },
  };
}
