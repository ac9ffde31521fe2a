import fs from 'node:fs';
import path from 'node:path';
import { buildCorpus, type BuildSummary } from '../../electron/node/corpus/build-corpus';
import { FIXTURES } from './paths';

/**
 * Builds tests/fixtures/hostile plus one very large document (thousands of paragraphs, each
 * "Readable text 99 survives…") into dir/hostile.sqlite.
 */
export function buildHostileCorpus(dir: string): { file: string; summary: BuildSummary } {
  const sources = path.join(dir, 'sources');
  fs.cpSync(path.join(FIXTURES, 'hostile'), sources, { recursive: true });
  const paragraph = 'Readable text 99 survives in a very large document. '.repeat(10);
  fs.writeFileSync(path.join(sources, '99-huge.txt'), `Huge document\n\n${`${paragraph}\n\n`.repeat(3000)}`);
  const file = path.join(dir, 'hostile.sqlite');
  return { file, summary: buildCorpus({ sourcesDir: sources, outFile: file, title: 'Hostile' }) };
}
