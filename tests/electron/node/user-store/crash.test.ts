import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../../electron/node/corpus/build-corpus';
import { openDatabase } from '../../../../electron/node/sqlite/open-database';
import { openUserStore } from '../../../../electron/node/user-store/open-user-store';
import { FIXTURES, ROOT } from '../../../harness/paths';

const WRITER = path.join(__dirname, 'crash-writer.ts');
/** 25 in `npm test`; `npm run bench:crash` runs the same test with 100 (CARREL_CRASH_KILLS). */
const KILLS = Math.max(1, Number(process.env.CARREL_CRASH_KILLS) || 25);

let dir: string;
let corpusFile: string;
let userDbFile: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-crash-'));
  corpusFile = path.join(dir, 'corpus.sqlite');
  userDbFile = path.join(dir, 'user', 'carrel-user.sqlite');
  buildCorpus({ sourcesDir: path.join(FIXTURES, 'corpus-small'), outFile: corpusFile, title: 'Small' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Reported = { kind: string; id: string; stamp: string };

/** Deterministic pseudo-random numbers, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Runs the writer and SIGKILLs it `delayMs` after it is ready (or after spawning, if `early`). */
function runAndKill(run: number, delayMs: number, early: boolean): Promise<{ lines: Reported[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, corpusFile, userDbFile, String(run)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (early) arm();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready\n')) arm();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (code ${code}): ${err}`));
      // Only complete lines were reported: a line cut by the kill is not a report.
      const lines = out
        .split('\n')
        .slice(0, -1)
        .filter((line) => line !== 'ready')
        .map((line) => {
          const [kind, id, stamp] = line.split(' ');
          return { kind: kind!, id: id!, stamp: stamp! };
        });
      resolve({ lines, signal });
    });
  });
}

describe('crash safety of the user database', () => {
  it(
    `keeps every reported write and stays intact through ${KILLS} SIGKILLs`,
    async () => {
      const next = random(20261122);
      const notes = new Map<string, string>(); // note id → last reported body
      const highlights = new Map<string, string>(); // highlight id → note
      let totalWrites = 0;
      for (let run = 1; run <= KILLS; run++) {
        // Every fifth kill lands early: while the app opens, migrates or writes its first rows.
        const early = run % 5 === 0;
        const { lines } = await runAndKill(run, Math.floor(next() * (early ? 400 : 120)), early);
        for (const line of lines) {
          if (line.kind === 'note') notes.set(line.id, `note ${line.stamp}`);
          else if (line.kind === 'edit') notes.set(line.id, `note ${line.stamp} edited`);
          else highlights.set(line.id, `highlight ${line.stamp}`);
        }
        totalWrites += lines.length;

        // The app's own way in works (no migration or recovery error) …
        openUserStore(userDbFile).close();
        // … and the file is intact with every reported write.
        const db = openDatabase(userDbFile, { fileMustExist: true });
        try {
          expect(db.pragma('integrity_check', { simple: true }), `run ${run}`).toBe('ok');
          expect(db.pragma('foreign_key_check')).toEqual([]);
          const bodies = new Map(
            (db.prepare('SELECT id, body FROM document_notes').all() as { id: string; body: string }[]).map((r) => [r.id, r.body]),
          );
          for (const [id, body] of notes) {
            // A later edit may have committed after the last report; never an older one.
            const stored = bodies.get(id);
            expect(stored, `note ${id} after run ${run}`).toBeDefined();
            if (stored !== body) expect(stamp(stored!), `note ${id} after run ${run}`).toBeGreaterThan(stamp(body));
          }
          const highlightNotes = new Map(
            (db.prepare('SELECT id, note FROM highlights').all() as { id: string; note: string }[]).map((r) => [r.id, r.note]),
          );
          for (const [id, note] of highlights) expect(highlightNotes.get(id), `highlight ${id} after run ${run}`).toBe(note);
        } finally {
          db.close();
        }
      }
      // The test must have exercised something: many writes over many runs.
      expect(totalWrites).toBeGreaterThan(KILLS * 5);
      expect(notes.size).toBeGreaterThan(KILLS);
      console.info(`crash test: ${KILLS} kills, ${totalWrites} reported writes, ${notes.size} notes, ${highlights.size} highlights`);
    },
    KILLS * 10_000, // each run starts a writer under tsx: seconds on a loaded machine
  );
});

/** "note 3.17 edited" → 3.017 style ordinal (run, then write number). */
function stamp(body: string): number {
  const [run, n] = body.split(' ')[1]!.split('.').map(Number);
  return run! * 1_000_000 + n!;
}
