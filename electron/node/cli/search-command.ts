import path from 'node:path';
import { parseArgs } from 'node:util';
import { bylineParts } from '../../common/corpus/byline';
import type { SearchResponse } from '../../common/search/search-types';
import { openCorpus } from '../corpus/corpus-store';
import { createSearchService } from '../services/search-service';
import { ServiceError } from '../services/service-error';
import type { Output } from './output';

const USAGE = "Usage: carrel search '<query>' [--corpus <file.sqlite>] [--limit n] [--json]";

/** The bundled corpus, relative to the repository (this file is electron/node/cli/). */
export const DEFAULT_CORPUS = path.resolve(__dirname, '..', '..', '..', 'resources', 'corpus', 'carrel.sqlite');

const OPTIONS = {
  corpus: { type: 'string', short: 'c' },
  limit: { type: 'string', short: 'n' },
  json: { type: 'boolean' },
} as const;

/** `carrel search '<query>' [--corpus <file>] [--limit n] [--json]` */
export function searchCommand(args: string[], out: Output): number {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    out.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (positionals.length !== 1 || !Number.isInteger(limit) || limit < 1 || limit > 500) {
    out.error(`${USAGE}\n  (one query, quoted; --limit between 1 and 500)`);
    return 2;
  }
  const store = openCorpus(path.resolve(values.corpus ?? DEFAULT_CORPUS));
  try {
    let response: SearchResponse;
    try {
      response = createSearchService(() => store).search({ query: positionals[0]!, limit });
    } catch (error) {
      if (error instanceof ServiceError) {
        out.error(error.message);
        return 1;
      }
      throw error;
    }
    if (values.json) out.log(JSON.stringify(toJson(response), null, 2));
    else printResults(out, response);
    return 0;
  } finally {
    store.close();
  }
}

function toJson(response: SearchResponse) {
  return {
    query: response.query,
    total: response.total,
    tookMs: Math.round(response.tookMs * 100) / 100,
    ...(response.notice ? { notice: response.notice } : {}),
    results: response.results.map((r) => ({
      id: r.id,
      title: r.title,
      source: r.source,
      author: r.author,
      ...(r.date ? { date: r.date } : {}),
      score: r.score,
      hitCount: r.hitCount,
      snippets: r.snippets.map((s) => ({
        text: s.text,
        offset: s.offset,
        highlights: s.highlights,
        // The same hits as offsets into the document text.
        hits: s.highlights.map((h) => ({ start: s.offset + h.start, end: s.offset + h.end })),
      })),
    })),
  };
}

function printResults(out: Output, response: SearchResponse): void {
  const shown = response.results.length;
  const count = response.total === 1 ? '1 document' : `${response.total} documents`;
  out.log(`${count} found for: ${response.query}${shown < response.total ? ` (showing ${shown})` : ''} · ${response.tookMs.toFixed(1)} ms`);
  if (response.notice) out.log(`Note: ${response.notice}`);
  response.results.forEach((r, i) => {
    out.log('');
    // The byline the library, the reader and the app's results show.
    const byline = bylineParts(r);
    out.log(`${i + 1}. ${r.title}${byline.length > 0 ? ` — ${byline.join(' · ')}` : ''}`);
    out.log(`   ${r.id} · score ${r.score.toFixed(3)} · ${r.hitCount} ${r.hitCount === 1 ? 'hit' : 'hits'}`);
    for (const s of r.snippets) {
      let marked = '';
      let at = 0;
      for (const h of s.highlights) {
        marked += `${s.text.slice(at, h.start)}«${s.text.slice(h.start, h.end)}»`;
        at = h.end;
      }
      out.log(`   … ${marked}${s.text.slice(at)} …`);
    }
  });
}
