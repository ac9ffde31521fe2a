import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONCORDANCE_SORTS, type ConcordanceSort } from '../../common/analysis/analysis-types';
import { openCorpus } from '../corpus/corpus-store';
import { MAX_CONCORDANCE_LINES } from '../../common/analysis/analysis-types';
import { BUILD_MIN_WORDS } from '../../common/analysis/repeated-types';
import { concordanceCsv, createAnalysisService, wordListCsv, type AnalysisService } from '../services/analysis-service';
import { ServiceError } from '../services/service-error';
import type { Output } from './output';
import { DEFAULT_CORPUS } from './search-command';

const CONCORDANCE_USAGE = `Usage: carrel concordance '<query>' [--corpus <file.sqlite>] [--width n] [--sort ${CONCORDANCE_SORTS.join('|')}] [--limit n] [--json|--csv]`;
const WORDLIST_USAGE = 'Usage: carrel wordlist [--corpus <file.sqlite>] [--ngram 1|2|3] [--document <id>]… [--stopwords] [--sort count|word] [--limit n] [--json|--csv]';
const RELATED_USAGE = 'Usage: carrel related <document-id> [--corpus <file.sqlite>] [--limit n] [--json]';
const REPEATED_USAGE = 'Usage: carrel repeated [--corpus <file.sqlite>] [--min-words n] [--limit n] [--json]';
const COLLOCATES_USAGE = "Usage: carrel collocates '<term>' [--corpus <file.sqlite>] [--window n] [--min-count n] [--all-words] [--limit n] [--json]";

function integer(value: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** Opens the corpus, runs the service, and says a ServiceError's message as exit code 1. */
async function withAnalysis(corpus: string | undefined, out: Output, run: (analysis: AnalysisService) => void | Promise<void>): Promise<number> {
  const store = openCorpus(path.resolve(corpus ?? DEFAULT_CORPUS));
  try {
    await run(createAnalysisService(() => store));
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
export function concordanceCommand(args: string[], out: Output): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        corpus: { type: 'string', short: 'c' }, width: { type: 'string' }, sort: { type: 'string' }, limit: { type: 'string', short: 'n' },
        json: { type: 'boolean' }, csv: { type: 'boolean' },
      },
    });
  } catch (error) {
    out.error(`${(error as Error).message}\n${CONCORDANCE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const width = integer(values.width, 8, 1, 20);
  // CSV holds every line unless told otherwise; the screen the first 50.
  const limit = values.csv ? integer(values.limit, MAX_CONCORDANCE_LINES, 1, MAX_CONCORDANCE_LINES) : integer(values.limit, 50, 1, 1000);
  const sort = (values.sort ?? 'corpus') as ConcordanceSort;
  if (positionals.length !== 1 || width === undefined || limit === undefined || !CONCORDANCE_SORTS.includes(sort) || (values.json && values.csv)) {
    out.error(`${CONCORDANCE_USAGE}\n  (one query, quoted; --width 1 to 20; --limit 1 to 1000, with --csv to ${MAX_CONCORDANCE_LINES.toLocaleString('en')}; --json or --csv)`);
    return 2;
  }
  return withAnalysis(values.corpus, out, (analysis) => {
    if (values.csv) {
      const lines = [];
      for (let offset = 0; offset < limit; offset += 1000) {
        const page = analysis.concordance({ query: positionals[0]!, width, sort, offset, limit: Math.min(1000, limit - offset) });
        lines.push(...page.lines);
        if (offset + 1000 >= page.total) break;
      }
      out.log(concordanceCsv(lines).replace(/\r\n$/, ''));
      return;
    }
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
export function collocatesCommand(args: string[], out: Output): number | Promise<number> {
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

/** `carrel wordlist`: the most frequent words or n-grams of the corpus or of some documents. */
export async function wordListCommand(args: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        corpus: { type: 'string', short: 'c' }, ngram: { type: 'string' }, document: { type: 'string', multiple: true }, stopwords: { type: 'boolean' },
        sort: { type: 'string' }, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' }, csv: { type: 'boolean' },
      },
    });
  } catch (error) {
    out.error(`${(error as Error).message}\n${WORDLIST_USAGE}`);
    return 2;
  }
  const { values } = parsed;
  const n = integer(values.ngram, 1, 1, 3);
  const limit = integer(values.limit, values.csv || values.json ? 10_000 : 50, 1, 10_000);
  const sort = values.sort ?? 'count';
  if (n === undefined || limit === undefined || (sort !== 'count' && sort !== 'word') || (values.json && values.csv)) {
    out.error(`${WORDLIST_USAGE}\n  (--ngram 1 to 3; --limit 1 to 10,000; --stopwords hides function words; --json or --csv)`);
    return 2;
  }
  return withAnalysis(values.corpus, out, async (analysis) => {
    const response = await analysis.wordList({ n, hideStopWords: values.stopwords ?? false, sort, ...(values.document ? { documentIds: values.document } : {}) });
    const list = { ...response, entries: response.entries.slice(0, limit) };
    if (values.csv) {
      out.log(wordListCsv(list).replace(/\r\n$/, ''));
      return;
    }
    if (values.json) {
      const { tookMs, ...rest } = list;
      out.log(JSON.stringify({ ...rest, tookMs: Math.round(tookMs * 100) / 100 }, null, 2));
      return;
    }
    const kind = n === 1 ? 'words' : `${n}-grams`;
    out.log(`${response.tokens.toLocaleString('en')} ${kind} (${response.distinct.toLocaleString('en')} distinct) in ${response.documents.toLocaleString('en')} document(s)${values.stopwords ? ', function words hidden' : ''}`);
    const width = Math.max(12, ...list.entries.map((e) => e.words.length));
    out.log(`${(n === 1 ? 'word' : `${n}-gram`).padEnd(width)}${'count'.padStart(9)}${'documents'.padStart(11)}`);
    for (const e of list.entries) out.log(`${e.words.padEnd(width)}${String(e.count).padStart(9)}${String(e.documents).padStart(11)}`);
  });
}

/** `carrel related <document-id>`: the documents most like one, by TF-IDF cosine. */
export async function relatedCommand(args: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { corpus: { type: 'string', short: 'c' }, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } } });
  } catch (error) {
    out.error(`${(error as Error).message}\n${RELATED_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const limit = integer(values.limit, 8, 1, 50);
  if (positionals.length !== 1 || limit === undefined) {
    out.error(`${RELATED_USAGE}\n  (one document id, as the library or \`carrel search --json\` gives it; --limit 1 to 50)`);
    return 2;
  }
  return withAnalysis(values.corpus, out, async (analysis) => {
    const response = await analysis.relatedDocuments({ documentId: positionals[0]!, limit });
    if (values.json) {
      const { tookMs, ...rest } = response;
      out.log(JSON.stringify({ ...rest, tookMs: Math.round(tookMs * 100) / 100 }, null, 2));
      return;
    }
    if (response.related.length === 0) out.log(`No document shares distinctive words with ${response.documentId}.`);
    for (const r of response.related) out.log(`${r.score.toFixed(3)}  ${r.id}  ${r.title}`);
  });
}

/** `carrel repeated`: the corpus's repeated passages, in groups, largest first. */
export function repeatedCommand(args: string[], out: Output): Promise<number> | number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: { corpus: { type: 'string', short: 'c' }, 'min-words': { type: 'string' }, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } },
    });
  } catch (error) {
    out.error(`${(error as Error).message}\n${REPEATED_USAGE}`);
    return 2;
  }
  const { values } = parsed;
  const minWords = integer(values['min-words'], BUILD_MIN_WORDS, 1, 10_000);
  const limit = integer(values.limit, values.json ? 500 : 20, 1, 500);
  if (minWords === undefined || limit === undefined) {
    out.error(`${REPEATED_USAGE}\n  (--min-words 1 to 10,000: the build finds passages of ${BUILD_MIN_WORDS} words and more; --limit 1 to 500 groups)`);
    return 2;
  }
  return withAnalysis(values.corpus, out, (analysis) => {
    const response = analysis.repeatedPassages({ minWords, limit });
    if (values.json) {
      const { tookMs, ...rest } = response;
      out.log(JSON.stringify({ ...rest, tookMs: Math.round(tookMs * 100) / 100 }, null, 2));
      return;
    }
    const shown = response.groups.length;
    out.log(`${response.total.toLocaleString('en')} repeated passage(s) of ${response.minWords} words or more${shown < response.total ? ` (showing ${shown})` : ''}`);
    for (const group of response.groups) {
      const alike = group.similarity === 1 ? 'word for word' : `${Math.round(group.similarity * 100)} % similar or more`;
      out.log(`\n${group.size} places in ${group.documents} document(s), ${alike}: ${group.preview}`);
      for (const place of group.places) {
        out.log(`  ${`${Math.round(place.similarity * 100)} %`.padStart(5)}  ${place.documentId}  ${place.page ? `p. ${place.page}, ` : ''}¶ ${place.paragraph}  ${place.title}`);
      }
    }
  });
}
