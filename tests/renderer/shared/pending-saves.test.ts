import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/common/result';
import {
  changeSave,
  flushSave,
  hiddenFailures,
  pendingKeys,
  pendingValue,
  registerSave,
  saveStatus,
  subscribeSave,
} from '../../../renderer/src/shared/pending-saves';

const FULL: Result<never> = { ok: false, error: { code: 'user-data-disk-full', message: 'The disk is full.', retryable: true } };
const DAMAGED: Result<never> = { ok: false, error: { code: 'user-data-damaged', message: 'The file is damaged.' } };
const OK: Result<null> = { ok: true, value: null };

/** A save function whose answers the test decides, recording every value it was asked to save. */
function fakeStore(answers: Result<unknown>[]) {
  const saved: string[] = [];
  return {
    saved,
    save: async (value: string) => {
      saved.push(value);
      return answers.shift() ?? OK;
    },
  };
}

let key = 0;
const nextKey = () => `test:${++key}`;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pending saves', () => {
  it('keeps the text after a retryable failure, retries with growing waits, and says when it finally saved', async () => {
    const k = nextKey();
    const store = fakeStore([FULL, FULL, OK]);
    const off = subscribeSave(k, () => {});
    registerSave(k, store.save, 'A note');
    changeSave(k, 'my words', 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.saved).toEqual(['my words']);
    expect(saveStatus(k)).toMatchObject({ state: 'failed', error: FULL.ok ? null : FULL.error, tries: 1 });
    expect(pendingValue(k)).toBe('my words');

    await vi.advanceTimersByTimeAsync(999);
    expect(store.saved).toHaveLength(1); // first retry after 1 s
    await vi.advanceTimersByTimeAsync(1);
    expect(store.saved).toHaveLength(2);
    expect(saveStatus(k)).toMatchObject({ state: 'failed', tries: 2 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(store.saved).toHaveLength(2); // then after 2 s
    await vi.advanceTimersByTimeAsync(1);
    expect(store.saved).toEqual(['my words', 'my words', 'my words']);
    expect(saveStatus(k)).toEqual({ state: 'saved', recovered: true });
    expect(pendingValue(k)).toBeUndefined();
    off();
  });

  it('does not retry by itself when a retry cannot help, but the next keystroke tries again with the newest text', async () => {
    const k = nextKey();
    const store = fakeStore([DAMAGED]);
    const off = subscribeSave(k, () => {});
    registerSave(k, store.save, 'A note');
    changeSave(k, 'first', 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveStatus(k)).toMatchObject({ state: 'failed', retryAt: null });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(store.saved).toEqual(['first']);
    expect(pendingValue(k)).toBe('first');

    changeSave(k, 'first, then more', 1000);
    // The failure stays in view while the earlier text is not saved.
    expect(saveStatus(k).state).toBe('failed');
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.saved).toEqual(['first', 'first, then more']);
    expect(saveStatus(k)).toEqual({ state: 'saved', recovered: true });
    off();
  });

  it('never loses text typed while a failing save was under way', async () => {
    const k = nextKey();
    let answer: (result: Result<unknown>) => void = () => {};
    const saved: string[] = [];
    const off = subscribeSave(k, () => {});
    registerSave(k, (value: string) => {
      saved.push(value);
      return new Promise((resolve) => (answer = resolve));
    }, 'A note');
    changeSave(k, 'one', 1000);
    await vi.advanceTimersByTimeAsync(1000);
    changeSave(k, 'one two', 1000);
    answer(FULL);
    await vi.advanceTimersByTimeAsync(0);
    expect(pendingValue(k)).toBe('one two');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['one', 'one two']);
    answer(OK);
    await vi.advanceTimersByTimeAsync(0);
    expect(saveStatus(k)).toEqual({ state: 'saved', recovered: true });
    off();
  });

  it('outlives its editor: keeps retrying, is listed as hidden, and gives the text back to the next editor', async () => {
    const k = nextKey();
    const store = fakeStore([FULL, FULL]);
    const off = subscribeSave(k, () => {});
    registerSave(k, store.save, 'The note on the highlight “Dabiq”');
    changeSave(k, 'unsaved words', 1000);
    off(); // the editor closes
    await flushSave(k);
    expect(hiddenFailures()).toEqual([{ key: k, label: 'The note on the highlight “Dabiq”', error: FULL.ok ? null : FULL.error, retrying: true }]);
    expect(pendingKeys('test:')).toContain(k);
    expect(pendingValue(k)).toBe('unsaved words'); // what an editor opened again shows

    const again = subscribeSave(k, () => {});
    expect(hiddenFailures().map((f) => f.key)).not.toContain(k); // shown again: not hidden
    await vi.advanceTimersByTimeAsync(1000 + 2000);
    expect(store.saved).toEqual(['unsaved words', 'unsaved words', 'unsaved words']);
    expect(saveStatus(k)).toEqual({ state: 'saved', recovered: true });
    again();
    expect(pendingKeys('test:')).not.toContain(k);
  });

  it('treats a bridge that throws as retryable', async () => {
    const k = nextKey();
    let calls = 0;
    const off = subscribeSave(k, () => {});
    registerSave(k, async () => {
      if (calls++ === 0) throw new Error('channel closed');
      return OK;
    }, 'A note');
    changeSave(k, 'text', 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(saveStatus(k)).toMatchObject({ state: 'failed', error: { code: 'bridge', retryable: true } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(saveStatus(k)).toEqual({ state: 'saved', recovered: true });
    off();
  });
});
