import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, USER_SCHEMA_VERSION } from '../../../../../electron/node/user-store/migrations';
import { ROOT } from '../../../../harness/paths';

const MIGRATION_DIR = path.join(ROOT, 'electron', 'node', 'user-store', 'migrations');
const TEST_DIR = path.join(ROOT, 'tests', 'electron', 'node', 'user-store', 'migrations');

describe('the migration list', () => {
  it('numbers migrations in increasing order with one NNN-name.ts file and one test per migration', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(USER_SCHEMA_VERSION).toBe(versions[versions.length - 1]);
    const files = fs.readdirSync(MIGRATION_DIR).filter((name) => /^\d{3}-/.test(name)).sort();
    expect(files).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}-${m.name}.ts`));
    for (const file of files) expect(fs.existsSync(path.join(TEST_DIR, file.replace(/\.ts$/, '.test.ts'))), file).toBe(true);
  });
});
