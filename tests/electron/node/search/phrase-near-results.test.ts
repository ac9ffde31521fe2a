import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../../harness/paths';
import { openSearchOn, writeSources } from './search-fixture';

/**
 * Phrase and NEAR results (totals, notices, ranked ids and scores, hit counts and highlighted
 * offsets) on a generated corpus, compared with those recorded before the phrase and NEAR
 * checks were made faster (issue 20): the faster engine must answer exactly as before.
 * Recorded again for the BM25F ranking (issue 13), after checking that every query below the
 * verification bound kept its total, notices and (up to 20 results) the same documents.
 * `CARREL_RECORD_RESULTS=1 npx vitest run <this file>` records them again (only when the
 * engine's answers are meant to change).
 */
const RECORDED = path.join(FIXTURES, 'search-results', 'phrase-near.json');

/** Deterministic pseudo-random numbers. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ru', 'sen', 'ta', 'vor', 'ni', 'pel', 'dra', 'qu', 'zim'];
// Common English words (stemmed and kept, as in real text) and vowelled Arabic words, among made-up ones.
const VOCABULARY = [
  'the', 'of', 'and', 'a', 'to', 'in', 'is', 'that', 'for', 'was', 'running', 'runs', 'ran', 'houses', 'house',
  'ٱلصَّلَوٰةَ', 'الصلاة', 'يَوۡمِ', 'ٱلۡقِيَٰمَةِ', 'القيامة',
  ...Array.from({ length: 380 }, (_, i) => SYLLABLES[i % 12]! + SYLLABLES[Math.floor(i / 12) % 12]! + (i >= 144 ? SYLLABLES[Math.floor(i / 144)]! : '')),
];

function corpusSources(): Record<string, string> {
  const random = prng(20);
  // Zipf-like: word i drawn with weight 1 / (i + 1).
  const weights = VOCABULARY.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const word = () => {
    let r = random() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) <= 0) return VOCABULARY[i]!;
    return VOCABULARY[0]!;
  };
  const words = (n: number) => Array.from({ length: n }, word);
  const files: Record<string, string> = {};
  for (let d = 0; d < 6000; d++) {
    const title = words(2 + Math.floor(random() * 4)).join(' ');
    const paragraphs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => words(5 + Math.floor(random() * 60)).join(' '));
    files[`d${String(d).padStart(4, '0')}.txt`] = `---\ntitle: ${JSON.stringify(title)}\n---\n${paragraphs.join('\n\n')}\n`;
  }
  return files;
}

function queries(sources: Record<string, string>): string[] {
  const random = prng(7);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const texts = Object.values(sources).map((s) => s.split('---\n')[2]!.split(/\s+/).filter(Boolean));
  const run = (n: number) => {
    const text = pick(texts);
    const at = Math.floor(random() * Math.max(1, text.length - n));
    return text.slice(at, at + n).join(' ');
  };
  // Mostly common words: phrases and NEAR groups of those check the most candidates.
  const common = VOCABULARY.slice(0, 40);
  const w = () => (random() < 0.7 ? pick(common) : pick(VOCABULARY));
  const d = () => pick([0, 1, 2, 3, 5, 10]);
  const out = new Set<string>();
  const add = (q: string) => out.add(q);
  for (let i = 0; i < 120; i++) add(`"${run(2)}"`);
  for (let i = 0; i < 60; i++) add(`"${run(3)}"`);
  for (let i = 0; i < 40; i++) add(`"${w()} ${w()}"`);
  for (let i = 0; i < 100; i++) add(`${w()} NEAR/${d()} ${w()}`);
  for (let i = 0; i < 30; i++) add(`${w()} NEAR/${d()} ${w()} NEAR/${d()} ${w()}`);
  for (let i = 0; i < 30; i++) add(`"${run(2)}" NEAR/${d()} ${w()}`);
  for (let i = 0; i < 15; i++) add(`${pick(common).slice(0, 3)}* NEAR/${d()} ${w()}`);
  for (let i = 0; i < 15; i++) add(`+"${run(2)}" ${w()}`);
  for (let i = 0; i < 15; i++) add(`"${run(2)}" -${w()}`);
  for (let i = 0; i < 15; i++) add(`-"${run(2)}" ${w()}`);
  for (let i = 0; i < 15; i++) add(`title:"${run(2)}"`);
  for (let i = 0; i < 15; i++) add(`"${run(2)}" "${run(2)}"`);
  for (let i = 0; i < 15; i++) add(`${w()} "${run(3)}" ${w()}`);
  for (let i = 0; i < 10; i++) add(`+${w()} NEAR/${d()} ${w()} +${w()}`);
  for (let i = 0; i < 10; i++) add(`"${run(2)}" ${w()} NEAR/${d()} ${w()}`);
  add('"يوم القيامة"');
  add('الصلاة NEAR/3 القيامة');
  return [...out];
}

type Recorded = { query: string; total: number; notice?: string; hits: [string, number, number][]; highlights: number[][] };

let sourcesDir: ReturnType<typeof writeSources>;
let fixture: ReturnType<typeof openSearchOn>;
let sources: Record<string, string>;
beforeAll(() => {
  sources = corpusSources();
  sourcesDir = writeSources(sources);
  fixture = openSearchOn(sourcesDir.dir);
}, 120_000);
afterAll(() => {
  fixture?.dispose();
  sourcesDir?.dispose();
});

function answer(query: string): Recorded {
  const response = fixture.search.search({ query, limit: 20 });
  return {
    query,
    total: response.total,
    ...(response.notice ? { notice: response.notice } : {}),
    hits: response.results.map((r) => [r.id, r.score, r.hitCount]),
    // Highlighted offsets in the text of the first three results, as the stretches of text they
    // cover (snippets may overlap and show a span twice, or show only part of it).
    highlights: response.results.slice(0, 3).map((r) => {
      const pieces = r.snippets.flatMap((s) => s.highlights.map((h) => [s.offset + h.start, s.offset + h.end] as [number, number]));
      const covered: [number, number][] = [];
      for (const [start, end] of pieces.sort((a, b) => a[0] - b[0])) {
        const last = covered.at(-1);
        if (last && start < last[1]) last[1] = Math.max(last[1], end);
        else covered.push([start, end]);
      }
      return covered.flat();
    }),
  };
}

describe('phrase and NEAR results', () => {
  it('are exactly those recorded before the faster checks', () => {
    const answers = queries(sources).map(answer);
    if (process.env.CARREL_RECORD_RESULTS === '1') {
      fs.mkdirSync(path.dirname(RECORDED), { recursive: true });
      fs.writeFileSync(RECORDED, `${JSON.stringify(answers)}\n`);
    }
    const recorded = JSON.parse(fs.readFileSync(RECORDED, 'utf8')) as Recorded[];
    // The recording is not trivial: most queries find something, some reach the verification bound.
    expect(recorded.filter((r) => r.total > 0).length).toBeGreaterThan(recorded.length / 2);
    expect(recorded.some((r) => r.notice?.includes('best-scoring documents'))).toBe(true);
    expect(answers.map((a) => a.query)).toEqual(recorded.map((r) => r.query));
    for (let i = 0; i < answers.length; i++) expect(answers[i], answers[i]!.query).toEqual(recorded[i]);
  }, 120_000);
});
