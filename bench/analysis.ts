/**
 * Word lists and related documents on a corpus file (default: the bundled corpus): cold (first
 * call, which builds the related-documents index or counts every word) and warm (median of
 * repeated calls after it). Usage: npm run bench:analysis [-- <file.sqlite> | --synthetic <documents>]
 * --synthetic builds (once) bench/data/synthetic-<n>.sqlite: n documents of four 60-word
 * paragraphs drawn from a Zipf-like vocabulary of 20,000 words, with a fixed seed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { openCorpus } from '../electron/node/corpus/corpus-store';
import { createAnalysisService } from '../electron/node/services/analysis-service';

function syntheticCorpus(documents: number): string {
  const file = path.resolve(`bench/data/synthetic-${documents}.sqlite`);
  if (fs.existsSync(file)) return file;
  const dir = path.resolve(`bench/data/synthetic-${documents}`);
  fs.mkdirSync(dir, { recursive: true });
  let state = 7;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
  const word = () => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(next() * Math.log(vocabulary.length))))]!;
  for (let d = 0; d < documents; d++) {
    const paragraphs = Array.from({ length: 4 }, () => `${Array.from({ length: 60 }, word).join(' ')}.`);
    fs.writeFileSync(path.join(dir, `d${String(d).padStart(6, '0')}.txt`), `Doc ${d}\n\n${paragraphs.join('\n\n')}`);
  }
  buildCorpus({ sourcesDir: dir, outFile: file, title: `Synthetic ${documents}` });
  return file;
}

const file = process.argv[2] === '--synthetic' ? syntheticCorpus(Number(process.argv[3] ?? 10_000)) : path.resolve(process.argv[2] ?? 'resources/corpus/carrel.sqlite');
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await run();
  return [value, ms(start)];
}

async function main(): Promise<void> {
  const store = openCorpus(file);
  const ids = store.listDocuments().map((doc) => doc.id);
  const results: Record<string, number | string> = { corpus: path.basename(file), documents: ids.length };

  // Word lists: each is counted afresh (a new service has no cache).
  const rounds = ids.length > 1000 ? 1 : 5;
  results['wordList rounds'] = rounds;
  for (const n of [1, 2, 3]) {
    for (const hideStopWords of [false, true]) {
      const runs: number[] = [];
      for (let round = 0; round < rounds; round++) runs.push((await time(() => createAnalysisService(() => store).wordList({ n, hideStopWords })))[1]);
      results[`wordList n=${n}${hideStopWords ? ' stop words hidden' : ''} ms (median)`] = Math.round(median(runs) * 10) / 10;
    }
  }

  // How long other requests wait at most while a trigram list is counted: the longest turn of the event loop.
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await createAnalysisService(() => store).wordList({ n: 3 });
  histogram.disable();
  results['wordList n=3: longest wait of the event loop ms'] = Math.round(histogram.max / 1e5) / 10;

  // Related documents: the first call reads every posting once; then each document's answer.
  const service = createAnalysisService(() => store);
  const [, cold] = await time(() => service.relatedDocuments({ documentId: ids[0]! }));
  results['related: first call (index of the corpus) ms'] = Math.round(cold * 10) / 10;
  // At most 200 documents, spread over the corpus.
  const sample = ids.slice(1).filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 200)) === 0).slice(0, 200);
  const fresh: number[] = [];
  for (const id of sample) fresh.push((await time(() => service.relatedDocuments({ documentId: id })))[1]);
  results['related: documents sampled'] = sample.length;
  results['related: each further document ms (median)'] = Math.round(median(fresh) * 100) / 100;
  results['related: each further document ms (p95)'] = Math.round([...fresh].sort((a, b) => a - b)[Math.floor(fresh.length * 0.95)]! * 100) / 100;
  const cached: number[] = [];
  for (const id of sample) cached.push((await time(() => service.relatedDocuments({ documentId: id })))[1]);
  results['related: asked again (cached) ms (median)'] = Math.round(median(cached) * 1000) / 1000;

  store.close();
  console.log(JSON.stringify(results, null, 2));
}

void main();
