import type { IpcError, Result } from '@common/result';
import { bridgeError } from './data/call-api';

/**
 * Saves that outlive the editor that started them. Each field that saves by itself (a note)
 * has a key; its newest unsaved value is kept here until a save succeeds, however the editor
 * is closed, and an editor opened again on the same key shows that value, not the stored one.
 * A failure keeps the value and, when the service says a retry may work, tries again with
 * backoff; any new change (a keystroke) or "Try again" tries again at once.
 */
export type SaveStatus =
  /** Stored. `recovered`: stored after one or more failures (the window says it finally saved). */
  | { state: 'saved'; recovered: boolean }
  | { state: 'unsaved' }
  | { state: 'saving' }
  /** The last try failed; the value is kept. `retryAt`: when the next automatic try is (ms since epoch), if any. */
  | { state: 'failed'; error: IpcError; tries: number; retryAt: number | null; trying: boolean };

export type SaveFn<T> = (value: T) => Promise<Result<unknown>>;

/** Waits between automatic tries after 1, 2, 3… failures; the last one repeats. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 30_000] as const;

export const retryDelay = (tries: number): number => RETRY_DELAYS_MS[Math.min(tries, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];

type Entry = {
  key: string;
  /** What the value is, for the window's list of unsaved changes ("A note on a highlight"). */
  label: string;
  save: SaveFn<unknown>;
  pending: { value: unknown } | null;
  status: SaveStatus;
  /** Failures since the last success. */
  tries: number;
  /** A failure happened since the last time the status said "saved". */
  recovering: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  chain: Promise<void>;
  listeners: Set<() => void>;
};

const SAVED: SaveStatus = { state: 'saved', recovered: false };
const entries = new Map<string, Entry>();
const watchers = new Set<() => void>();

const notSetUp: SaveFn<unknown> = async () => ({ ok: false, error: { code: 'internal', message: 'This field is not ready to save yet.' } });

function entryOf(key: string): Entry {
  let entry = entries.get(key);
  if (!entry) {
    entry = { key, label: '', save: notSetUp, pending: null, status: SAVED, tries: 0, recovering: false, timer: undefined, chain: Promise.resolve(), listeners: new Set() };
    entries.set(key, entry);
  }
  return entry;
}

function notifyWatchers(): void {
  for (const watcher of [...watchers]) watcher();
}

function setStatus(entry: Entry, status: SaveStatus): void {
  entry.status = status;
  for (const listener of [...entry.listeners]) listener();
  notifyWatchers();
}

/** Forgets an entry that holds nothing and that no editor shows. */
function release(entry: Entry): void {
  if (!entry.pending && entry.status.state !== 'failed' && entry.listeners.size === 0 && entries.get(entry.key) === entry) entries.delete(entry.key);
}

function schedule(entry: Entry, ms: number): void {
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => void flushSave(entry.key), ms);
}

async function attempt(entry: Entry): Promise<void> {
  const job = entry.pending;
  if (!job) return;
  entry.pending = null;
  const before = entry.status;
  setStatus(entry, before.state === 'failed' ? { ...before, trying: true, retryAt: null } : { state: 'saving' });
  let result: Result<unknown>;
  try {
    result = await entry.save(job.value);
  } catch (error) {
    const { code, message } = bridgeError(error);
    result = { ok: false, error: { code, message: `Carrel's window could not reach its services (${message}).`, retryable: true } };
  }
  if (!result.ok) {
    entry.pending ??= job; // keep the text; newer text typed meanwhile wins
    entry.tries += 1;
    entry.recovering = true;
    const retryAt = result.error.retryable ? Date.now() + retryDelay(entry.tries) : null;
    // A change typed meanwhile already set its own (sooner) try.
    if (retryAt !== null && !entry.timer) schedule(entry, retryDelay(entry.tries));
    setStatus(entry, { state: 'failed', error: result.error, tries: entry.tries, retryAt, trying: false });
    return;
  }
  entry.tries = 0;
  if (entry.pending) {
    setStatus(entry, { state: 'unsaved' }); // newer text, typed during the save, goes next
    return;
  }
  const recovered = entry.recovering;
  entry.recovering = false;
  setStatus(entry, recovered ? { state: 'saved', recovered } : SAVED);
  release(entry);
}

/** The function that saves `key`'s value; the newest registered is used, even after its editor is gone. */
export function registerSave<T>(key: string, save: SaveFn<T>, label: string): void {
  const entry = entryOf(key);
  entry.save = save as SaveFn<unknown>;
  entry.label = label;
}

/** A new value for `key`: saved `delay` ms after the last change (sooner values are replaced, never lost). */
export function changeSave(key: string, value: unknown, delay: number): void {
  const entry = entryOf(key);
  entry.pending = { value };
  // After a failure the failure stays in view (the earlier text is not saved either) until a try works.
  setStatus(entry, entry.status.state === 'failed' ? { ...entry.status, retryAt: Date.now() + delay } : { state: 'unsaved' });
  schedule(entry, delay);
}

/** Saves `key`'s newest value now (or after the save already under way); resolves when done. */
export function flushSave(key: string): Promise<void> {
  const entry = entries.get(key);
  if (!entry) return Promise.resolve();
  clearTimeout(entry.timer);
  entry.timer = undefined;
  entry.chain = entry.chain.then(() => attempt(entry));
  return entry.chain;
}

/** The value not saved yet, if any: an editor opened again shows it instead of the stored text. */
export function pendingValue<T>(key: string): T | undefined {
  return entries.get(key)?.pending?.value as T | undefined;
}

export function saveStatus(key: string): SaveStatus {
  return entries.get(key)?.status ?? SAVED;
}

/** Calls `listener` when `key`'s status changes; an editor showing the key keeps its entry. */
export function subscribeSave(key: string, listener: () => void): () => void {
  const entry = entryOf(key);
  entry.listeners.add(listener);
  notifyWatchers(); // shown or hidden: the window's list of hidden failures changes
  return () => {
    entry.listeners.delete(listener);
    release(entry);
    notifyWatchers();
  };
}

export type UnsavedChange = { key: string; label: string; error: IpcError; retrying: boolean };

/** Failed saves that no open editor shows: the window lists them so they are not forgotten. */
export function hiddenFailures(): UnsavedChange[] {
  const hidden: UnsavedChange[] = [];
  for (const entry of entries.values()) {
    if (entry.status.state === 'failed' && entry.pending && entry.listeners.size === 0) {
      hidden.push({ key: entry.key, label: entry.label, error: entry.status.error, retrying: entry.status.retryAt !== null || entry.status.trying });
    }
  }
  return hidden;
}

/** Keys with a value not saved yet that start with `prefix` (drafts to show again). */
export function pendingKeys(prefix: string): string[] {
  return [...entries.values()].filter((entry) => entry.pending && entry.key.startsWith(prefix)).map((entry) => entry.key);
}

/** Calls `watcher` on any status change of any key. */
export function watchSaves(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => void watchers.delete(watcher);
}

/** Tries every failed save again now (the window's "Try again"). */
export function retryAllSaves(): void {
  for (const entry of entries.values()) if (entry.pending && entry.status.state === 'failed') void flushSave(entry.key);
}

/** Whether some change holds text that could not be saved (shown in an editor or not). */
export function hasUnsavedFailures(): boolean {
  for (const entry of entries.values()) if (entry.pending && entry.status.state === 'failed') return true;
  return false;
}
