/**
 * `npm run bench:build`: throughput of the corpus builder on Debian's GCIDE split into one
 * file per entry (about 127k files), phase by phase, with wall and CPU time and peak memory.
 * Options: --limit N (first N entries), --keep (leave the sources in bench/data/sources).
 * Figures go to bench/results/corpus-build.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus, type BuildPhase } from '../electron/node/corpus/build-corpus';
import { DATA_DIR, ensurePackages, readGcide, writeEntriesAsFiles } from './debian-texts';

const { values } = parseArgs({ options: { limit: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const log = (line: string) => process.stderr.write(`${line}\n`);

const entries = readGcide(ensurePackages(log)).slice(0, values.limit ? Number(values.limit) : undefined);
const sources = path.join(DATA_DIR, 'sources', 'gcide-build');
writeEntriesAsFiles(entries, sources, log);

const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const outFile = path.join(DATA_DIR, 'corpora', 'gcide-build.sqlite');
const marks: Partial<Record<BuildPhase | 'end', { wall: number; cpu: number }>> = {};
const t0 = performance.now();
const c0 = cpu();
const mark = (phase: BuildPhase | 'end') => (marks[phase] ??= { wall: performance.now() - t0, cpu: cpu() - c0 });
log('Building …');
const summary = buildCorpus({ sourcesDir: sources, outFile, title: 'GCIDE', onProgress: (p) => mark(p.phase) });
mark('end');
const mb = summary.totalBytes / 1024 / 1024;
const span = (from: BuildPhase, to: BuildPhase | 'end') => ({
  wallS: +((marks[to]!.wall - marks[from]!.wall) / 1000).toFixed(2),
  cpuS: +((marks[to]!.cpu - marks[from]!.cpu) / 1000).toFixed(2),
});
const reading = span('reading', 'indexing');
const figures = {
  date: new Date().toISOString(),
  documents: summary.documents,
  skipped: summary.skipped.length,
  sourceMB: +mb.toFixed(1),
  textMChars: +(summary.textChars / 1e6).toFixed(1),
  listingS: +(marks.reading!.wall / 1000).toFixed(2),
  reading: { ...reading, mbPerSWall: +(mb / reading.wallS).toFixed(1), mbPerSCpu: +(mb / reading.cpuS).toFixed(1) },
  indexing: span('indexing', 'finishing'),
  finishing: span('finishing', 'end'),
  totalS: +(marks.end!.wall / 1000).toFixed(2),
  totalMbPerS: +(mb / (marks.end!.wall / 1000)).toFixed(1),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  corpusFileMB: +(fs.statSync(outFile).size / 1024 / 1024).toFixed(1),
};
fs.mkdirSync(path.join(__dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'results', 'corpus-build.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log(JSON.stringify(figures, null, 2));
if (!values.keep) fs.rmSync(sources, { recursive: true, force: true });
