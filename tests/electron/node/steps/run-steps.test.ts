import { describe, expect, it } from 'vitest';
import { runSteps, runStepsInSlices, StepsCancelled, type Steps } from '../../../../electron/node/steps/run-steps';

function* counted(log: string[], n: number): Steps<number> {
  try {
    for (let i = 0; i < n; i++) {
      log.push(`step ${i}`);
      yield;
    }
    return n;
  } finally {
    log.push('cleanup');
  }
}

describe('runSteps', () => {
  it('runs every step and returns the result', () => {
    const log: string[] = [];
    expect(runSteps(counted(log, 3))).toBe(3);
    expect(log).toEqual(['step 0', 'step 1', 'step 2', 'cleanup']);
  });
});

describe('runStepsInSlices', () => {
  it('lets other work run between slices', async () => {
    const log: string[] = [];
    const other = new Promise<void>((resolve) => setImmediate(() => (log.push('other'), resolve())));
    const run = runStepsInSlices(counted(log, 4), { sliceMs: 0 });
    expect(log).toEqual([]); // nothing runs before the caller has its promise
    const result = await run;
    await other;
    expect(result).toBe(4);
    expect(log.indexOf('other')).toBeGreaterThanOrEqual(0);
    expect(log.indexOf('other')).toBeLessThan(log.indexOf('step 3'));
  });

  it('rests pauseMs between slices, so timers set meanwhile fire before the work ends', async () => {
    const log: string[] = [];
    setTimeout(() => log.push('timer'), 5);
    await runStepsInSlices(counted(log, 3), { sliceMs: 0, pauseMs: 20 });
    // With only a turn of the event loop between slices, three steps end long before a 5 ms timer.
    expect(log.indexOf('timer')).toBeGreaterThan(0);
    expect(log.indexOf('timer')).toBeLessThan(log.indexOf('step 2'));
  });

  it('stops at the next step once aborted and runs the clean-up', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const run = runStepsInSlices(counted(log, 1000), { sliceMs: 0, signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(StepsCancelled);
    expect(log.at(-1)).toBe('cleanup');
    expect(log.filter((l) => l.startsWith('step')).length).toBeLessThan(1000);
  });

  it('passes an error out after the clean-up', async () => {
    const log: string[] = [];
    function* failing(): Steps<void> {
      try {
        yield;
        throw new Error('disk full');
      } finally {
        log.push('cleanup');
      }
    }
    await expect(runStepsInSlices(failing(), { sliceMs: 0 })).rejects.toThrow('disk full');
    expect(log).toEqual(['cleanup']);
  });
});
