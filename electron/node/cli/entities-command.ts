import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENTITY_TYPES, type EntityType } from '../../common/entities/entity-types';
import { openCorpus } from '../corpus/corpus-store';
import { createEntityService } from '../services/entity-service';
import { ServiceError } from '../services/service-error';
import type { Output } from './output';
import { DEFAULT_CORPUS } from './search-command';

const USAGE = `Usage: carrel entities [--type ${ENTITY_TYPES.join('|')}] [--filter <letters>] [--corpus <file.sqlite>] [--limit n] [--json]`;

/** `carrel entities`: the entity index as built (suggestions; the app's edits live with the notes). */
export function entitiesCommand(args: string[], out: Output): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      options: { corpus: { type: 'string', short: 'c' }, type: { type: 'string', short: 't' }, filter: { type: 'string' }, limit: { type: 'string', short: 'n' }, json: { type: 'boolean' } },
    });
  } catch (error) {
    out.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  const limit = values.limit === undefined ? (values.json ? 20_000 : 50) : Number(values.limit);
  const type = values.type as EntityType | undefined;
  if ((type !== undefined && !ENTITY_TYPES.includes(type)) || !Number.isInteger(limit) || limit < 1 || limit > 20_000) {
    out.error(`${USAGE}\n  (--type one of ${ENTITY_TYPES.join(', ')}; --limit 1 to 20,000)`);
    return 2;
  }
  const store = openCorpus(path.resolve(values.corpus ?? DEFAULT_CORPUS));
  try {
    const response = createEntityService(() => store).listEntities({ ...(type ? { type } : {}), ...(values.filter ? { filter: values.filter } : {}), limit });
    if (values.json) {
      out.log(JSON.stringify({ matching: response.matching, entities: response.entities.map(({ hidden: _h, renamed: _r, ...e }) => e) }, null, 2));
      return 0;
    }
    out.log(`${response.matching.toLocaleString('en')} suggested entr${response.matching === 1 ? 'y' : 'ies'}${type ? ` (${type})` : ''}${response.entities.length < response.matching ? `, the ${response.entities.length} most mentioned` : ''}:`);
    const width = Math.max(12, ...response.entities.map((e) => e.name.length));
    out.log(`${'type'.padEnd(8)}${'name'.padEnd(width + 2)}${'mentions'.padStart(8)}${'documents'.padStart(11)}  spellings`);
    for (const e of response.entities) {
      const spellings = e.variants.length > 1 ? e.variants.map((v) => v.name).join(' · ') : '';
      out.log(`${e.type.padEnd(8)}${e.name.padEnd(width + 2)}${String(e.mentions).padStart(8)}${String(e.documents).padStart(11)}  ${spellings}`);
    }
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
