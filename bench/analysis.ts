/**
 * Word lists and related documents on a corpus file (default: the bundled corpus): cold (first
 * call, which builds the related-documents index or counts every word) and warm (median of
 * repeated calls after it). Usage: npm run bench:analysis [-- <file.sqlite>]
 */
import path from 'node:path';
import { openCorpus } from '../electron/node/corpus/corpus-store';
import { createAnalysisService } from '../electron/node/services/analysis-service';

const file = path.resolve(process.argv[2] ?? 'resources/corpus/carrel.sqlite');
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = run();
  return [value, ms(start)];
}

const store = openCorpus(file);
const ids = store.listDocuments().map((doc) => doc.id);
const results: Record<string, number | string> = { corpus: path.basename(file), documents: ids.length };

// Word lists: each is counted afresh (a new service has no cache).
for (const n of [1, 2, 3]) {
  for (const hideStopWords of [false, true]) {
    const runs: number[] = [];
    for (let round = 0; round < 5; round++) runs.push(time(() => createAnalysisService(() => store).wordList({ n, hideStopWords }))[1]);
    results[`wordList n=${n}${hideStopWords ? ' stop words hidden' : ''} ms (median of 5)`] = Math.round(median(runs) * 10) / 10;
  }
}

// Related documents: the first call reads every posting once; then each document's answer.
const service = createAnalysisService(() => store);
const [, cold] = time(() => service.relatedDocuments({ documentId: ids[0]! }));
results['related: first call (index of the corpus) ms'] = Math.round(cold * 10) / 10;
const fresh = ids.slice(1).map((id) => time(() => service.relatedDocuments({ documentId: id }))[1]);
results['related: each further document ms (median)'] = Math.round(median(fresh) * 100) / 100;
const cached = ids.map((id) => time(() => service.relatedDocuments({ documentId: id }))[1]);
results['related: asked again (cached) ms (median)'] = Math.round(median(cached) * 1000) / 1000;

store.close();
console.log(JSON.stringify(results, null, 2));
