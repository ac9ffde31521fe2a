import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../../../electron/node/ipc/handler-table';
import { SOURCE_WORKERS } from '../../../../../electron/node/query-worker/worker-entry';
import { FIXTURES } from '../../../../harness/paths';
import { makeWorkspace, value } from '../user-data-fixture';

// Issue 15: the first citation loads citation-js and parses the style's CSL and locale, seconds
// of CPU. In-process (the command line) that stalls the event loop for the whole call; in the
// citation worker (the app) main's timers keep firing. No fixed threshold: the longest pause of
// a 10 ms interval is compared with the call's own duration (all of it in-process, a small part
// of it through the worker), so a slow, loaded machine stretches both alike.

const workspace = makeWorkspace('carrel-citation-loop-');
let corpusFile: string;
beforeAll(() => {
  corpusFile = workspace.corpus('small', path.join(FIXTURES, 'corpus-small'), undefined, 'Small');
});
afterAll(() => workspace.close());

/** The first formatCitation of a fresh app, with main's longest pause between timer ticks while it runs. */
async function firstCitation(table: HandlerTable): Promise<{ callMs: number; longestPauseMs: number; ticks: number }> {
  let last = performance.now();
  let longest = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticks++;
  }, 10);
  const started = performance.now();
  try {
    value(await table.formatCitation({ documentId: 'brief', style: 'apa' }));
  } finally {
    clearInterval(timer);
  }
  const ended = performance.now();
  return { callMs: ended - started, longestPauseMs: Math.max(longest, ended - last), ticks };
}

describe('the first citation and main’s event loop', () => {
  // First in the file: in-process, citation-js is loaded once per module registry (a later call would find it parsed).
  it('in-process (the command line), the event loop stands still for the whole call', async () => {
    const { table } = workspace.services(corpusFile, path.join(workspace.dir, 'in-process', 'carrel-user.sqlite'));
    const seen = await firstCitation(table);
    console.info(`in-process: first citation ${Math.round(seen.callMs)} ms, main's longest pause ${Math.round(seen.longestPauseMs)} ms, ${seen.ticks} ticks`);
    expect(seen.ticks).toBe(0);
    expect(seen.longestPauseMs).toBeGreaterThanOrEqual(seen.callMs);
  }, 120_000);

  it('through the citation worker (the app), main’s timers go on firing while the engine starts', async () => {
    const { table } = workspace.services(corpusFile, path.join(workspace.dir, 'worker', 'carrel-user.sqlite'), { workers: SOURCE_WORKERS });
    const seen = await firstCitation(table);
    console.info(`worker: first citation ${Math.round(seen.callMs)} ms, main's longest pause ${Math.round(seen.longestPauseMs)} ms, ${seen.ticks} ticks`);
    expect(seen.ticks).toBeGreaterThan(0);
    expect(seen.longestPauseMs).toBeLessThan(seen.callMs / 4);
  }, 120_000);
});
