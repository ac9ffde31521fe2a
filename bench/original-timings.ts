/**
 * `npm run bench:original`: the reader's "Show original" (issue 11's target: a page drawn in under
 * 300 ms), in Chromium through the browser test harness (the renderer as built, pdf.js's worker
 * served by the harness as the app's protocol serves it). A corpus is built from a generated
 * report (--pages, default 200, two columns under a running header: tests/harness/pdf-writer.ts)
 * and, unless --no-debian, one real PDF, LaTeX's `source2e.pdf` from Debian's
 * texlive-latex-base-doc (fetched at bench time with apt-get download into a temporary folder,
 * removed after: bench/debian-pdfs.ts; skipped and said when it cannot be fetched).
 *
 * For each document, in a fresh browser: open it, go to a page (Go to page), press Show original,
 * wait for the page drawn, close; again on --opens pages spread over the document (the first open
 * starts pdf.js and its worker and loads the document; the later ones are timed apart), and turn
 * --turns pages inside the dialog. Reported: the component's own draw time (`data-draw-ms`: page
 * fetched from pdf.js, rendered, passage marked), the time from the click to the frame after the
 * canvas was drawn, and where the first open's time went (bytes over getOriginal, pdf.js's
 * module, worker start and document load). Needs `npm run build`. Figures go to
 * bench/results/original-timings.json.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { fetchPackages } from './debian-pdfs';
import { defineNameHelperInPages, HARNESS, type HarnessModule } from './harness-in-bench';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { openCorpus } from '../electron/node/corpus/corpus-store';
import { columnLines, writePdf, type PdfLine } from '../tests/harness/pdf-writer';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '200' },
    opens: { type: 'string', default: '6' },
    turns: { type: 'string', default: '6' },
    'no-debian': { type: 'boolean', default: false },
    /** A folder for a screenshot of each first open (to look at the drawing). */
    shots: { type: 'string' },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const MB = 1024 * 1024;
const REAL_PACKAGE = 'texlive-latex-base-doc';
const REAL_FILE = 'usr/share/doc/texlive-doc/latex/base/source2e.pdf';
const GENERATED_TITLE = 'Bench report for Show original';

/**
 * In the page: the time of the click on Show original, and of the animation frame after the
 * canvas was marked drawn (that frame shows it). A string: see bench/renderer-timings.ts.
 */
const TIMES_SCRIPT = `(() => {
  const times = {};
  Object.defineProperty(window, '__originalTimes', { value: times });
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('.show-original')) {
      for (const k of Object.keys(times)) delete times[k];
      performance.clearMarks();
      times.click = performance.now();
    }
  }, true);
  let waiting = false;
  new MutationObserver(() => {
    if (!('click' in times) || 'drawn' in times || waiting) return;
    if (!document.querySelector('canvas.original-canvas[data-drawn]')) return;
    waiting = true;
    requestAnimationFrame(() => { times.drawn = performance.now(); waiting = false; });
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
})()`;

type Open = { page: string; drawMs: number; clickToDrawnMs: number; bytesMs?: number; pdfjsMs?: number; openedMs?: number; pageMs?: number; renderMs?: number };

async function until(page: Page, check: string, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  // Plain evaluations (waitForFunction's string sink is refused by the page's Trusted Types).
  while (!(await page.evaluate(check))) {
    if (Date.now() > deadline) throw new Error(`No ${what} within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function goToPage(page: Page, label: string): Promise<void> {
  await page.locator('.reader-title').focus();
  await page.keyboard.press('Control+g');
  await page.getByRole('textbox', { name: 'Go to page' }).fill(label);
  await page.keyboard.press('Enter');
  // The marker is scrolled to the top; the page read is the one under the reading line (maybe the one before): the dialog says which opened.
  await until(page, `document.activeElement?.getAttribute('data-page') === ${JSON.stringify(label)}`, `page ${label}`, 10_000);
}

const drawMs = (page: Page) => page.locator('canvas.original-canvas[data-drawn]').getAttribute('data-draw-ms').then(Number);

async function openOriginal(page: Page, label: string): Promise<Open> {
  await goToPage(page, label);
  // Dispatched, not clicked: a real click would scroll the reader back to its top bar first (the
  // bar is not sticky), and the page read would always be the first.
  await page.getByRole('button', { name: 'Show original' }).dispatchEvent('click');
  await until(page, `'drawn' in window.__originalTimes`, 'page drawn');
  const times = (await page.evaluate(`(() => {
    const t = window.__originalTimes;
    const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
    return { click: t.click, drawn: t.drawn, bytes: mark('carrel:original-bytes'), pdfjs: mark('carrel:pdfjs-ready'), opened: mark('carrel:original-opened'), got: mark('carrel:original-page'), rendered: mark('carrel:original-rendered') };
  })()`)) as { click: number; drawn: number; bytes?: number; pdfjs?: number; opened?: number; got?: number; rendered?: number };
  const since = (t?: number, from = times.click) => (t === undefined ? undefined : +(t - from).toFixed(1));
  const open: Open = {
    page: (await page.locator('.original-dialog h2').textContent()) ?? label,
    drawMs: await drawMs(page),
    clickToDrawnMs: +(times.drawn - times.click).toFixed(1),
    bytesMs: since(times.bytes),
    pdfjsMs: since(times.pdfjs, times.bytes),
    openedMs: since(times.opened, times.pdfjs ?? times.bytes),
    pageMs: since(times.got, times.opened),
    renderMs: since(times.rendered, times.got),
  };
  return open;
}

async function turnPages(page: Page, turns: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < turns; i++) {
    const before = await page.locator('canvas.original-canvas').getAttribute('data-drawn');
    await page.keyboard.press('PageDown');
    await until(page, `(() => { const d = document.querySelector('canvas.original-canvas')?.getAttribute('data-drawn'); return d != null && d !== ${JSON.stringify(before)}; })()`, 'turned page');
    ms.push(await drawMs(page));
  }
  return ms;
}

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: +sorted[Math.floor(sorted.length / 2)]!.toFixed(1), worst: +sorted[sorted.length - 1]!.toFixed(1), n: xs.length };
};

async function benchDocument(harnessModule: HarnessModule, corpusFile: string, title: string, labels: string[], opens: number, turns: number) {
  const harness = await harnessModule.launchHarness({ corpusFile });
  try {
    const { page } = harness;
    await page.addInitScript(TIMES_SCRIPT);
    await harnessModule.openApp(harness);
    await page.getByRole('button', { name: title }).first().click();
    await page.locator('.page-marker').first().waitFor({ timeout: 60_000 });

    // Pages spread over the document, the first a few pages in (past a title page).
    const chosen = Array.from({ length: opens }, (_, i) => labels[Math.min(labels.length - 1, Math.floor(((i + 0.1) * labels.length) / opens))]!);
    const results: Open[] = [];
    let turned: number[] = [];
    for (const [i, label] of chosen.entries()) {
      results.push(await openOriginal(page, label));
      if (i === 0 && values.shots) await page.screenshot({ path: path.join(values.shots, `original-${title.replace(/\W+/g, '-').slice(0, 40)}.png`) });
      if (i === 1) turned = await turnPages(page, turns);
      await page.keyboard.press('Escape');
      await page.locator('.original-dialog').waitFor({ state: 'detached' });
    }
    if (harness.pageErrors.length > 0) throw new Error(`Page errors: ${harness.pageErrors.join('\n')}`);
    const [first, ...later] = results;
    return {
      pagesInDocument: labels.length,
      firstOpen: first!,
      laterOpens: { drawMs: stats(later.map((o) => o.drawMs)), clickToDrawnMs: stats(later.map((o) => o.clickToDrawnMs)), each: later },
      turnedPagesDrawMs: stats(turned),
      allDrawMs: stats([...results.map((o) => o.drawMs), ...turned]),
    };
  } finally {
    await harness.close();
  }
}

async function main() {
  defineNameHelperInPages();
  // Loaded like a static import (CommonJS under tsx): see bench/renderer-timings.ts.
  const harnessModule = createRequire(__filename)(HARNESS) as HarnessModule;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-bench-original-'));
  try {
    const sentence = 'The media offices of the group released material every day for audiences far beyond its territory. ';
    const pageCount = Number(values.pages);
    const pages: PdfLine[][] = Array.from({ length: pageCount }, (_, n) => {
      const column = (x: number) => columnLines([sentence.repeat(6).trim(), sentence.repeat(5).trim(), sentence.repeat(6).trim()], { x, top: 720, size: 9, chars: 50, leading: 11 });
      return [{ x: 72, y: 760, size: 8, text: 'Carrel Working Paper Series' }, { x: 300, y: 40, size: 8, text: String(n + 1) }, ...column(60), ...column(320)];
    });
    const documents: { name: string; folder: string; title: string; mb: number }[] = [];
    const generated = path.join(dir, 'generated');
    fs.mkdirSync(generated);
    const pdf = writePdf({ pages, info: { Title: GENERATED_TITLE } });
    fs.writeFileSync(path.join(generated, 'report.pdf'), pdf);
    documents.push({ name: `generated report (${pageCount} pages)`, folder: generated, title: GENERATED_TITLE, mb: pdf.length / MB });

    let realSkipped: string | undefined;
    if (!values['no-debian']) {
      try {
        const root = fetchPackages(dir, log, [REAL_PACKAGE]).get(REAL_PACKAGE)!;
        const real = path.join(dir, 'real');
        fs.mkdirSync(real);
        fs.copyFileSync(path.join(root, REAL_FILE), path.join(real, 'source2e.pdf'));
        documents.push({ name: `${REAL_PACKAGE}: ${path.basename(REAL_FILE)}`, folder: real, title: '', mb: fs.statSync(path.join(real, 'source2e.pdf')).size / MB });
      } catch (error) {
        realSkipped = `Debian's ${REAL_PACKAGE} could not be fetched (${(error as Error).message.split('\n')[0]}): generated PDF only.`;
        log(realSkipped);
      }
    }

    const results = [];
    for (const d of documents) {
      log(`Building a corpus of ${d.name} …`);
      const corpusFile = path.join(d.folder, '..', `${path.basename(d.folder)}.sqlite`);
      const built = buildCorpus({ sourcesDir: d.folder, outFile: corpusFile, title: d.name });
      if (built.documents !== 1) throw new Error(`${d.name}: ${built.skipped.map((s) => s.message).join('; ')}`);
      // The real file's title is what the builder read from it.
      const store = openCorpus(corpusFile);
      const listed = store.listDocuments()[0]!;
      const title = d.title || listed.title;
      // What the app's getOriginal does before its IPC copy: the PDF's bytes read from the corpus.
      const t0 = performance.now();
      const kept = store.getOriginal(listed.id)!;
      const readOriginalMs = +(performance.now() - t0).toFixed(1);
      // The pages' labels as the reader has them (a long document draws only some of its markers at a time).
      const labels = [...new Set(store.getDocument(listed.id)!.paragraphs.flatMap((p) => (p.page ? [p.page] : [])))];
      store.close();
      log(`Show original on ${d.name} (“${title}”) …`);
      results.push({ document: d.name, fileMb: +d.mb.toFixed(1), originalMb: +(kept.bytes.length / MB).toFixed(1), readOriginalMs, ...(await benchDocument(harnessModule, corpusFile, title, labels, Number(values.opens), Number(values.turns))) });
    }
    const figures = { date: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg().map((l) => +l.toFixed(2)), realSkipped, results };
    fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'results', 'original-timings.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
