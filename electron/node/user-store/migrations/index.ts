import { migration001 } from './001-initial';
import { migration004 } from './004-coding';
import type { Migration } from './migration';

/**
 * Every migration in increasing version order; the schema version of this app is the last one's
 * number. Numbers may skip (004 was assigned before 002 and 003 landed): a database is migrated
 * by every migration above its user_version, in this order.
 */
export const MIGRATIONS: readonly Migration[] = [migration001, migration004];

export const USER_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
