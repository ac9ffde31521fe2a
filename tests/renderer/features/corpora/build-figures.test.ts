import { describe, expect, it } from 'vitest';
import type { CorpusBuildStatus } from '../../../../electron/common/corpus/corpus-choice-types';
import { buildFigures, buildFraction, buildHeading, formatMegabytes } from '../../../../renderer/src/features/corpora/build-figures';

const MB = 1024 * 1024;
const status = (patch: Partial<CorpusBuildStatus>): CorpusBuildStatus => ({
  jobId: 'j', sourcesDir: '/s', outFile: '/o.sqlite', state: 'running', phase: 'reading',
  done: 0, total: 100, bytes: 0, totalBytes: 40 * MB, documents: 0, indexed: 0, elapsedMs: 0, ...patch,
});

describe('build figures', () => {
  it('fills the first half of the bar while reading, by bytes', () => {
    expect(buildFraction(status({ bytes: 10 * MB }))).toBeCloseTo(0.125);
    expect(buildFraction(status({ bytes: 40 * MB, done: 100 }))).toBeCloseTo(0.5);
  });

  it('fills most of the rest while indexing, by documents, and is full when done', () => {
    expect(buildFraction(status({ phase: 'indexing', documents: 90, indexed: 45 }))).toBeCloseTo(0.725);
    expect(buildFraction(status({ phase: 'finishing' }))).toBeCloseTo(0.95);
    expect(buildFraction(status({ state: 'done', phase: 'finishing' }))).toBe(1);
  });

  it('counts by files when there is nothing to read', () => {
    expect(buildFraction(status({ totalBytes: 0, done: 50 }))).toBeCloseTo(0.25);
  });

  it('says files, size, speed and time left while reading', () => {
    expect(buildFigures(status({ done: 25, bytes: 10 * MB, elapsedMs: 2000 }))).toBe(
      'Reading: 25 of 100 files, 10.0 MB of 40.0 MB at 5.0 MB/s, about 6 s of reading left.',
    );
    expect(buildFigures(status({ phase: 'indexing', done: 100, documents: 12345, indexed: 2000 }))).toBe(
      'Indexing: 2,000 of 12,345 documents (100 of 100 files read).',
    );
  });

  it('names the state in the heading and small sizes in KB', () => {
    expect(buildHeading(status({}))).toBe('Building');
    expect(buildHeading(status({ state: 'done' }))).toBe('Built');
    expect(formatMegabytes(2048)).toBe('2.0 KB');
    expect(formatMegabytes(3 * MB)).toBe('3.0 MB');
  });
});
