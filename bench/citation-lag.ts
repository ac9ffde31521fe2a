/**
 * `npx tsx bench/citation-lag.ts [--rounds 2]`: main's event loop during the first citation of a
 * fresh app (issue 15). Each run is a child process of its own (citation-js, once loaded, keeps
 * its parsed styles for the process): `in-process` (citation-js on main, as before, and as the
 * CLI still does) and `worker` (the citation worker), in alternate runs of this one invocation.
 * A run asks formatCitation of the bundled corpus's first document (APA) through the handler
 * table, and measures the call and main's longest stall (a 10 ms interval's longest pause), then
 * a second citation (the style parsed). Figures go to bench/results/citation-lag.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHandlerTable } from '../electron/node/ipc/handler-table';
import { SOURCE_WORKERS } from '../electron/node/query-worker/worker-entry';
import { createServices } from '../electron/node/services/create-services';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' }, child: { type: 'string' } } });
const CORPUS = path.join(__dirname, '..', 'resources', 'corpus', 'carrel.sqlite');
type Mode = 'in-process' | 'worker';
type Run = { mode: Mode; firstMs: number; firstMaxLagMs: number; secondMs: number; load: number };

async function child(mode: Mode): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-citation-lag-'));
  const services = createServices({ corpusFile: CORPUS, userDbFile: path.join(dir, 'user.sqlite'), ...(mode === 'worker' ? { workers: SOURCE_WORKERS } : {}) });
  const table = createHandlerTable(services, () => {});
  const listed = await table.listDocuments(undefined);
  if (!listed.ok) throw new Error(listed.error.message);
  const documentId = listed.value[0]!.id;
  const cite = async () => {
    const started = performance.now();
    const result = await table.formatCitation({ documentId, style: 'apa' });
    if (!result.ok) throw new Error(result.error.message);
    return performance.now() - started;
  };
  const load = os.loadavg()[0]!;
  // A 10 ms interval's longest pause, to the end of the call: monitorEventLoopDelay records a
  // stall only when its timer fires after it, and in-process the answer comes first.
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  const firstMs = await cite();
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  const secondMs = await cite();
  services.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { mode, firstMs, firstMaxLagMs: longest, secondMs, load };
}

if (values.child) {
  void child(values.child as Mode).then((run) => {
    process.stdout.write(JSON.stringify(run));
    process.exit(0);
  });
} else {
  const runs: Run[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const mode of ['in-process', 'worker'] as const) {
      const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--child', mode], { encoding: 'utf8' });
      const run = JSON.parse(out.slice(out.indexOf('{'))) as Run;
      runs.push(run);
      process.stderr.write(`${mode}: first citation ${Math.round(run.firstMs)} ms, main's longest stall ${Math.round(run.firstMaxLagMs)} ms; second ${Math.round(run.secondMs)} ms (load ${run.load.toFixed(1)})\n`);
    }
  }
  fs.writeFileSync(path.join(__dirname, 'results', 'citation-lag.json'), `${JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, runs }, null, 2)}\n`);
}
