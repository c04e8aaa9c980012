import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { APPEND_ONLY_TABLES } from './append-only-tables.js';
import { connectDatabase, type Database } from './client.js';
import { isMigrated, runMigrations } from './migrate.js';

let database: TestDatabase;
let owner: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = connectDatabase(database.ownerUrl, 1);
});
afterAll(async () => {
  await owner.close();
  await database.drop();
});

describe('migrations', () => {
  it('build every table on this server and run again as a no-op', async () => {
    await runMigrations(owner.db);
    const { rows } = await owner.pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      'api_tokens',
      'audit_log',
      'audit_seals',
      'household_events',
      'households',
      'import_jobs',
      'login_attempts',
      'org_units',
      'residents',
      'sessions',
      'users',
    ]);
    const applied = await owner.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    const journal = JSON.parse(
      readFileSync(new URL('../../migrations/meta/_journal.json', import.meta.url), 'utf8'),
    ) as { entries: unknown[] };
    expect(journal.entries.length).toBeGreaterThanOrEqual(6);
    expect(applied.rows[0].n).toBe(journal.entries.length);
  });

  it("lets the app's role see that nothing is pending, though it may not migrate", async () => {
    expect(await isMigrated(database)).toBe(true);
    await expect(runMigrations(database.db)).rejects.toThrow();
  });

  it('installs the append-only triggers on every append-only table', async () => {
    for (const table of APPEND_ONLY_TABLES) {
      const { rows } = await database.pool.query<{ tgname: string }>(
        'select tgname from pg_trigger where tgrelid = $1::regclass and not tgisinternal order by tgname',
        [table],
      );
      expect(rows.map((r) => r.tgname)).toEqual([`${table}_no_truncate`, `${table}_no_update`]);
    }
  });
});
