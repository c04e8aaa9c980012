import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { loadConfig } from '../config.js';
import { openRuntime } from '../runtime.js';
import { APPEND_ONLY_TABLES } from './append-only-tables.js';
import { findAppRoleProblems } from './database-roles.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("the app's database role", () => {
  it('is not a superuser and owns none of the tables', async () => {
    const { rows } = await database.pool.query<{ superuser: boolean; owned: number }>(
      `select rolsuper as superuser,
              (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and pg_has_role(current_user, c.relowner, 'USAGE')) as owned
         from pg_roles where rolname = current_user`,
    );
    expect(rows).toEqual([{ superuser: false, owned: 0 }]);
  });

  it('may not SET session_replication_role, so it cannot switch the append-only triggers off', async () => {
    await expect(database.pool.query('set session_replication_role = replica')).rejects.toThrow(
      /permission denied/,
    );
  });

  it('may read and append to audit_log but not UPDATE, DELETE or TRUNCATE it: the grant refuses before any trigger', async () => {
    expect(APPEND_ONLY_TABLES).toContain('audit_log');
    for (const statement of [
      "update audit_log set result = 'x'",
      'delete from audit_log',
      'truncate audit_log',
    ])
      await expect(database.pool.query(statement)).rejects.toThrow(/permission denied for table audit_log/);
    const { rows } = await database.pool.query<{ select: boolean; insert: boolean }>(
      "select has_table_privilege('audit_log', 'SELECT') as select, has_table_privilege('audit_log', 'INSERT') as insert",
    );
    expect(rows).toEqual([{ select: true, insert: true }]);
  });

  it('may still write every other table', async () => {
    const { rows } = await database.pool.query<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relname <> all($1::text[])
          and not (has_table_privilege(c.oid, 'INSERT') and has_table_privilege(c.oid, 'UPDATE')
                   and has_table_privilege(c.oid, 'DELETE'))`,
      [APPEND_ONLY_TABLES],
    );
    expect(rows).toEqual([]);
  });

  it('raises no warning, while a superuser and the owner each do', async () => {
    expect(await findAppRoleProblems(database.pool)).toEqual([]);
    const superuser = await withClient(database.superuserUrl, findAppRoleProblems);
    expect(superuser.join('\n')).toMatch(/is a superuser/);
    const owner = await withClient(database.ownerUrl, findAppRoleProblems);
    expect(owner.join('\n')).toMatch(/owns audit_log/);
  });
});

describe('openRuntime on an external DATABASE_URL', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-roles-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const open = async (env: Record<string, string>) => {
    const warnings: string[] = [];
    const runtime = await openRuntime(loadConfig({ FENGQIAO_DATA_DIR: dataDir, ...env }), {
      info: () => {},
      warn: (message) => warnings.push(message),
    });
    await runtime.close();
    return warnings;
  };

  it('warns loudly when the app connects as a superuser', async () => {
    const warnings = await open({ DATABASE_URL: database.superuserUrl });
    expect(warnings.join('\n')).toMatch(/!!! 数据库角色权限过大.*is a superuser/);
  });

  it('starts without a warning on the app role, migrating as DATABASE_OWNER_URL', async () => {
    expect(await open({ DATABASE_URL: database.url, DATABASE_OWNER_URL: database.ownerUrl })).toEqual([]);
  });
});
