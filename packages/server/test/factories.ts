import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Role, requiresTotp } from '@fengqiao/shared';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { type AppDeps, buildApp } from '../src/app.js';
import { type JobQueue, startJobQueue } from '../src/jobs/job-queue.js';
import { startWorkers } from '../src/jobs/workers.js';
import { createTotpSecret, currentTotp } from '../src/lib/security/totp.js';
import { type AuditSealing, type SealResult, sealAuditChain } from '../src/modules/audit/index.js';
import { type OrgUnitRecord, seedOrgUnit } from '../src/modules/orgs/index.js';
import { createUserAsSystem } from '../src/modules/users/index.js';
import type { SystemContext } from '../src/security/context.js';
import { keysFromMaster } from '../src/security/secret-key.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'Test-Pass-2026!';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  system: SystemContext;
  /** The app's job queue, its workers running in this process as in the server. */
  jobs: JobQueue;
  /** The audit chain's sealing, with a checkpoint file of this app's own under the OS temp dir. */
  sealing: AuditSealing;
  /** What the background sealer does every second in `serve`: tests call it before reading the chain. */
  seal(): Promise<SealResult>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { logger?: AppDeps['logger']; webDir?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const keys = keysFromMaster(randomBytes(32));
  const system = { db: database.db, keys };
  const jobs = await startJobQueue(database.url, { pollingIntervalSeconds: 0.5, max: 2 });
  const workers = await startWorkers(jobs, system);
  const anchorDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-audit-'));
  const checkpointFile = path.join(anchorDir, 'audit-checkpoints.log');
  const app = await buildApp({
    database,
    keys,
    jobs,
    logger: options.logger ?? (process.env.TEST_LOG ? { level: 'error' } : false),
    webDir: options.webDir,
    auditCheckpointFile: checkpointFile,
    auditSealEveryMs: 0,
  });
  const sealing = { pool: database.pool, keys, checkpointFile };
  return {
    app,
    database,
    system,
    jobs,
    sealing,
    seal: () => sealAuditChain(sealing),
    async close() {
      await app.close();
      workers.stop();
      await jobs.stop(1000);
      await database.drop();
      rmSync(anchorDir, { recursive: true, force: true });
    },
  };
}

export const square = (lng: number, lat: number, size = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

async function addUnit(
  ctx: SystemContext,
  parent: OrgUnitRecord | null,
  kind: OrgUnitRecord['kind'],
  name: string,
  boundary: unknown = null,
): Promise<OrgUnitRecord> {
  const id = uuidv7();
  const stationId =
    kind === 'station' ? id : parent?.kind === 'station' ? parent.id : (parent?.stationId ?? null);
  return seedOrgUnit(
    ctx.db,
    {
      id,
      parentId: parent?.id ?? null,
      stationId,
      kind,
      code: `T${randomBytes(5).toString('hex')}`,
      name,
      boundary,
    },
    parent,
  );
}

/** A station with two communities, one grid each: enough to test that A cannot see B. */
export async function createOrgTree(ctx: SystemContext) {
  const bureau = await addUnit(ctx, null, 'bureau', '测试市公安局');
  const station = await addUnit(ctx, bureau, 'station', '测试派出所');
  const communityA = await addUnit(ctx, station, 'community', '甲村', square(120.2, 29.6, 0.02));
  const gridA = await addUnit(ctx, communityA, 'grid', '甲村第一网格', square(120.2, 29.6));
  const communityB = await addUnit(ctx, station, 'community', '乙村', square(120.3, 29.6, 0.02));
  const gridB = await addUnit(ctx, communityB, 'grid', '乙村第一网格', square(120.3, 29.6));
  return { bureau, station, communityA, gridA, communityB, gridB };
}

export type OrgTree = Awaited<ReturnType<typeof createOrgTree>>;

export async function createTestUser(
  ctx: SystemContext,
  options: {
    roles: Role[];
    org: OrgUnitRecord;
    scope?: OrgUnitRecord;
    username?: string;
    totpSecret?: string;
  },
): Promise<{ id: string; username: string }> {
  const username = options.username ?? `u${randomBytes(5).toString('hex')}`;
  const id = await createUserAsSystem(ctx, {
    username,
    displayName: '测试用户',
    password: TEST_PASSWORD,
    roles: options.roles,
    orgUnitId: options.org.id,
    scopeOrgId: (options.scope ?? options.org).id,
    totpSecret: options.totpSecret ?? null,
  });
  return { id, username };
}

/** Signs in through the real endpoint and returns the Cookie header to send. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  extra: { totp?: string } = {},
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: TEST_PASSWORD, ...extra },
    // Each sign-in from its own address, so the per-address login limit does not trip in busy tests.
    remoteAddress: `127.${randomInt(255)}.${randomInt(255)}.${randomInt(1, 255)}`,
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'fq_session');
  if (!cookie) throw new Error('no session cookie');
  return `fq_session=${cookie.value}`;
}

/** Creates a user and signs them in; admin roles get a TOTP secret and sign in with a current code. */
export async function createSignedInUser(
  t: TestApp,
  options: { roles: Role[]; org: OrgUnitRecord; scope?: OrgUnitRecord },
): Promise<{ id: string; username: string; cookie: string }> {
  const totpSecret = requiresTotp(options.roles) ? createTotpSecret() : undefined;
  const user = await createTestUser(t.system, { ...options, totpSecret });
  const cookie = await loginAs(t.app, user.username, totpSecret ? { totp: currentTotp(totpSecret) } : {});
  return { ...user, cookie };
}

/** A valid ID number for tests: region 330681, the given birth date, a sequence number. */
export { generateIdCard } from '@fengqiao/shared';

/** Rows in the audit trail: a no-op must leave it as it was. */
export async function countAuditRows(t: TestApp): Promise<number> {
  return Number((await t.database.pool.query('select count(*) from audit_log')).rows[0].count);
}

/**
 * POST /household-imports and follow the job to its end, as the web does: answers the finished job
 * (its `report` once succeeded). Fails the test if the file is not queued (202 with a Location).
 */
export async function importHouseholdFile(t: TestApp, cookie: string, csv: string, query: string) {
  const posted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/household-imports?${query}`,
    headers: { cookie, 'content-type': 'text/csv' },
    payload: csv,
  });
  if (posted.statusCode !== 202) throw new Error(`import not queued: ${posted.statusCode} ${posted.body}`);
  for (;;) {
    const job = (
      await t.app.inject({ method: 'GET', url: posted.headers.location as string, headers: { cookie } })
    ).json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
