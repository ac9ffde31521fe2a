/**
 * `npm run bench:renderer`: in Chromium through the browser test harness (the renderer as
 * built, the query worker answering as in the app), from navigation to the first library row
 * painted, and to the first search answer shown when the query is typed as soon as the first
 * row is there; also typed → answer. On the bundled corpus and on the 126k-document GCIDE
 * library (library-corpus.ts). Options: --rounds 3 (a fresh browser and services each round;
 * medians reported). Needs `npm run build`. Figures go to bench/results/renderer-timings.json.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defineNameHelperInPages, HARNESS, type HarnessModule } from './harness-in-bench';
import { ensureLibraryCorpus } from './library-corpus';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const log = (line: string) => process.stderr.write(`${line}\n`);
const BUNDLED = path.join(__dirname, '..', 'resources', 'corpus', 'carrel.sqlite');

/**
 * In the page, before anything runs: the time (performance.now(), from navigation) of the
 * animation frame after the first real library row, and after the first search answer,
 * entered the DOM (that frame paints them); and of the first keystroke in the search field.
 */
const MARKS_SCRIPT = `(() => {
  const times = {};
  Object.defineProperty(window, '__benchTimes', { value: times });
  const waiting = new Set();
  const mark = (name) => {
    if (name in times || waiting.has(name)) return;
    waiting.add(name);
    requestAnimationFrame(() => { times[name] = performance.now(); });
  };
  new MutationObserver(() => {
    if (document.querySelector('.document-row .document-title:not(.placeholder)')) mark('firstRow');
    if (document.querySelector('[role="listbox"] [role="option"]')) mark('firstAnswer');
  }).observe(document, { subtree: true, childList: true });
  document.addEventListener('input', () => { if (!('typed' in times)) times.typed = performance.now(); }, true);
})()`;

type Times = { firstRow: number; typed: number; firstAnswer: number; loaded?: number };

async function round(harnessModule: HarnessModule, corpusFile: string, query: string): Promise<Times> {
  const harness = await harnessModule.launchHarness({ corpusFile });
  try {
    const { page } = harness;
    await page.addInitScript(MARKS_SCRIPT);
    await harnessModule.openApp(harness);
    // Polled with plain evaluations: waitForFunction's predicate goes through a string-to-code
    // sink, which the page's Trusted Types policy (rightly) refuses.
    const until = async (name: keyof Times) => {
      const deadline = Date.now() + 30_000;
      while (!(await page.evaluate(`!!window.__benchTimes && ${JSON.stringify(name)} in window.__benchTimes`))) {
        if (Date.now() > deadline) throw new Error(`No ${name} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await until('firstRow');
    await page.getByRole('combobox', { name: 'Search the corpus' }).fill(query);
    await until('firstAnswer');
    if (harness.pageErrors.length > 0) throw new Error(`Page errors: ${harness.pageErrors.join('\n')}`);
    const loaded = (await page.evaluate(`performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`)) as number;
    return { ...((await page.evaluate('window.__benchTimes')) as Times), loaded };
  } finally {
    await harness.close();
  }
}

async function main() {
  defineNameHelperInPages();
  // Loaded like a static import (CommonJS under tsx): its in-page scripts must stay free of
  // the helpers an ES-module transform adds, which do not exist in the page.
  const harnessModule = createRequire(__filename)(HARNESS) as HarnessModule;
  const corpora = [
    { name: 'bundled (5 documents)', file: BUNDLED, query: 'caliphate' },
    { name: 'GCIDE library (126k documents)', file: ensureLibraryCorpus(log), query: 'water' },
  ];
  const rounds = Number(values.rounds);
  const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
  const results = [];
  for (const corpus of corpora) {
    const times: Times[] = [];
    for (let i = 0; i < rounds; i++) {
      log(`${corpus.name}: round ${i + 1} of ${rounds} …`);
      times.push(await round(harnessModule, corpus.file, corpus.query));
    }
    results.push({
      corpus: corpus.name,
      query: corpus.query,
      // The page and its script served and run (through the harness's route(), file by file).
      navigationToDomContentLoadedMs: median(times.map((t) => t.loaded!)),
      navigationToFirstRowMs: median(times.map((t) => t.firstRow)),
      navigationToFirstAnswerMs: median(times.map((t) => t.firstAnswer)),
      typedToAnswerMs: median(times.map((t) => t.firstAnswer - t.typed)),
      rounds: times.map((t) => ({ loaded: +t.loaded!.toFixed(1), firstRow: +t.firstRow.toFixed(1), typed: +t.typed.toFixed(1), firstAnswer: +t.firstAnswer.toFixed(1) })),
    });
  }
  const figures = { date: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg().map((l) => +l.toFixed(2)), results };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'renderer-timings.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
}

void main();
