import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUnlockThrottle, throttleFileOf } from '../../../../../electron/node/services/user-data/unlock-throttle';

let dir: string;
let stateFile: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-throttle-'));
  stateFile = throttleFileOf(path.join(dir, 'carrel-user.sqlite'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the unlock throttle', () => {
  it('lets three wrong tries through, then makes each further one wait longer, and forgets after a right one', () => {
    let now = 0;
    const throttle = createUnlockThrottle({ now: () => now });
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

  it('keeps counting across a restart: a new throttle on the same folder still makes the next try wait', () => {
    let now = 1_000_000;
    const first = createUnlockThrottle({ stateFile, now: () => now });
    for (let i = 0; i < 4; i++) {
      now += 60_000;
      first.check();
      first.failed();
    }
    expect(() => first.check()).toThrow(/Wait 4 seconds/);
    // "Restart": nothing carried over in memory.
    const second = createUnlockThrottle({ stateFile, now: () => now });
    expect(() => second.check()).toThrow(/Wait 4 seconds/);
    now += 4000;
    second.check();
    second.failed();
    expect(() => createUnlockThrottle({ stateFile, now: () => now }).check()).toThrow(/Wait 8 seconds/);
    now += 8000;
    second.succeeded();
    expect(fs.existsSync(stateFile)).toBe(false);
    const third = createUnlockThrottle({ stateFile, now: () => now });
    for (let i = 0; i < 3; i++) {
      third.check();
      third.failed();
    }
    expect(() => third.check()).toThrow(/Wait 2 seconds/);
  });

  it.each([
    ['garbage', 'not json at all'],
    ['a torn write', '{"version":1,"failures":5,"lastF'],
    ['wrong types', '{"version":1,"failures":"many","lastFailure":0}'],
    ['a negative count', '{"version":1,"failures":-100,"lastFailure":0}'],
    ['an unknown version', '{"version":9,"failures":0,"lastFailure":0}'],
    ['an empty file', ''],
  ])('keeps throttling when the state file holds %s, rather than starting afresh', (_name, text) => {
    let now = 5_000_000;
    fs.writeFileSync(stateFile, text);
    const throttle = createUnlockThrottle({ stateFile, now: () => now });
    expect(() => throttle.check()).toThrow(/Wait 60 seconds/);
    now += 60_000;
    throttle.check();
    // A right passphrase repairs it.
    throttle.succeeded();
    expect(() => createUnlockThrottle({ stateFile, now: () => now }).check()).not.toThrow();
  });

  it('keeps throttling when the state file cannot be read at all', () => {
    fs.mkdirSync(stateFile);
    expect(() => createUnlockThrottle({ stateFile }).check()).toThrow(/Wait 60 seconds/);
  });

  it('does not let a clock set back stretch a wait', () => {
    let now = 10_000_000;
    const throttle = createUnlockThrottle({ stateFile, now: () => now });
    for (let i = 0; i < 3; i++) throttle.failed();
    now -= 3 * 3600_000;
    expect(() => throttle.check()).toThrow(/Wait 2 seconds/);
  });
});
