/**
 * `npm run bench:renderer`: in Chromium through the browser test harness (the renderer as
 * built, the query worker answering as in the app), from navigation to the first library row
 * painted, and to the first search answer shown when the query is typed as soon as the first
 * row is there; also typed → answer. On the bundled corpus and on the 126k-document GCIDE
 * library (library-corpus.ts). Also, per round, how long the harness took to answer the first
 * call of each method (the first listLibraryPage, getCorpusInfo, search …).
 * Options: --rounds 3 (a fresh browser, services and notes database each round; medians
 * reported); --before <dir> (repeatable): a checkout of the code to compare with (built there
 * with `npm run build`, its node_modules linked; its own renderer and services), measured in
 * alternate rounds in this same run, and the ratios of the first to this one printed. Needs `npm run build`. Figures go to
 * bench/results/renderer-timings.json.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defineNameHelperInPages, type HarnessModule } from './harness-in-bench';
import { ensureLibraryCorpus } from './library-corpus';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, before: { type: 'string', multiple: true } } });
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

type Call = { method: string; atMs: number; tookMs: number };
type Times = { firstRow: number; typed: number; firstAnswer: number; loaded?: number; firstCallMs?: Record<string, number>; calls?: Call[] };

async function round(harnessModule: HarnessModule, corpusFile: string, query: string): Promise<Times> {
  // How long the first call of each method took to answer (through the worker or on main's thread).
  const firstCallMs: Record<string, number> = {};
  const calls: (Call & { epochMs: number })[] = [];
  const onCall = (method: string, startMs: number, durationMs: number) => {
    if (!(method in firstCallMs)) firstCallMs[method] = +durationMs.toFixed(1);
    calls.push({ method, atMs: 0, tookMs: +durationMs.toFixed(1), epochMs: performance.timeOrigin + startMs });
  };
  const harness = await harnessModule.launchHarness({ corpusFile }, { onCall });
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
    // Each call's arrival on the page's clock (both clocks count from their time origin, in epoch ms).
    const pageOrigin = (await page.evaluate('performance.timeOrigin')) as number;
    const timeline = calls.map(({ epochMs, ...call }) => ({ ...call, atMs: +(epochMs - pageOrigin).toFixed(1) }));
    return { ...((await page.evaluate('window.__benchTimes')) as Times), loaded, firstCallMs, calls: timeline };
  } finally {
    await harness.close();
  }
}

const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);

function summarise(times: Times[]) {
  const methods = [...new Set(times.flatMap((t) => Object.keys(t.firstCallMs ?? {})))].sort();
  return {
    // The page and its script served and run (through the harness's route(), file by file).
    navigationToDomContentLoadedMs: median(times.map((t) => t.loaded!)),
    navigationToFirstRowMs: median(times.map((t) => t.firstRow)),
    navigationToFirstAnswerMs: median(times.map((t) => t.firstAnswer)),
    typedToAnswerMs: median(times.map((t) => t.firstAnswer - t.typed)),
    firstCallMs: Object.fromEntries(methods.map((m) => [m, median(times.map((t) => t.firstCallMs?.[m] ?? NaN).filter((x) => !Number.isNaN(x)))])),
    rounds: times.map((t) => ({ loaded: +t.loaded!.toFixed(1), firstRow: +t.firstRow.toFixed(1), typed: +t.typed.toFixed(1), firstAnswer: +t.firstAnswer.toFixed(1), firstCallMs: t.firstCallMs, calls: t.calls })),
  };
}

async function main() {
  defineNameHelperInPages();
  const checkouts = [...(values.before ?? []).map((dir) => ({ name: path.basename(path.resolve(dir)), root: path.resolve(dir) })), { name: 'this checkout', root: path.resolve(__dirname, '..') }];
  // Loaded like a static import (CommonJS under tsx): its in-page scripts must stay free of
  // the helpers an ES-module transform adds, which do not exist in the page.
  const modules = checkouts.map((c) => createRequire(__filename)(path.join(c.root, 'tests', 'harness', 'renderer-harness.ts')) as HarnessModule);
  const corpora = [
    { name: 'bundled (5 documents)', file: BUNDLED, query: 'caliphate' },
    { name: 'GCIDE library (126k documents)', file: ensureLibraryCorpus(log), query: 'water' },
  ];
  const rounds = Number(values.rounds);
  const results = [];
  const loadavg: number[] = [];
  for (const corpus of corpora) {
    const times = checkouts.map(() => [] as Times[]);
    for (let i = 0; i < rounds; i++) {
      // Alternately, so that both checkouts meet the same load.
      for (const [k, checkout] of checkouts.entries()) {
        log(`${corpus.name}, ${checkout.name}: round ${i + 1} of ${rounds} (load ${os.loadavg()[0]!.toFixed(1)}) …`);
        loadavg.push(os.loadavg()[0]!);
        const t = await round(modules[k]!, corpus.file, corpus.query);
        log(`  loaded ${t.loaded!.toFixed(0)} ms, first row ${t.firstRow.toFixed(0)} ms, first answer ${t.firstAnswer.toFixed(0)} ms; calls ${t.calls!.map((c) => `${c.method}@${c.atMs.toFixed(0)}+${c.tookMs.toFixed(0)}`).join(' ')}`);
        times[k]!.push(t);
      }
    }
    const summary = checkouts.map((c, k) => ({ checkout: c.name, root: c.root, ...summarise(times[k]!) }));
    // The first checkout's medians over this one's.
    const ratios =
      summary.length >= 2
        ? Object.fromEntries((['navigationToFirstRowMs', 'navigationToFirstAnswerMs', 'typedToAnswerMs'] as const).map((key) => [key, +(summary[0]![key] / summary.at(-1)![key]).toFixed(2)]))
        : undefined;
    results.push({ corpus: corpus.name, query: corpus.query, summary, firstOverThis: ratios });
  }
  const figures = {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    loadavg: os.loadavg().map((l) => +l.toFixed(2)),
    loadavgDuringRounds: { min: +Math.min(...loadavg).toFixed(2), max: +Math.max(...loadavg).toFixed(2) },
    results,
  };
  fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'results', 'renderer-timings.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify({ ...figures, results: results.map((r) => ({ ...r, summary: r.summary.map(({ rounds: _, ...s }) => s) })) }, null, 2));
}

void main();
