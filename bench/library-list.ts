/**
 * `npm run bench:library`: the library list at ~126k documents (every GCIDE entry, see
 * library-corpus.ts). Figures: the cost of sending every DocumentMeta (listDocuments) against
 * one page of lean rows (listLibraryPage), time until the first rows are drawn in Chromium,
 * End-key time to the last row, and frame times (requestAnimationFrame deltas) while
 * scrolling the virtual list. Needs the renderer built (`npm run build`). Results go to
 * bench/results/library-list.json. Targets live here, never in timed unit tests.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createHandlerTable } from '../electron/node/ipc/handler-table';
import { createServices } from '../electron/node/services/create-services';
import { defineNameHelperInPages, HARNESS, type HarnessModule } from './harness-in-bench';
import { ensureLibraryCorpus } from './library-corpus';

const log = (line: string) => process.stderr.write(`${line}\n`);
const round = (n: number, digits = 1) => +n.toFixed(digits);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function measureIpc(corpusFile: string) {
  const services = createServices({ corpusFile });
  const table = createHandlerTable(services);
  try {
    const full = { callMs: [] as number[], stringifyMs: [] as number[], parseMs: [] as number[], cloneMs: [] as number[], bytes: 0, rows: 0 };
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const result = await table.listDocuments(undefined);
      const t1 = performance.now();
      const json = JSON.stringify(result);
      const t2 = performance.now();
      JSON.parse(json);
      const t3 = performance.now();
      structuredClone(result); // what Electron's IPC does with a result
      const t4 = performance.now();
      full.callMs.push(t1 - t0);
      full.stringifyMs.push(t2 - t1);
      full.parseMs.push(t3 - t2);
      full.cloneMs.push(t4 - t3);
      full.bytes = Buffer.byteLength(json);
      full.rows = result.ok ? result.value.length : 0;
    }
    const total = services.getCorpusInfo(undefined).documentCount;
    const page = { callMs: [] as number[], bytes: 0 };
    for (let i = 0; i < 200; i++) {
      const offset = Math.floor((i / 200) * total);
      const t0 = performance.now();
      const result = await table.listLibraryPage({ offset, limit: 200 });
      page.callMs.push(performance.now() - t0);
      page.bytes = Math.max(page.bytes, Buffer.byteLength(JSON.stringify(result)));
    }
    return {
      documents: total,
      listDocuments: {
        rows: full.rows,
        jsonMB: round(full.bytes / 1024 / 1024),
        callMsMedian: round(median(full.callMs)),
        stringifyMsMedian: round(median(full.stringifyMs)),
        parseMsMedian: round(median(full.parseMs)),
        structuredCloneMsMedian: round(median(full.cloneMs)),
      },
      listLibraryPage200: { jsonKB: round(page.bytes / 1024), callMsMedian: round(median(page.callMs), 2), callMsP95: round(quantile(page.callMs, 0.95), 2) },
    };
  } finally {
    services.close();
  }
}

/** Runs in the page: scrolls by `step` px a frame for `frames` frames and reports rAF deltas and blank rows. */
const SCROLL_SCRIPT = `async ({ frames, step }) => {
  window.scrollTo(0, 0);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const deltas = [];
  let placeholderFrames = 0;
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    window.scrollBy(0, step);
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    deltas.push(now - last);
    last = now;
    const middle = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
    if (middle && middle.closest('[aria-busy="true"]')) placeholderFrames++;
  }
  return { deltas, placeholderFrames, rowsInDom: document.querySelectorAll('.document-row').length, scrollY: window.scrollY };
}`;

async function measureBrowser(corpusFile: string) {
  defineNameHelperInPages();
  // Loaded like a static import (CommonJS under tsx): its in-page scripts must stay free of
  // the helpers an ES-module transform adds, which do not exist in the page.
  const { launchHarness, openApp } = createRequire(__filename)(HARNESS) as HarnessModule;
  const harness = await launchHarness({ corpusFile });
  try {
    const { page } = harness;
    const t0 = performance.now();
    await openApp(harness);
    await page.locator('.document-row .document-title:not(.placeholder)').first().waitFor();
    const firstRowsMs = performance.now() - t0;
    const count = await page.locator('.library .count').textContent();

    const t1 = performance.now();
    await page.keyboard.press('End');
    // A string: bench/ is compiled without the DOM library.
    await page.waitForFunction(`(() => {
      const row = document.activeElement?.closest('li');
      return row && row.getAttribute('aria-posinset') === row.getAttribute('aria-setsize') && !row.querySelector('.placeholder');
    })()`);
    const endKeyMs = performance.now() - t1;
    await page.keyboard.press('Home');

    const scenarios: Record<string, unknown> = {};
    for (const [name, args] of [
      ['wheel 120px/frame × 600', { frames: 600, step: 120 }],
      ['fling 2,000px/frame × 300', { frames: 300, step: 2000 }],
      ['drag 40,000px/frame × 200', { frames: 200, step: 40_000 }],
    ] as const) {
      const run = (await page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify(args)})`)) as {
        deltas: number[];
        placeholderFrames: number;
        rowsInDom: number;
        scrollY: number;
      };
      const deltas = run.deltas.slice(1);
      scenarios[name] = {
        frameMsP50: round(quantile(deltas, 0.5)),
        frameMsP95: round(quantile(deltas, 0.95)),
        frameMsMax: round(Math.max(...deltas)),
        framesOver20ms: deltas.filter((d) => d > 20).length,
        framesWithPlaceholderInMiddle: run.placeholderFrames,
        rowsInDom: run.rowsInDom,
        rowsScrolled: Math.round((args.frames * args.step) / 92),
      };
    }
    fs.mkdirSync(path.join(__dirname, '..', 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(__dirname, '..', 'test-results', 'bench-library.png') });
    if (harness.pageErrors.length > 0) throw new Error(`Page errors: ${harness.pageErrors.join('\n')}`);
    return { countShown: count, firstRowsMs: round(firstRowsMs), endKeyMs: round(endKeyMs), scroll: scenarios };
  } finally {
    await harness.close();
  }
}

async function main() {
  const corpusFile = ensureLibraryCorpus(log);
  log(`Measuring IPC on ${path.basename(corpusFile)} …`);
  const ipc = await measureIpc(corpusFile);
  log('Measuring the list in Chromium …');
  const browser = await measureBrowser(corpusFile);
  const figures = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg().map((l) => round(l, 2)), ...ipc, chromium: browser };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'library-list.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
}

void main();
