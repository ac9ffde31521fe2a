import { migration001 } from './001-initial';
import { migration002 } from './002-reading-progress';
import { migration003 } from './003-citations';
import { migration004 } from './004-coding';
import { migration005 } from './005-entity-edits';
import { migration007 } from './007-refi-guids';
import { migration008 } from './008-date-added';
import type { Migration } from './migration';

/**
 * Every migration, applied in the order of their numbers whatever their place in this list
 * (numbers are assigned to branches ahead of time, so one may be missing for a while: the
 * runner applies those above the file's user_version in ascending order). The schema version
 * of this app is the highest number.
 */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration008, migration007].sort((a, b) => a.version - b.version);

export const USER_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
