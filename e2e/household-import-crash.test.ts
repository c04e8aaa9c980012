import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateIdCard } from '@fengqiao/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { DEMO_PASSWORD } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

/** Enough households that the write takes seconds here, so the kill lands in its middle. */
const HOUSEHOLDS = 20_000;
const STREET = '断电路';
const NAME_CHARS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';

/**
 * kill -9 of the real server in the middle of an import's commit (issue 7, item 4): the register holds
 * either none or all of the file's households, never part, and the job, found interrupted by the
 * restarted server, is run again to the end instead of staying "running".
 */
describe('a household import cut off by kill -9', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let keyDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    keyDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-crash-'));
    // The restarted server must open the file the first one sealed: the same key.
    env = {
      DATABASE_URL: database.url,
      FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD,
      FENGQIAO_SECRET_KEY_FILE: path.join(keyDir, 'secret.key'),
    };
    server = await startServer(env);
  });
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  const households = async () =>
    Number(
      (await database.pool.query('select count(*) from households where street = $1', [STREET])).rows[0]
        .count,
    );

  async function signIn(url: string): Promise<string> {
    const response = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer01', password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  }

  async function poll(url: string, cookie: string, until: (job: Job) => boolean, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = (await (await fetch(url, { headers: { cookie } })).json()) as Job;
      if (until(job)) return job;
      const shown = {
        ...job,
        report: job.report && { ...job.report, errors: job.report.errors.slice(0, 3) },
      };
      if (job.status === 'failed' || job.status === 'succeeded' || Date.now() > deadline) {
        throw new Error(`job never got there: ${JSON.stringify(shown)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('leaves all or nothing, and the restarted server runs the job again to the end', async () => {
    const { rows } = await database.pool.query<{ lng: number; lat: number }>(
      `select h.lng, h.lat from households h
         join users u on u.username = 'officer01' and h.org_path like u.scope_path || '%'
        where h.grid_id is not null and h.lng is not null order by h.id limit 1`,
    );
    const { lng, lat } = rows[0] as { lng: number; lat: number };
    const name = (i: number) =>
      `断${[0, 1, 2].map((k) => NAME_CHARS[Math.floor(i / 20 ** k) % 20]).join('')}`;
    const lines = ['村/社区,街路,门牌号,经度,纬度,姓名,身份证号,与户主关系,户籍类型'];
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const birth = new Date(Date.UTC(1950, 0, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10);
      lines.push(
        `枫源村,${STREET},${i + 1}号,${lng},${lat},${name(i)},${generateIdCard('110105', birth, i % 1000)},户主,户籍`,
      );
    }
    const cookie = await signIn(server.url);
    const posted = await fetch(`${server.url}/api/v1/household-imports?mode=commit`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: lines.join('\r\n'),
    });
    expect(posted.status).toBe(202);
    const jobUrl = `${server.url}${posted.headers.get('location')}`;

    // Mid-write: some batches sent to PostgreSQL inside the commit's transaction, not all.
    const writing = await poll(
      jobUrl,
      cookie,
      (job) => job.progress.phase === 'write' && job.progress.householdsWritten >= 2000,
      120_000,
    );
    expect(writing.status).toBe('running');
    expect(writing.progress.householdsWritten).toBeLessThan(HOUSEHOLDS);
    await server.kill();
    const afterKill = await households();
    expect([0, HOUSEHOLDS]).toContain(afterKill);
    expect(afterKill).toBe(0);

    server = await startServer(env);
    const restartedUrl = jobUrl.replace(/^http:\/\/[^/]+/, server.url);
    const again = await signIn(server.url);
    const done = await poll(restartedUrl, again, (job) => job.status === 'succeeded', 150_000);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, failure: null });
    expect(done.notice).toContain('中断');
    expect(done.report?.written).toMatchObject({
      householdsCreated: HOUSEHOLDS,
      residentsCreated: HOUSEHOLDS,
    });
    expect(await households()).toBe(HOUSEHOLDS);
    // The sealed file is dropped once the job is over.
    const { rows: files } = await database.pool.query('select file_sealed from import_jobs');
    expect(files).toEqual([{ file_sealed: null }]);
  }, 400_000);
});

interface Job {
  status: string;
  attempts: number;
  notice: string | null;
  progress: { phase: string; householdsWritten: number };
  report: { written: Record<string, number> | null; errors: unknown[] } | null;
  failure: unknown;
}
