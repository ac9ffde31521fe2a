/**
 * `npm run bench:coding`: the coded-passages view (listCodedPassages) on a notes database with
 * many codings of the bundled corpus: 40 codes (8 with 4 sub-codes each), N highlights each coded
 * once and one in five twice (N = 20,000 gives 24,000 codings). Figures: one code's passages,
 * a top code with its sub-codes, one code in one document, and the code × document matrix beside
 * them, and all coded passages as an export gathers them; the first call and the median of 5. Options: --highlights 20000. Results go to
 * bench/results/coding.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSelectors } from '../electron/common/anchoring/build-selectors';
import { codingExportData } from '../electron/node/coding/refi-qda/coding-export-data';
import { createServices } from '../electron/node/services/create-services';
import { insertCode } from '../electron/node/user-store/queries/code-queries';
import { insertCoding } from '../electron/node/user-store/queries/coding-queries';
import { insertHighlight } from '../electron/node/user-store/queries/highlight-queries';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.join(ROOT, 'resources', 'corpus', 'carrel.sqlite');
const { values } = parseArgs({ options: { highlights: { type: 'string', default: '20000' } } });
const count = Number(values.highlights);
const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-bench-coding-'));
try {
  const services = createServices({ corpusFile: CORPUS, userDbFile: path.join(dir, 'carrel-user.sqlite') });
  const ctx = services.userDataContext;
  const corpusId = ctx.corpusId();
  const store = ctx.store();
  const documents = services.listDocuments(undefined).map((d) => ctx.corpus().getDocument(d.id)!);
  const now = new Date().toISOString();
  const codes: string[] = [];
  const tops: string[] = [];
  let n = 0;
  const id = (kind: string) => `${kind}-${String(n++).padStart(8, '0')}`;
  const started = performance.now();
  store.write(() => {
    for (let t = 0; t < 8; t++) {
      const top = id('code');
      insertCode(store.db, { id: top, corpusId, parentId: null, name: `Theme ${t}`, color: '#FF0000', description: '', memo: '', createdAt: now });
      tops.push(top);
      codes.push(top);
      for (let c = 0; c < 4; c++) {
        const child = id('code');
        insertCode(store.db, { id: child, corpusId, parentId: top, name: `Theme ${t}.${c}`, color: '', description: '', memo: '', createdAt: now });
        codes.push(child);
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = documents[i % documents.length]!;
      const start = (i * 97) % (doc.text.length - 60);
      const h = id('h');
      insertHighlight(store.db, { id: h, corpusId, documentId: doc.id, documentSha256: doc.sha256, ...buildSelectors(doc.text, start, start + 40), color: 'yellow', note: `note ${i}`, createdAt: now });
      insertCoding(store.db, { id: id('k'), codeId: codes[i % codes.length]!, highlightId: h, createdAt: now });
      if (i % 5 === 0) insertCoding(store.db, { id: id('k'), codeId: codes[(i * 7 + 3) % codes.length]!, highlightId: h, createdAt: now });
    }
  });
  const codings = store.db.prepare('SELECT count(*) FROM codings').pluck().get() as number;
  log(`${count} highlights, ${codings} codings, ${codes.length} codes over ${documents.length} documents (written in ${Math.round(performance.now() - started)} ms)`);

  const cases: [string, () => unknown][] = [
    ['one code (a sub-code)', () => services.listCodedPassages({ codeId: codes[1]!, withSubcodes: false })],
    ['a top code with its 4 sub-codes', () => services.listCodedPassages({ codeId: tops[0]!, withSubcodes: true })],
    ['one code in one document', () => services.listCodedPassages({ codeId: codes[1]!, withSubcodes: false, documentId: documents[1]!.id })],
    ['code × document matrix', () => services.getCodingMatrix(undefined)],
    ['all coded passages (the export data)', () => codingExportData(ctx).passages],
  ];
  const results: Record<string, { firstMs: number; medianMs: number; rows: number }> = {};
  for (const [name, run] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      const answer = run() as { length?: number; counts?: unknown[] };
      times.push(performance.now() - t);
      rows = answer.length ?? answer.counts?.length ?? 0;
    }
    results[name] = { firstMs: +times[0]!.toFixed(1), medianMs: +median(times.slice(1)).toFixed(1), rows };
    log(`${name.padEnd(34)} first ${results[name]!.firstMs} ms, then ${results[name]!.medianMs} ms (${rows} rows)`);
  }
  services.close();
  const out = path.join(__dirname, 'results', 'coding.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ highlights: count, codings, codes: codes.length, documents: documents.length, cpus: os.cpus().length, results }, null, 2)}\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
