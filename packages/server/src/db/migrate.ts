import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { installJobSchema } from '../jobs/job-queue.js';
import { connectDatabase, type Database, type Db } from './client.js';
import { grantAppAccess } from './database-roles.js';

/** The SQL migrations ship beside src/ and dist/, so both the sources and the build find them. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

const INSUFFICIENT_PRIVILEGE = '42501';

/** The schema's migrations, then pg-boss's schema and queues: both as the owner, before the app is granted. */
export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  await installJobSchema(db);
}

/** Whether the database already has the newest migration, as drizzle's journal table records it. */
export async function isMigrated(database: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  try {
    const { rows } = await database.pool.query<{ last: string | null }>(
      'select max(created_at) as last from drizzle.__drizzle_migrations',
    );
    const queue = await database.pool.query<{ installed: boolean }>(
      "select to_regclass('pgboss.version') is not null as installed",
    );
    return Number(rows[0]?.last ?? 0) >= newest && queue.rows[0]?.installed === true;
  } catch {
    return false;
  }
}

/**
 * Migrations run as the owner, who then grants the app's role what it may do with the result. Without a
 * separate owner login the app's own login migrates, which a locked-down app role can only do when
 * nothing is pending.
 */
export async function migrateAsOwner(app: Database, ownerUrl: string | null): Promise<void> {
  if (!ownerUrl) {
    if (await isMigrated(app)) return;
    await runMigrations(app.db).catch((error: unknown) => {
      const failure = error as { code?: string; cause?: { code?: string } };
      if ((failure.code ?? failure.cause?.code) !== INSUFFICIENT_PRIVILEGE) throw error;
      throw new Error(
        `数据库迁移需要属主角色：请设置 DATABASE_OWNER_URL 为拥有数据库的角色。\n` +
          `Migrations are pending and the app's role may not apply them; set DATABASE_OWNER_URL to the owner's login. ` +
          `(${(error as Error).message})`,
      );
    });
    return;
  }
  const { rows } = await app.pool.query<{ role: string }>('select current_user as role');
  const owner = connectDatabase(ownerUrl, 1);
  try {
    await runMigrations(owner.db);
    const appRole = rows[0]?.role;
    const { rows: ownerRows } = await owner.pool.query<{ role: string }>('select current_user as role');
    if (appRole && appRole !== ownerRows[0]?.role) await grantAppAccess(owner.pool, appRole);
  } finally {
    await owner.close();
  }
}
