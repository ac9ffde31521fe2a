import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONCORDANCE_SORTS, type ConcordanceSort } from '../../common/analysis/analysis-types';
import { openCorpus } from '../corpus/corpus-store';
import { createAnalysisService, type AnalysisService } from '../services/analysis-service';
import { ServiceError } from '../services/service-error';
import type { Output } from './output';
import { DEFAULT_CORPUS } from './search-command';

const CONCORDANCE_USAGE = `Usage: carrel concordance '<query>' [--corpus <file.sqlite>] [--width n] [--sort ${CONCORDANCE_SORTS.join('|')}] [--limit n] [--json]`;
const COLLOCATES_USAGE = "Usage: carrel collocates '<term>' [--corpus <file.sqlite>] [--window n] [--min-count n] [--all-words] [--limit n] [--json]";

function integer(value: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** Opens the corpus, runs the service, and says a ServiceError's message as exit code 1. */
function withAnalysis(corpus: string | undefined, out: Output, run: (analysis: AnalysisService) => void): number {
  const store = openCorpus(path.resolve(corpus ?? DEFAULT_CORPUS));
  try {
    run(createAnalysisService(() => store));
    return 0;
  } catch (error) {
    if (error instanceof ServiceError) {
      out.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    store.close();
  }
}

/** `carrel concordance '<query>'`: keyword-in-context lines, aligned on the keyword. */
export function concordanceCommand(args: string[], out: Output): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { corpus: { type: 'string', short: 'c' }, width: { type: 'string' }, sort: { type: 'string' }, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } },
    });
  } catch (error) {
    out.error(`${(error as Error).message}\n${CONCORDANCE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const width = integer(values.width, 8, 1, 20);
  const limit = integer(values.limit, 50, 1, 1000);
  const sort = (values.sort ?? 'corpus') as ConcordanceSort;
  if (positionals.length !== 1 || width === undefined || limit === undefined || !CONCORDANCE_SORTS.includes(sort)) {
    out.error(`${CONCORDANCE_USAGE}\n  (one query, quoted; --width 1 to 20; --limit 1 to 1000)`);
    return 2;
  }
  return withAnalysis(values.corpus, out, (analysis) => {
    const response = analysis.concordance({ query: positionals[0]!, width, sort, limit });
    if (values.json) {
      const { tookMs, ...rest } = response;
      out.log(JSON.stringify({ ...rest, tookMs: Math.round(tookMs * 100) / 100 }, null, 2));
      return;
    }
    const shown = response.lines.length;
    out.log(`${response.total.toLocaleString('en')} line(s) for: ${response.query}${shown < response.total ? ` (showing ${shown})` : ''}${response.truncated ? ' (cut at the first 100,000)' : ''}`);
    if (response.notice) out.log(`Note: ${response.notice}`);
    const leftWidth = Math.max(0, ...response.lines.map((line) => line.left.length));
    for (const line of response.lines) {
      out.log(`${line.left.padStart(leftWidth)}  [${line.keyword}]  ${line.right}   (${line.documentId}, ¶${line.paragraph})`);
    }
  });
}

/** `carrel collocates '<term>'`: the words near a term, ranked by log-likelihood. */
export function collocatesCommand(args: string[], out: Output): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        corpus: { type: 'string', short: 'c' }, window: { type: 'string' }, 'min-count': { type: 'string' },
        'all-words': { type: 'boolean' }, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' },
      },
    });
  } catch (error) {
    out.error(`${(error as Error).message}\n${COLLOCATES_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const window = integer(values.window, 5, 1, 10);
  const minCount = integer(values['min-count'], 2, 1, 1000);
  const limit = integer(values.limit, 30, 1, 1000);
  if (positionals.length !== 1 || window === undefined || minCount === undefined || limit === undefined) {
    out.error(`${COLLOCATES_USAGE}\n  (one term, quoted; --window 1 to 10)`);
    return 2;
  }
  return withAnalysis(values.corpus, out, (analysis) => {
    const response = analysis.collocates({ query: positionals[0]!, window, minCount, limit, hideStopWords: !values['all-words'] });
    if (values.json) {
      const { tookMs, ...rest } = response;
      out.log(JSON.stringify({ ...rest, tookMs: Math.round(tookMs * 100) / 100 }, null, 2));
      return;
    }
    out.log(`Collocates of ${response.query} within ±${window} words: ${response.occurrences.toLocaleString('en')} occurrence(s) in ${response.corpusWords.toLocaleString('en')} words`);
    out.log(`${'word'.padEnd(24)}${'together'.padStart(9)}${'in corpus'.padStart(11)}${'G²'.padStart(10)}${'MI'.padStart(8)}`);
    for (const c of response.collocates) {
      out.log(`${c.word.padEnd(24)}${String(c.count).padStart(9)}${String(c.frequency).padStart(11)}${c.logLikelihood.toFixed(2).padStart(10)}${c.mutualInformation.toFixed(2).padStart(8)}`);
    }
  });
}
