// Runs Electronegativity over the app's sources and fails on any HIGH finding (the tool
// itself always exits 0, so its report has to be read).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = require('electron/package.json').version;
const bin = path.join(root, 'node_modules', '.bin', 'electronegativity');

let high = 0;
let total = 0;
// One scan over both trees, so global checks (navigation limits, permission handler) see the whole app.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'eneg-'));
const input = path.join(work, 'app');
for (const dir of ['electron', 'renderer']) fs.cpSync(path.join(root, dir), path.join(input, dir), { recursive: true });
const report = path.join(work, 'report.csv');
try {
  execFileSync(bin, ['-i', input, '-o', report, '-r', '-e', electronVersion, '-v', 'false'], { stdio: ['ignore', 'ignore', 'ignore'] });
  // Samples in the CSV may span lines; each finding starts with CHECK,"SEVERITY","CONFIDENCE","file","line:col".
  const findings = fs.readFileSync(report, 'utf8').matchAll(/^([A-Z_]+),"(\w+)","(\w+)","([^"]*)","([^"]*)"/gm);
  for (const [, check, severity, confidence, file, location] of findings) {
    total++;
    if (severity === 'HIGH') high++;
    console.log(`${severity.padEnd(13)} ${confidence.padEnd(9)} ${check.padEnd(40)} ${file}:${location}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`Electronegativity: ${total} finding(s), ${high} HIGH.`);
process.exit(high > 0 ? 1 : 0);
