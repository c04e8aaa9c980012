import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/db/client.js';
import { ensureLoginRole, grantAppAccess, type LoginRole } from '../src/db/database-roles.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { runMigrations } from '../src/db/migrate.js';

export interface TestRoles {
  owner: LoginRole;
  app: LoginRole;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    pgRoles: TestRoles;
  }
}

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0): that
 * erased the failing exit code vitest sets, so a run with failed tests exited 0 and CI passed it. An
 * exit without a code keeps the one already set.
 */
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitProcess(code === 0 || code == null ? (process.exitCode ?? 0) : code)) as typeof process.exit;

/**
 * On a shared server (TEST_DATABASE_URL) the test roles are cluster-wide and shared by parallel runs, so
 * their password is fixed and never reset under another run's feet.
 */
const SHARED_SERVER_ROLES: TestRoles = {
  owner: { name: 'fengqiao_test_owner', password: 'fengqiao-test-owner' },
  app: { name: 'fengqiao_test_app', password: 'fengqiao-test-app' },
};

/**
 * One PostgreSQL for the run: the machine's server when TEST_DATABASE_URL is set, else an embedded one
 * under the OS temp dir. Migrations run once, as the owner role, into a template; each test file clones
 * it and the app under test connects as the app role, neither superuser nor owner, as in production.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  let roles = SHARED_SERVER_ROLES;
  if (!adminUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-test-'));
    chmodSync(dir, 0o755); // as root, the cluster runs as `postgres`, which must enter this dir
    const embedded = await startEmbeddedPostgres(dir);
    adminUrl = withDatabase(embedded.superuserUrl, 'postgres');
    roles = { owner: loginOf(embedded.ownerUrl), app: loginOf(embedded.url) };
    stopEmbedded = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = `fq_template_${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  if (process.env.TEST_DATABASE_URL) {
    await ensureLoginRole(client, roles.owner, { resetPassword: false });
    await ensureLoginRole(client, roles.app, { resetPassword: false });
  }
  await client.query(`drop database if exists ${template}`);
  await client.query(`create database ${template} owner ${pg.escapeIdentifier(roles.owner.name)}`);
  const owner = connectDatabase(withLogin(withDatabase(adminUrl, template), roles.owner), 1);
  await runMigrations(owner.db);
  await grantAppAccess(owner.pool, roles.app.name);
  await owner.close();

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgRoles', roles);

  return async () => {
    const stale = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like 'fq_test_${process.pid}_%' or datname = $1`,
      [template],
    );
    for (const { datname } of stale.rows)
      await client.query(`drop database if exists ${datname} with (force)`);
    await client.end();
    await stopEmbedded?.();
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function withLogin(url: string, login: LoginRole): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(login.name);
  parsed.password = encodeURIComponent(login.password);
  return parsed.toString();
}

function loginOf(url: string): LoginRole {
  const parsed = new URL(url);
  return { name: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
}
