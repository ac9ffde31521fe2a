import type { z } from 'zod';
import type { Input, Method, SameKeys } from './ipc-contract';
import { ANALYSIS_SCHEMAS } from './contract/analysis-schemas';
import { ENTITIES_SCHEMAS } from './contract/entities-schemas';
import { BOOKMARKS_SCHEMAS } from './contract/bookmarks-schemas';
import { CITATIONS_SCHEMAS } from './contract/citations-schemas';
import { CODING_SCHEMAS } from './contract/coding-schemas';
import { CORPORA_SCHEMAS } from './contract/corpora-schemas';
import { CORPUS_SCHEMAS } from './contract/corpus-schemas';
import { EXPORTS_SCHEMAS } from './contract/exports-schemas';
import { NOTEBOOK_SCHEMAS } from './contract/notebook-schemas';
import { NOTES_SCHEMAS } from './contract/notes-schemas';
import { PRINT_SCHEMAS } from './contract/print-schemas';
import { RECOVERY_SCHEMAS } from './contract/recovery-schemas';
import { SEARCH_SCHEMAS } from './contract/search-schemas';
import { SECURITY_SCHEMAS } from './contract/security-schemas';
import { SETTINGS_SCHEMAS } from './contract/settings-schemas';
import { USER_DATA_SCHEMAS } from './contract/user-data-schemas';

/** Argument schema of every method, merged from the features'; main validates each call with these before any service runs. */
export const INPUT_SCHEMAS = {
  ...CORPUS_SCHEMAS,
  ...CORPORA_SCHEMAS,
  ...SEARCH_SCHEMAS,
  ...NOTES_SCHEMAS,
  ...BOOKMARKS_SCHEMAS,
  ...NOTEBOOK_SCHEMAS,
  ...SECURITY_SCHEMAS,
  ...USER_DATA_SCHEMAS,
  ...RECOVERY_SCHEMAS,
  ...SETTINGS_SCHEMAS,
  ...ANALYSIS_SCHEMAS,
  ...ENTITIES_SCHEMAS,
  ...CITATIONS_SCHEMAS,
  ...EXPORTS_SCHEMAS,
  ...PRINT_SCHEMAS,
  ...CODING_SCHEMAS,
} satisfies { [M in Method]: z.ZodType<Input<M>> };

const schemasComplete: SameKeys<typeof INPUT_SCHEMAS, Record<Method, unknown>> = true;
void schemasComplete;
