import { migration001 } from './001-initial';
import { migration002 } from './002-reading-progress';
import type { Migration } from './migration';

/** Every migration in order; the schema version of this app is the last one's number. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];

export const USER_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
