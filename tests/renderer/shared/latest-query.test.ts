import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SUPERSEDED } from '../../../electron/common/ipc/superseded';
import { fail, ok, type Result } from '../../../electron/common/result';
import { createLatestQuery, type QueryState } from '../../../renderer/src/shared/latest-query';

/** A run() whose answers the test releases by hand, in any order. */
function controlledRun() {
  const calls: { query: string; answer: (result: Result<string>) => void }[] = [];
  const run = vi.fn(
    (query: string) =>
      new Promise<Result<string>>((resolve) => {
        calls.push({ query, answer: resolve });
      }),
  );
  return { run, calls };
}

describe('createLatestQuery', () => {
  let states: QueryState<string>[];
  const last = () => states.at(-1)!;

  beforeEach(() => {
    vi.useFakeTimers();
    states = [];
  });
  afterEach(() => vi.useRealTimers());

  it('waits for the debounce and asks once for the last of several quick keystrokes', async () => {
    const { run, calls } = controlledRun();
    const q = createLatestQuery({ delayMs: 120, run, onChange: (s) => states.push(s) });
    q.schedule('c');
    await vi.advanceTimersByTimeAsync(50);
    q.schedule('ca');
    await vi.advanceTimersByTimeAsync(50);
    q.schedule('cal');
    expect(run).not.toHaveBeenCalled();
    expect(last().pending).toBe(true);
    await vi.advanceTimersByTimeAsync(119);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('cal');
    calls[0]!.answer(ok('answer to cal'));
    await vi.runAllTimersAsync();
    expect(last()).toEqual({ query: 'cal', outcome: { status: 'ready', value: 'answer to cal' }, pending: false });
  });

  it('drops an answer to a query that a newer one superseded while it was running', async () => {
    const { run, calls } = controlledRun();
    const q = createLatestQuery({ delayMs: 10, run, onChange: (s) => states.push(s) });
    q.schedule('old');
    await vi.advanceTimersByTimeAsync(10);
    q.schedule('new');
    await vi.advanceTimersByTimeAsync(10);
    expect(calls.map((c) => c.query)).toEqual(['old', 'new']);
    calls[1]!.answer(ok('new answer'));
    await vi.runAllTimersAsync();
    calls[0]!.answer(ok('old answer')); // arrives late
    await vi.runAllTimersAsync();
    expect(states.some((s) => s.outcome.status === 'ready' && s.outcome.value === 'old answer')).toBe(false);
    expect(last()).toEqual({ query: 'new', outcome: { status: 'ready', value: 'new answer' }, pending: false });
  });

  it('never shows the "superseded" answer main gives an older query', async () => {
    const { run, calls } = controlledRun();
    const q = createLatestQuery({ delayMs: 10, run, onChange: (s) => states.push(s) });
    q.schedule('one');
    await vi.advanceTimersByTimeAsync(10);
    calls[0]!.answer(ok('first'));
    await vi.runAllTimersAsync();
    q.schedule('two');
    await vi.advanceTimersByTimeAsync(10);
    calls[1]!.answer(fail(SUPERSEDED, 'A newer query took the place of this one.'));
    await vi.runAllTimersAsync();
    expect(states.some((s) => s.outcome.status === 'error')).toBe(false);
    expect(last()).toEqual({ query: 'one', outcome: { status: 'ready', value: 'first' }, pending: true });
  });

  it('keeps showing the previous answer while a newer query is pending', async () => {
    const { run, calls } = controlledRun();
    const q = createLatestQuery({ delayMs: 10, run, onChange: (s) => states.push(s) });
    q.schedule('one');
    await vi.advanceTimersByTimeAsync(10);
    calls[0]!.answer(ok('first'));
    await vi.runAllTimersAsync();
    q.schedule('two');
    expect(last()).toEqual({ query: 'one', outcome: { status: 'ready', value: 'first' }, pending: true });
  });

  it('settles a blank query to idle at once, without asking, and cancels what was waiting', async () => {
    const { run, calls } = controlledRun();
    const q = createLatestQuery({ delayMs: 10, run, onChange: (s) => states.push(s) });
    q.schedule('word');
    await vi.advanceTimersByTimeAsync(10);
    q.schedule('   ');
    expect(last()).toEqual({ query: '', outcome: { status: 'idle' }, pending: false });
    calls[0]!.answer(ok('too late'));
    await vi.runAllTimersAsync();
    expect(last().outcome).toEqual({ status: 'idle' });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('passes a failure through as an error outcome, and a thrown or rejected call too', async () => {
    const answers: (() => Promise<Result<string>>)[] = [
      () => Promise.resolve(fail('query-syntax', 'Type a word after "title:".')),
      () => Promise.reject(new Error('bridge gone')),
      () => {
        throw new Error('no bridge');
      },
    ];
    let n = 0;
    const q = createLatestQuery<string>({ delayMs: 5, run: () => answers[n++]!(), onChange: (s) => states.push(s) });
    q.schedule('title:');
    await vi.runAllTimersAsync();
    expect(last().outcome).toEqual({ status: 'error', error: { code: 'query-syntax', message: 'Type a word after "title:".' } });
    q.schedule('x');
    await vi.runAllTimersAsync();
    expect(last().outcome).toEqual({ status: 'error', error: { code: 'bridge', message: 'bridge gone' } });
    q.schedule('y');
    await vi.runAllTimersAsync();
    expect(last().outcome).toEqual({ status: 'error', error: { code: 'bridge', message: 'no bridge' } });
  });

  it('with leading: asks at once for a query typed into an idle box, then debounces the keystrokes that follow', async () => {
    const { run, calls } = controlledRun();
    const q = createLatestQuery({ delayMs: 120, leading: true, run, onChange: (s) => states.push(s) });
    q.schedule('w');
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenLastCalledWith('w');
    await vi.advanceTimersByTimeAsync(50);
    q.schedule('wa');
    await vi.advanceTimersByTimeAsync(50);
    q.schedule('wat');
    await vi.advanceTimersByTimeAsync(119);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    expect(run).toHaveBeenLastCalledWith('wat');
    // The answer to the first keystroke comes late: the newer query's answer is the one shown.
    calls[1]!.answer(ok('answer to wat'));
    calls[0]!.answer(ok('answer to w'));
    await vi.advanceTimersByTimeAsync(0);
    expect(states.some((s) => s.outcome.status === 'ready' && s.outcome.value === 'answer to w')).toBe(false);
    expect(last()).toEqual({ query: 'wat', outcome: { status: 'ready', value: 'answer to wat' }, pending: false });
    // Idle again for the delay: the next change is asked for at once.
    await vi.advanceTimersByTimeAsync(120);
    q.schedule('water');
    expect(run).toHaveBeenCalledTimes(3);
    expect(run).toHaveBeenLastCalledWith('water');
  });

  it('with leading: a box cleared is idle again, and the next query is asked for at once', async () => {
    const { run } = controlledRun();
    const q = createLatestQuery({ delayMs: 120, leading: true, run, onChange: (s) => states.push(s) });
    q.schedule('a');
    q.schedule('');
    q.schedule('b');
    expect(run.mock.calls.map(([query]) => query)).toEqual(['a', 'b']);
  });

  it('flush() asks at once for the query waiting for its debounce, and only once', async () => {
    const { run } = controlledRun();
    const q = createLatestQuery({ delayMs: 120, run, onChange: (s) => states.push(s) });
    q.schedule('cal');
    await vi.advanceTimersByTimeAsync(30);
    q.flush();
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenLastCalledWith('cal');
    await vi.runAllTimersAsync();
    expect(run).toHaveBeenCalledTimes(1);
    // Nothing waiting: nothing to ask for.
    q.flush();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('reports nothing after dispose', async () => {
    const { run, calls } = controlledRun();
    const q = createLatestQuery({ delayMs: 10, run, onChange: (s) => states.push(s) });
    q.schedule('a');
    await vi.advanceTimersByTimeAsync(10);
    q.schedule('b');
    q.dispose();
    await vi.runAllTimersAsync();
    calls[0]!.answer(ok('a'));
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(1);
    expect(states.every((s) => s.outcome.status === 'idle')).toBe(true);
  });
});
