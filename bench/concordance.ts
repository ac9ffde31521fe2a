/**
 * `npm run bench:concordance` (issue 16): concordance, collocates and related documents on the
 * ~127k-document GCIDE library corpus (bench/library-corpus.ts, built once and cached). Targets:
 * the first 100 concordance lines of a common word ≤ 100 ms, its collocates ≤ 500 ms, related
 * documents ≤ 50 ms.
 *
 * Each round uses a fresh analysis service (nothing cached from an earlier call) over one opened
 * corpus whose search tables are warm (a first query reads them, as the app's worker has by the
 * time the Analysis view is used). Per word: the first page of 100 lines, the next page, the
 * first page sorted by the first word to the left, the collocates (±5 words, function words
 * hidden); then related documents: the first call (which indexes the corpus) and 200 documents
 * spread over it. Medians of the rounds.
 *
 * Options: --rounds 3; --before <dir>: another checkout (its node_modules linked) measured in
 * alternate rounds of this run, with the ratios printed. Output: bench/results/concordance.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type * as CorpusStoreModule from '../electron/node/corpus/corpus-store';
import type * as AnalysisServiceModule from '../electron/node/services/analysis-service';
import { ensureLibraryCorpus } from './library-corpus';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, before: { type: 'string' } } });
const log = (line: string) => process.stderr.write(`${line}\n`);
/** A rare word, a common one, the commonest, a common phrase. */
const WORDS = ['zebra', 'water', 'the', '"of the"'];

type Service = {
  concordance(input: { query: string; limit?: number; offset?: number; sort?: string }): { total: number };
  collocates(input: { query: string }): { occurrences: number };
  relatedDocuments(input: { documentId: string }): Promise<unknown>;
};
type Checkout = { name: string; root: string; open: () => Promise<{ service: () => Service; ids: string[] }> };

const time = async (run: () => unknown) => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round1 = (ms: number) => Math.round(ms * 10) / 10;

function checkout(name: string, root: string, file: string): Checkout {
  return {
    name,
    root,
    async open() {
      const { openCorpus } = (await import(path.join(root, 'electron/node/corpus/corpus-store.ts'))) as typeof CorpusStoreModule;
      const { createAnalysisService } = (await import(path.join(root, 'electron/node/services/analysis-service.ts'))) as typeof AnalysisServiceModule;
      const store = openCorpus(file);
      const ids = store.listDocuments().map((doc) => doc.id);
      // Warm the search tables (the app's worker has read them by the first analysis).
      createAnalysisService(() => store).concordance({ query: 'aardvark', limit: 1 });
      return { service: () => createAnalysisService(() => store) as unknown as Service, ids };
    },
  };
}

async function roundOf(opened: { service: () => Service; ids: string[] }): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const query of WORDS) {
    const service = opened.service();
    let total = 0;
    figures[`${query}: first 100 lines ms`] = await time(() => (total = service.concordance({ query, limit: 100 }).total));
    figures[`${query}: lines`] = total;
    figures[`${query}: next 100 lines ms`] = await time(() => service.concordance({ query, limit: 100, offset: 100 }));
    figures[`${query}: sorted by left1 ms`] = await time(() => service.concordance({ query, limit: 100, sort: 'left1' }));
    figures[`${query}: collocates ms`] = await time(() => opened.service().collocates({ query }));
  }
  const service = opened.service();
  figures['related: first call ms'] = await time(() => service.relatedDocuments({ documentId: opened.ids[0]! }));
  const step = Math.max(1, Math.floor(opened.ids.length / 200));
  const each: number[] = [];
  for (let i = 1; i < opened.ids.length && each.length < 200; i += step) each.push(await time(() => service.relatedDocuments({ documentId: opened.ids[i]! })));
  each.sort((a, b) => a - b);
  figures['related: each further median ms'] = median(each);
  figures['related: each further p95 ms'] = each[Math.floor(each.length * 0.95)]!;
  return figures;
}

async function main(): Promise<void> {
  const file = ensureLibraryCorpus(log);
  const rounds = Number(values.rounds);
  const checkouts = [...(values.before ? [checkout('before', path.resolve(values.before), file)] : []), checkout('after', path.resolve(__dirname, '..'), file)];
  const opened = await Promise.all(checkouts.map(async (c) => ({ c, o: await c.open() })));
  const runs = new Map<string, Record<string, number>[]>(checkouts.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const { c, o } of opened) {
      log(`${c.name}: round ${r + 1} of ${rounds} …`);
      runs.get(c.name)!.push(await roundOf(o));
    }
  }
  const summary = checkouts.map((c) => {
    const all = runs.get(c.name)!;
    const medians = Object.fromEntries(Object.keys(all[0]!).map((key) => [key, round1(median(all.map((figures) => figures[key]!)))]));
    return { checkout: c.name, root: c.root, medians };
  });
  const ratios =
    summary.length === 2
      ? Object.fromEntries(Object.keys(summary[1]!.medians).filter((key) => key.endsWith('ms')).map((key) => [key, Math.round((summary[0]!.medians[key]! / summary[1]!.medians[key]!) * 100) / 100]))
      : undefined;
  const out = { date: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg().map((l) => +l.toFixed(2)), corpus: path.basename(file), rounds, summary, ...(ratios ? { beforeOverAfter: ratios } : {}) };
  fs.mkdirSync(path.resolve(__dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.resolve(__dirname, 'results/concordance.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(JSON.stringify(out, null, 2));
}

void main();
