import type { Db } from '../../sqlite/open-database';

/**
 * One numbered schema change. `up` runs inside a transaction together with setting
 * user_version to `version`, so a migration is applied entirely or not at all.
 */
export type Migration = { version: number; name: string; up(db: Db): void };
