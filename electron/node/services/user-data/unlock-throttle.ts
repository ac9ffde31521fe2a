import fs from 'node:fs';
import { ServiceError } from '../service-error';

/** Wrong passphrases allowed in a row before each further try has to wait. */
const FREE_TRIES = 3;
const MAX_WAIT_MS = 60_000;
/** Failures assumed when the state file cannot be read: enough for the longest wait. */
const FAILURES_IF_DAMAGED = FREE_TRIES + Math.ceil(Math.log2(MAX_WAIT_MS / 1000));

/** The throttle's state beside the notes database (no secret in it: a count and a time). */
export const throttleFileOf = (dbFile: string): string => `${dbFile}.unlock-throttle`;

export type UnlockThrottleOptions = {
  /** Where the state is kept across restarts; without it, it lasts as long as the process. */
  stateFile?: string;
  now?: () => number;
};

type State = { failures: number; lastFailure: number };

/**
 * Slows down guessing: after three wrong passphrases in a row, each further try must wait
 * 2, 4, 8… seconds (at most a minute) after the last one. scrypt already costs half a second a try;
 * this bounds what a script driving the window could do. A right passphrase resets it.
 * The count survives a restart (it is written to `stateFile` at every wrong try). A state file
 * that cannot be read or makes no sense fails safe: the longest wait applies, it is not reset.
 */
export function createUnlockThrottle(options: UnlockThrottleOptions = {}) {
  const now = options.now ?? Date.now;
  let state = load(options.stateFile, now);
  const save = () => {
    if (!options.stateFile) return;
    try {
      if (state.failures === 0) {
        fs.rmSync(options.stateFile, { force: true });
        return;
      }
      // Written in place: a write torn by a crash reads as damaged, which throttles (see load).
      const fd = fs.openSync(options.stateFile, 'w', 0o600);
      try {
        fs.writeSync(fd, `${JSON.stringify({ version: 1, ...state })}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // Not kept on disk (a read-only folder): the throttle still holds for this run.
    }
  };
  return {
    /** Throws `passphrase-wait` while a try is not allowed yet. */
    check(): void {
      if (state.failures < FREE_TRIES) return;
      const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (state.failures - FREE_TRIES + 1));
      // A clock set back must not turn a wait of seconds into one of hours.
      const left = Math.min(wait, state.lastFailure + wait - now());
      if (left > 0) {
        throw new ServiceError('passphrase-wait', `Too many wrong passphrases. Wait ${Math.ceil(left / 1000)} seconds, then try again.`);
      }
    },
    failed(): void {
      state = { failures: state.failures + 1, lastFailure: now() };
      save();
    },
    succeeded(): void {
      state = { failures: 0, lastFailure: 0 };
      save();
    },
  };
}

function load(file: string | undefined, now: () => number): State {
  if (!file) return { failures: 0, lastFailure: 0 };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { failures: 0, lastFailure: 0 };
    return { failures: FAILURES_IF_DAMAGED, lastFailure: now() };
  }
  try {
    const parsed = JSON.parse(text) as Partial<State> & { version?: number };
    const { failures, lastFailure } = parsed;
    if (parsed.version === 1 && Number.isSafeInteger(failures) && failures! >= 0 && Number.isFinite(lastFailure) && lastFailure! >= 0) {
      return { failures: failures!, lastFailure: lastFailure! };
    }
  } catch {
    // Falls through: damaged.
  }
  return { failures: FAILURES_IF_DAMAGED, lastFailure: now() };
}
