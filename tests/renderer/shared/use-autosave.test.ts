// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/common/result';
import { pendingValue } from '../../../renderer/src/shared/pending-saves';
import { useAutosave, type SaveStatus } from '../../../renderer/src/shared/use-autosave';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Probe = { change: (value: string) => void; status: SaveStatus };

let keys = 0;

function mount(save: (value: string) => Promise<Result<unknown>>, key = `autosave-test:${++keys}`): { probe: Probe; root: Root; key: string } {
  const probe = {} as Probe;
  function Editor() {
    const { change, status } = useAutosave(key, save, 'A note');
    probe.change = change;
    probe.status = status;
    return null;
  }
  const root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Editor)));
  return { probe, root, key };
}

const ok = (): Promise<Result<unknown>> => Promise.resolve({ ok: true, value: null });

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('useAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the newest value once, about a second after the last change', async () => {
    const save = vi.fn(ok);
    const { probe, root } = mount(save);
    act(() => probe.change('a'));
    await advance(500);
    act(() => probe.change('ab'));
    await advance(900);
    expect(save).not.toHaveBeenCalled();
    expect(probe.status.state).toBe('unsaved');
    await advance(200);
    expect(save.mock.calls).toEqual([['ab']]);
    expect(probe.status.state).toBe('saved');
    act(() => root.unmount());
    expect(save).toHaveBeenCalledTimes(1); // nothing pending: unmounting saves nothing more
  });

  it('keeps the text after a failed save, shows the error and retries when a retry may work', async () => {
    const full = { code: 'user-data-disk-full', message: 'The disk is full.', retryable: true as const };
    const save = vi.fn<(value: string) => Promise<Result<unknown>>>().mockResolvedValueOnce({ ok: false, error: full }).mockImplementation(ok);
    const { probe, root } = mount(save);
    act(() => probe.change('keep me'));
    await advance(1000);
    expect(probe.status).toMatchObject({ state: 'failed', error: full, tries: 1 });
    await advance(1000);
    expect(save.mock.calls).toEqual([['keep me'], ['keep me']]);
    expect(probe.status).toEqual({ state: 'saved', recovered: true });
    act(() => root.unmount());
  });

  it('saves pending text at once when the page is hidden or closed, and when the editor goes away', async () => {
    const save = vi.fn(ok);
    const { probe, root } = mount(save);
    act(() => probe.change('before close'));
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
      await Promise.resolve();
    });
    await advance(0);
    expect(save.mock.calls).toEqual([['before close']]);
    act(() => probe.change('last words'));
    act(() => root.unmount());
    await advance(0);
    expect(save.mock.calls).toEqual([['before close'], ['last words']]);
  });

  it('does not retry by itself what a retry cannot fix (a deleted item), and keeps the text', async () => {
    const deleted = { code: 'not-found', message: 'This highlight was deleted.' };
    const save = vi.fn<(value: string) => Promise<Result<unknown>>>().mockResolvedValue({ ok: false, error: deleted });
    const { probe, root, key } = mount(save);
    act(() => probe.change('lost cause'));
    await advance(1000);
    expect(probe.status).toEqual({ state: 'failed', error: deleted, tries: 1, retryAt: null, trying: false });
    await advance(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(pendingValue(key)).toBe('lost cause');
    act(() => root.unmount());
  });

  it('goes on retrying once the editor is gone, and an editor on the same note gets the text back', async () => {
    let busy = true;
    const failing = vi.fn<(value: string) => Promise<Result<unknown>>>(async () =>
      busy ? { ok: false, error: { code: 'user-data-in-use', message: 'In use.', retryable: true } } : { ok: true, value: null },
    );
    const first = mount(failing);
    act(() => first.probe.change('x'));
    act(() => first.root.unmount());
    await advance(60_000);
    expect(failing.mock.calls.length).toBeGreaterThan(6); // 1, 2, 4, 8, 15, 30 s…: it never gives up
    expect(pendingValue(first.key)).toBe('x');
    const again = mount(failing, first.key);
    expect(again.probe.status.state).toBe('failed');
    busy = false;
    await advance(30_000);
    expect(again.probe.status).toEqual({ state: 'saved', recovered: true });
    expect(pendingValue(first.key)).toBeUndefined();
    act(() => again.root.unmount());
  });
});
