import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/db/client.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { runMigrations } from '../src/db/migrate.js';
import { installJobSchema } from '../src/jobs/job-queue.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * One PostgreSQL for the run: the machine's server when TEST_DATABASE_URL is set, else an embedded one
 * under the OS temp dir. Migrations run once into a template; each test file clones it.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-test-'));
    chmodSync(dir, 0o755); // as root, the cluster runs as `postgres`, which must enter this dir
    const embedded = await startEmbeddedPostgres(dir);
    adminUrl = embedded.url.replace(/\/fengqiao$/, '/postgres');
    stopEmbedded = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = `fq_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const database = connectDatabase(templateUrl, 1);
  await runMigrations(database.db);
  await installJobSchema(database.db);
  await database.close();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    const stale = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'fq_test_${process.pid}_%' or datname = $1`,
      [template],
    );
    for (const { datname } of stale.rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await stopEmbedded?.();
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
