// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/common/result';
import { useAutosave, type SaveStatus } from '../../../renderer/src/shared/use-autosave';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Probe = { change: (value: string) => void; status: SaveStatus };

function mount(save: (value: string) => Promise<Result<unknown>>): { probe: Probe; root: Root } {
  const probe = {} as Probe;
  function Editor() {
    const { change, status } = useAutosave(save);
    probe.change = change;
    probe.status = status;
    return null;
  }
  const root = createRoot(document.createElement('div'));
  act(() => root.render(createElement(Editor)));
  return { probe, root };
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

  it('keeps the text after a failed save, shows the error and retries', async () => {
    const save = vi.fn<(value: string) => Promise<Result<unknown>>>().mockResolvedValueOnce({ ok: false, error: { code: 'io', message: 'disk full' } }).mockImplementation(ok);
    const { probe, root } = mount(save);
    act(() => probe.change('keep me'));
    await advance(1000);
    expect(probe.status).toEqual({ state: 'error', message: 'disk full' });
    await advance(3000);
    expect(save.mock.calls).toEqual([['keep me'], ['keep me']]);
    expect(probe.status.state).toBe('saved');
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

  it('does not retry what cannot succeed (a deleted item), and retries a few times only once the editor is gone', async () => {
    const save = vi.fn<(value: string) => Promise<Result<unknown>>>().mockResolvedValue({ ok: false, error: { code: 'not-found', message: 'This highlight was deleted.' } });
    const { probe, root } = mount(save);
    act(() => probe.change('lost cause'));
    await advance(1000);
    expect(probe.status).toEqual({ state: 'error', message: 'This highlight was deleted.' });
    await advance(10_000);
    expect(save).toHaveBeenCalledTimes(1);

    const failing = vi.fn<(value: string) => Promise<Result<unknown>>>().mockResolvedValue({ ok: false, error: { code: 'io', message: 'busy' } });
    const second = mount(failing);
    act(() => second.probe.change('x'));
    act(() => second.root.unmount());
    await advance(60_000);
    expect(failing).toHaveBeenCalledTimes(6);
    act(() => root.unmount());
  });
});
