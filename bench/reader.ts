/**
 * `npm run bench:reader` (issue 15): the reader on a whole book, in Chromium through the browser
 * test harness (the renderer as built, the query worker answering as in the app). The book is
 * one ~5 MB document: the KJV (fetched with the other Debian texts, see debian-texts.ts), a
 * paragraph per verse and a heading per chapter, then the WEB's first books up to 5 MB; without
 * the packages, generated text of the same shape. Figures per round: time from the click on the
 * document to its first text painted, the longest task while it opens, frames a second during a
 * scripted scroll, time to show the hits of a find with ~30,000 of them and the longest task
 * meanwhile, and the time from "Previous hit" on hit 1 (the last hit, at the far end) to that
 * hit painted in view.
 *
 * Options: --rounds 3; --before <dir>: a checkout of the code to compare with (built there with
 * `npm run build`, its node_modules linked), measured in alternate rounds in this same run, and
 * the ratios printed. Needs `npm run build` here. Figures go to bench/results/reader.json.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { ensurePackages, readBible } from './debian-texts';
import { defineNameHelperInPages, type HarnessModule } from './harness-in-bench';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, before: { type: 'string' } } });
const log = (line: string) => process.stderr.write(`${line}\n`);
const TARGET_BYTES = 5_000_000;
const QUERY = 'of';

/** "Gen.1" → "Gen 1": the chapter headings of the book. */
const chapterOf = (ref: string) => ref.slice(0, ref.lastIndexOf('.')).replace('.', ' ');

/** Markdown of the book: a heading per chapter, a paragraph per verse ("1:1 In the beginning …"). */
function bookFromBibles(): { markdown: string; origin: string } {
  const root = ensurePackages(log);
  const parts: string[] = [];
  let bytes = 0;
  for (const which of ['kjv', 'web'] as const) {
    let chapter = '';
    for (const [ref, text] of readBible(root, which)) {
      if (bytes >= TARGET_BYTES) break;
      const heading = chapterOf(ref);
      const lines = heading === chapter ? [] : [`## ${heading}${which === 'web' ? ' (WEB)' : ''}`];
      chapter = heading;
      const [, c, v] = ref.split('.');
      lines.push(`${c}:${v} ${text.replace(/^¶\s*/, '')}`);
      for (const line of lines) {
        parts.push(line);
        bytes += Buffer.byteLength(line) + 2;
      }
    }
  }
  return { markdown: parts.join('\n\n'), origin: 'KJV, then the WEB to 5 MB' };
}

/** The same shape without the Debian packages: numbered paragraphs of plain words, a heading every 25. */
function generatedBook(): { markdown: string; origin: string } {
  const words = ['the', 'archive', 'of', 'letters', 'and', 'pamphlets', 'held', 'over', 'three', 'decades', 'in', 'a', 'reading', 'room'];
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const line = i % 25 === 0 ? `## Section ${i / 25 + 1}` : `${i} ${Array.from({ length: 22 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ')}.`;
    parts.push(line);
    bytes += line.length + 2;
  }
  return { markdown: parts.join('\n\n'), origin: 'generated (the Debian packages were not available)' };
}

function buildBook(dir: string): { file: string; origin: string; bytes: number } {
  let book: { markdown: string; origin: string };
  try {
    book = bookFromBibles();
  } catch (error) {
    log(`No KJV (${(error as Error).message.split('\n')[0]}): generated text instead.`);
    book = generatedBook();
  }
  const sources = path.join(dir, 'sources');
  fs.mkdirSync(sources, { recursive: true });
  fs.writeFileSync(path.join(sources, 'carrel-corpus.json'), JSON.stringify({ id: 'bench-book', title: 'A whole book' }));
  fs.writeFileSync(path.join(sources, 'book.md'), `---\ntitle: "The whole book"\nsource: "Bench"\nlanguage: "en"\n---\n${book.markdown}\n`);
  const file = path.join(dir, 'book.sqlite');
  log(`Building the corpus (${(book.markdown.length / 1e6).toFixed(2)} MB, ${book.origin}) …`);
  buildCorpus({ sourcesDir: sources, outFile: file, title: 'A whole book' });
  return { file, origin: book.origin, bytes: Buffer.byteLength(book.markdown) };
}

/**
 * In the page, before anything runs: long tasks as they happen, and the time of the frame after
 * the first paragraph of the reader entered the DOM (that frame paints it).
 */
const MARKS_SCRIPT = `(() => {
  const times = {};
  const tasks = [];
  Object.defineProperty(window, '__benchTimes', { value: times });
  Object.defineProperty(window, '__benchTasks', { value: tasks });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  const mark = (name) => {
    if (name in times) return;
    times[name] = -1;
    requestAnimationFrame(() => { times[name] = performance.now(); });
  };
  new MutationObserver(() => {
    if (document.querySelector('.document-row .document-title:not(.placeholder)')) mark('firstRow');
    if (document.querySelector('.document-body p[data-start] span[data-offset]')) mark('firstText');
    if (document.querySelector('.reading-progress')) mark('loaded');
  }).observe(document, { subtree: true, childList: true });
})()`;

type Round = {
  firstTextMs: number;
  openLongestTaskMs: number;
  loadedMs: number;
  scrollFps: number;
  scrollLongestTaskMs: number;
  hits: number;
  hitsShownMs: number;
  hitsLongestTaskMs: number;
  farHitMs: number;
  farHitLongestTaskMs: number;
};

async function round(harnessModule: HarnessModule, corpusFile: string): Promise<Round> {
  const harness = await harnessModule.launchHarness({ corpusFile });
  try {
    const { page } = harness;
    await page.addInitScript(MARKS_SCRIPT);
    await harnessModule.openApp(harness);
    // Polled with plain evaluations: waitForFunction's predicate goes through a string-to-code
    // sink, which the page's Trusted Types policy (rightly) refuses.
    const until = async (condition: string, what: string, ms = 120_000) => {
      const deadline = Date.now() + ms;
      while (!(await page.evaluate(condition))) {
        if (Date.now() > deadline) throw new Error(`No ${what} within ${ms / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const mark = (name: string) => `(window.__benchTimes[${JSON.stringify(name)}] ?? -1) > 0`;
    const time = async (name: string) => (await page.evaluate(`window.__benchTimes[${JSON.stringify(name)}]`)) as number;
    const now = async () => (await page.evaluate('performance.now()')) as number;
    const longest = async (from: number, to: number) =>
      (await page.evaluate(`Math.max(0, ...window.__benchTasks.filter(([s, d]) => s + d > ${from} && s < ${to}).map(([, d]) => d))`)) as number;
    const idle = () => new Promise((resolve) => setTimeout(resolve, 500));

    await until(mark('firstRow'), 'library row');
    const clicked = (await page.evaluate(`(() => { const t = performance.now(); document.querySelector('.document-row button.document-open, .document-row button').click(); return t; })()`)) as number;
    await until(mark('firstText'), 'first text');
    await until(mark('loaded'), 'document loaded');
    await idle();
    const firstTextMs = (await time('firstText')) - clicked;
    const loadedMs = (await time('loaded')) - clicked;
    const openLongestTaskMs = await longest(clicked, await now());

    // Scroll: 120 px each frame for 3 s, frames counted.
    const scroll = (await page.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      let frames = 0;
      const step = () => {
        frames++;
        window.scrollBy(0, 120);
        if (performance.now() - start < 3000) requestAnimationFrame(step);
        else resolve({ start, end: performance.now(), frames });
      };
      requestAnimationFrame(step);
    })`)) as { start: number; end: number; frames: number };
    const scrollFps = (scroll.frames * 1000) / (scroll.end - scroll.start);
    const scrollLongestTaskMs = await longest(scroll.start, scroll.end);
    await page.evaluate('window.scrollTo(0, 0)');
    await idle();

    // Find: the query typed at once; shown when the bar counts the hits and a hit is drawn.
    await page.locator('.reader-title').focus();
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in this document' }).or(page.getByRole('textbox', { name: 'Find in this document' }));
    await input.waitFor();
    const typed = await now();
    await input.fill(QUERY);
    await until(`/hit 1 of/.test(document.querySelector('.find-bar')?.textContent ?? '') && !!document.querySelector('mark.hit')`, 'hits');
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const shown = await now();
    await idle();
    const label = (await page.locator('.find-bar').textContent()) ?? '';
    const hits = Number(/of ([\d,]+)/.exec(label)?.[1]?.replace(/,/g, '') ?? 0);
    const hitsLongestTaskMs = await longest(typed, await now());

    // "Previous hit" from hit 1: the last hit, at the end of the book; done when painted in view.
    const far = (await page.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      document.querySelector('button[aria-label="Previous hit"]').click();
      const check = () => {
        const hit = document.querySelector('mark.hit.current');
        const box = hit?.getBoundingClientRect();
        const label = document.querySelector('.find-bar')?.textContent ?? '';
        if (box && box.top >= 0 && box.bottom <= window.innerHeight && !/hit 1 of/.test(label)) requestAnimationFrame(() => resolve({ start, end: performance.now() }));
        else if (performance.now() - start > 60000) resolve({ start, end: NaN });
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })`)) as { start: number; end: number };
    await idle();
    const farHitMs = far.end - far.start;
    const farHitLongestTaskMs = await longest(far.start, await now());
    if (harness.pageErrors.length > 0) throw new Error(`Page errors: ${harness.pageErrors.join('\n')}`);
    return {
      firstTextMs,
      openLongestTaskMs,
      loadedMs,
      scrollFps,
      scrollLongestTaskMs,
      hits,
      hitsShownMs: shown - typed,
      hitsLongestTaskMs,
      farHitMs,
      farHitLongestTaskMs,
    };
  } finally {
    await harness.close();
  }
}

const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);

async function main() {
  defineNameHelperInPages();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-bench-reader-'));
  try {
    const book = buildBook(dir);
    const checkouts = [...(values.before ? [{ name: 'before', root: path.resolve(values.before) }] : []), { name: 'after', root: path.resolve(__dirname, '..') }];
    // Loaded like a static import (CommonJS under tsx): its in-page scripts must stay free of
    // the helpers an ES-module transform adds, which do not exist in the page.
    const modules = checkouts.map((c) => createRequire(__filename)(path.join(c.root, 'tests', 'harness', 'renderer-harness.ts')) as HarnessModule);
    const rounds = Number(values.rounds);
    const results = checkouts.map(() => [] as Round[]);
    for (let i = 0; i < rounds; i++) {
      for (const [k, checkout] of checkouts.entries()) {
        log(`${checkout.name}: round ${i + 1} of ${rounds} …`);
        const r = await round(modules[k]!, book.file);
        log(`  ${JSON.stringify(r)}`);
        results[k]!.push(r);
      }
    }
    const summary = checkouts.map((c, k) => {
      const rs = results[k]!;
      const keys = Object.keys(rs[0]!) as (keyof Round)[];
      return { checkout: c.name, root: c.root, medians: Object.fromEntries(keys.map((key) => [key, median(rs.map((r) => r[key]))])), rounds: rs };
    });
    const ratios =
      summary.length === 2
        ? Object.fromEntries(Object.keys(summary[1]!.medians).map((key) => [key, +(summary[0]!.medians[key]! / summary[1]!.medians[key]!).toFixed(2)]))
        : undefined;
    const figures = { date: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg().map((l) => +l.toFixed(2)), book: { origin: book.origin, bytes: book.bytes }, query: QUERY, summary, beforeOverAfter: ratios };
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', 'reader.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(JSON.stringify({ ...figures, summary: summary.map(({ rounds: _, ...s }) => s) }, null, 2));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
