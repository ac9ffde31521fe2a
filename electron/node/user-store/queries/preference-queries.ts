import type { Db } from '../../sqlite/open-database';

export function readPreference(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM preferences WHERE key = ?').pluck().get(key) as string | undefined;
}

export function writePreference(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
