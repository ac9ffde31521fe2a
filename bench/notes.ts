/**
 * `npm run bench:notes`: figures of the user database and re-anchoring on the bundled corpus.
 * Creates N highlights (with notes and tags), saves notes, queries the notebook, rebuilds the
 * corpus from sources edited everywhere (an inserted paragraph and typos in every document)
 * and re-anchors every highlight; then times anchoring in one long document (~1 MB).
 * Options: --highlights 1000,10000. Writes bench/results/notes-latest.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { anchorQuote } from '../electron/common/anchoring/anchor-quote';
import { buildSelectors } from '../electron/common/anchoring/build-selectors';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { createServices } from '../electron/node/services/create-services';

const ROOT = path.resolve(__dirname, '..');
const SOURCES = path.join(ROOT, 'resources', 'corpus', 'sources');
const { values } = parseArgs({ options: { highlights: { type: 'string', default: '1000,10000' } } });
const sizes = values.highlights.split(',').map(Number);
const records: { figure: string; value: number; unit: string }[] = [];
const add = (figure: string, value: number, unit: string) => {
  records.push({ figure, value: Math.round(value * 100) / 100, unit });
  process.stdout.write(`${figure.padEnd(58)} ${String(Math.round(value * 100) / 100).padStart(10)} ${unit}\n`);
};
const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
};

/** An editorial pass over every source: a paragraph inserted near the top, one "the" in seven misspelt. */
function editSources(dir: string): void {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const file = path.join(dir, name);
    let n = 0;
    const text = fs
      .readFileSync(file, 'utf8')
      .replace(/\n\n([A-Z])/, '\n\nA paragraph inserted by the editor.\n\n$1')
      .replace(/ the /g, (m) => (n++ % 7 === 0 ? ' teh ' : m));
    fs.writeFileSync(file, text);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-bench-notes-'));
try {
  fs.cpSync(SOURCES, path.join(work, 'v1'), { recursive: true });
  fs.cpSync(SOURCES, path.join(work, 'v2'), { recursive: true });
  editSources(path.join(work, 'v2'));
  buildCorpus({ sourcesDir: path.join(work, 'v1'), outFile: path.join(work, 'v1.sqlite') });
  buildCorpus({ sourcesDir: path.join(work, 'v2'), outFile: path.join(work, 'v2.sqlite') });

  for (const size of sizes) {
    const userDbFile = path.join(work, `user-${size}.sqlite`);
    const v1 = createServices({ corpusFile: path.join(work, 'v1.sqlite'), userDbFile });
    const docs = v1.listDocuments(undefined).map((meta) => v1.getDocument({ id: meta.id }));
    const ids: string[] = [];
    const [, create] = time(() => {
      for (let i = 0; i < size; i++) {
        const doc = docs[i % docs.length]!;
        const start = (i * 97) % (doc.text.length - 60);
        ids.push(v1.createHighlight({ documentId: doc.id, start, end: start + 40, color: 'yellow', note: `note ${i}`, tags: [`tag-${i % 20}`] }).id);
      }
    });
    add(`[${size}] create a highlight (committed, synchronous=FULL)`, create / size, 'ms');
    const saves = Math.min(500, size);
    const [, save] = time(() => ids.slice(0, saves).forEach((id, i) => v1.updateHighlight({ id, note: `edited ${i}` })));
    add(`[${size}] save a changed note`, save / saves, 'ms');
    const [, same] = time(() => ids.slice(0, saves).forEach((id, i) => v1.updateHighlight({ id, note: `edited ${i}` })));
    add(`[${size}] save an unchanged note (idempotent)`, same / saves, 'ms');
    add(`[${size}] notebook, everything`, time(() => v1.queryNotebook({}))[1], 'ms');
    add(`[${size}] notebook, text search`, time(() => v1.queryNotebook({ text: 'edited 1' }))[1], 'ms');
    add(`[${size}] notebook, tag + colour`, time(() => v1.queryNotebook({ tags: ['tag-3'], colors: ['yellow'] }))[1], 'ms');
    add(`[${size}] highlights of the longest document`, time(() => v1.listHighlights({ documentId: docs[1]!.id }))[1], 'ms');
    v1.close();

    const v2 = createServices({ corpusFile: path.join(work, 'v2.sqlite'), userDbFile });
    const [reviews, reanchor] = time(() => v2.listAnchorReviews(undefined));
    add(`[${size}] re-anchor all after the edit + review list`, reanchor, 'ms');
    add(`[${size}] review list again (cached anchors)`, time(() => v2.listAnchorReviews(undefined))[1], 'ms');
    const statuses: Record<string, number> = {};
    for (const doc of docs) for (const h of v2.listHighlights({ documentId: doc.id })) statuses[h.anchor.status] = (statuses[h.anchor.status] ?? 0) + 1;
    for (const [status, count] of Object.entries(statuses)) add(`[${size}] anchors ${status}`, (100 * count) / size, '%');
    add(`[${size}] highlights to review`, (100 * reviews.length) / size, '%');
    v2.close();
  }

  // One long document: the seeds repeated with small differences (~1 MB), anchors after an insertion and a typo.
  const seeds = docsText();
  let long = '';
  for (let i = 0; long.length < 1_000_000; i++) long += `Part ${i}.\n\n${seeds}\n\n`;
  const starts = Array.from({ length: 50 }, (_, i) => Math.floor(((i + 0.5) * long.length) / 50));
  const selectors = starts.map((start) => buildSelectors(long, start, start + 60));
  const edited = `Preface.\n\n${long}`.replace(/Part 7\./g, 'Part seven.');
  const [, exact] = time(() => selectors.forEach((s) => anchorQuote(edited, s.quote, s.position)));
  add(`[1 MB document] re-anchor one highlight after an insertion`, exact / selectors.length, 'ms');
  const typo = selectors.map((s) => ({ ...s, quote: { ...s.quote, exact: `${s.quote.exact.slice(0, 30)}#${s.quote.exact.slice(31)}` } }));
  const [, fuzzy] = time(() => typo.forEach((s) => anchorQuote(edited, s.quote, s.position)));
  add(`[1 MB document] re-anchor one highlight whose text changed (fuzzy)`, fuzzy / typo.length, 'ms');
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
fs.writeFileSync(
  path.join(ROOT, 'bench', 'results', 'notes-latest.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, load: os.loadavg(), records }, null, 2),
);

function docsText(): string {
  return fs
    .readdirSync(SOURCES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(SOURCES, f), 'utf8').replace(/^---[\s\S]*?---\n/, ''))
    .join('\n\n');
}
