/**
 * `npm run bench:library-view`: sorting and filtering the library (listLibraryPage with a view)
 * on 100,000 synthetic documents, 2,000 of them with reading progress. Figures: time of the
 * first page of a new view (one sort of the library), then of pages of the same view (slices of
 * the cached order), first and last, and of the aroundId lookup (the row to return to). Results go to bench/results/library-view.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LibraryView } from '../electron/common/corpus/library-types';
import type { ReadingProgress } from '../electron/common/notes/reading-progress';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { openCorpus } from '../electron/node/corpus/corpus-store';
import { addedDates, addedDatesSource } from '../electron/node/corpus/library-view-queries';

const COUNT = 100_000;
const READ = 2_000;
const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-library-view-'));
try {
  const sources = path.join(dir, 'sources');
  fs.mkdirSync(sources);
  const words = ['archive', 'letter', 'minutes', 'pamphlet', 'catalogue', 'margin', 'reading', 'notes'];
  for (let i = 0; i < COUNT; i++) {
    const title = `${words[i % 8]} ${words[(i * 7) % 8]} ${i}`;
    fs.writeFileSync(
      path.join(sources, `d${String(i).padStart(6, '0')}.md`),
      `---\ntitle: "${title}"\nauthor: "Author ${(i * 31) % 977}"\nsource: "Source ${(i * 17) % 89}"\ndate: 20${String(10 + (i % 15))}-0${1 + (i % 9)}-1${i % 9}\n---\nEntry ${i}. ${'word '.repeat(5 + (i % 300))}\n`,
    );
  }
  log(`Building ${COUNT} documents …`);
  const file = path.join(dir, 'c.sqlite');
  buildCorpus({ sourcesDir: sources, outFile: file, title: 'Library view bench' });
  const store = openCorpus(file);
  const progress = new Map<string, ReadingProgress>();
  for (let i = 0; i < READ; i++) {
    const id = `d${String((i * 49) % COUNT).padStart(6, '0')}`;
    progress.set(id, i % 5 === 0 ? { state: 'finished', percent: 100 } : { state: 'started', percent: i % 100 });
  }
  // The worst case for dates added: every document came in at its own time (one a minute, back from now).
  const now = new Date();
  const added = addedDatesSource(addedDates(new Map(Array.from({ length: COUNT }, (_, i) => [`d${String(i).padStart(6, '0')}`, new Date(now.getTime() - (COUNT - i) * 60_000).toISOString()]))));
  const base: LibraryView = { sort: 'corpus', descending: false, text: '', state: 'all' };
  const cases: [string, LibraryView][] = [
    ...(['title', 'author', 'source', 'length', 'date', 'progress'] as const).map((sort): [string, LibraryView] => [`sort ${sort}`, { ...base, sort }]),
    ['sort title, descending', { ...base, sort: 'title', descending: true }],
    ['filter text "catalogue"', { ...base, text: 'catalogue' }],
    ['filter started', { ...base, state: 'started' }],
    ['filter unread, sort length', { ...base, state: 'unread', sort: 'length' }],
    ['sort added (100k dates)', { ...base, sort: 'added' }],
    ['filter added last 30 days', { ...base, added: 'month' }],
  ];
  const results: Record<string, { newViewMs: number; firstPageMs: number; deepPageMs: number; aroundMs: number; total: number }> = {};
  for (const [name, view] of cases) {
    const first: number[] = [];
    const deep: number[] = [];
    const around: number[] = [];
    let total = 0;
    for (let run = 0; run < 5; run++) {
      let t = performance.now();
      total = store.listLibraryPage({ offset: 0, limit: 200, view }, progress, added, now).total;
      first.push(performance.now() - t);
      t = performance.now();
      store.listLibraryPage({ offset: Math.max(0, total - 200), limit: 200, view }, progress, added, now);
      deep.push(performance.now() - t);
      t = performance.now();
      store.listLibraryPage({ aroundId: 'd054321', limit: 200, view }, progress, added, now);
      around.push(performance.now() - t);
    }
    // Run 0's first page sorts the library for the view; later pages are slices of that order.
    results[name] = { newViewMs: +first[0]!.toFixed(1), firstPageMs: +median(first).toFixed(1), deepPageMs: +median(deep).toFixed(1), aroundMs: +median(around).toFixed(1), total };
    log(`${name.padEnd(28)} new view ${results[name]!.newViewMs} ms, then first page ${results[name]!.firstPageMs} ms, last page ${results[name]!.deepPageMs} ms, around ${results[name]!.aroundMs} ms (${total} rows)`);
  }
  store.close();
  const out = path.join(__dirname, 'results', 'library-view.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ documents: COUNT, withProgress: READ, cpus: os.cpus().length, results }, null, 2)}\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
