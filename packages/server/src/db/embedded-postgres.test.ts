import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from './data-dir-lock.js';
import { findDurabilityProblems } from './durability-check.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';

const CRASH_WRITER = fileURLToPath(new URL('../../test/fixtures/crash-writer.mjs', import.meta.url));
const ACKNOWLEDGED_BEFORE_KILL = 200;

const dataDirs: string[] = [];
const running: EmbeddedDatabase[] = [];

/** Under the OS temp dir and 0755: as root the cluster runs as `postgres`, which must enter it. */
function makeDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-embedded-'));
  chmodSync(dir, 0o755);
  dataDirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<EmbeddedDatabase> {
  const database = await startEmbeddedPostgres(dataDir);
  running.push(database);
  return database;
}

async function stop(database: EmbeddedDatabase): Promise<void> {
  running.splice(running.indexOf(database), 1);
  await database.stop();
}

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  return Number(readFileSync(file, 'utf8').split('\n')[0]) || null;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const database of running.splice(0)) await database.stop();
  for (const dir of dataDirs) {
    // A test that failed midway may have left a postmaster behind; none may outlive the run.
    const pid = postmasterPid(dir);
    if (pid && isProcessAlive(pid)) process.kill(pid, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('startEmbeddedPostgres', () => {
  it('refuses a second start on a data dir that is in use, and starts once the first has stopped', async () => {
    const dataDir = makeDataDir();
    const first = await start(dataDir);

    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(/正被另一个枫桥实例.*拒绝启动/);
    // The refused attempt must not have touched the running cluster.
    expect(await query(first.url, 'select 1 as one')).toEqual([{ one: 1 }]);

    await stop(first);
    const second = await start(dataDir);
    expect(await query(second.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await stop(second);
  }, 60_000);

  it('runs with fsync and synchronous_commit on', async () => {
    const database = await start(makeDataDir());
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    // pool.end() resolves before its client has closed; the shutdown below may still reach that client.
    pool.on('error', () => {});
    try {
      expect(await findDurabilityProblems(pool)).toEqual([]);
    } finally {
      await pool.end();
    }
    await stop(database);
  }, 60_000);
});

describe('the embedded cluster beside a running holder', () => {
  it('lets a CLI verb join the cluster a running server holds, and leaves it running when the verb ends', async () => {
    const dataDir = makeDataDir();
    const server = await start(dataDir);
    const verb = await startEmbeddedPostgres(dataDir, { join: true });
    expect(verb.joined).toBe(true);
    expect(new URL(verb.url).port).toBe(new URL(server.url).port);
    expect(await query(verb.url, 'select current_user as role')).toEqual([{ role: 'fengqiao_app' }]);
    await verb.stop();
    expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    // A second server is still refused.
    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(/正被另一个枫桥实例/);
    await stop(server);
  }, 60_000);

  it('waits for a server that is still shutting down (Ctrl-C, then npm start again) instead of refusing', async () => {
    const dataDir = makeDataDir();
    const lockModule = new URL('../../dist/db/data-dir-lock.js', import.meta.url).href;
    const previous = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
         acquireDataDirLock(${JSON.stringify(dataDir)}); console.log('locked'); setTimeout(() => {}, 1500);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => previous.stdout?.once('data', () => resolve()));
    const next = await start(dataDir);
    expect(previous.exitCode).toBe(0);
    expect(await query(next.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await stop(next);
  }, 60_000);

  it('starts the cluster itself for a CLI verb when nothing holds the data dir', async () => {
    const verb = await startEmbeddedPostgres(makeDataDir(), { join: true });
    running.push(verb);
    expect(verb.joined).toBe(false);
    expect(await query(verb.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await stop(verb);
  }, 60_000);
});

describe('database roles of the embedded cluster', () => {
  it('connects the app as a role that is neither superuser nor owner, and stores the passwords 0600', async () => {
    const dataDir = makeDataDir();
    const database = await start(dataDir);
    const [app] = await query<{ role: string; superuser: boolean; createrole: boolean }>(
      database.url,
      'select current_user as role, rolsuper as superuser, rolcreaterole as createrole from pg_roles where rolname = current_user',
    );
    expect(app).toEqual({ role: 'fengqiao_app', superuser: false, createrole: false });
    const [owner] = await query<{ role: string; superuser: boolean; owns: boolean }>(
      database.ownerUrl,
      `select current_user as role, rolsuper as superuser,
              (select pg_get_userbyid(datdba) from pg_database where datname = current_database()) = current_user as owns
         from pg_roles where rolname = current_user`,
    );
    expect(owner).toEqual({ role: 'fengqiao_owner', superuser: false, owns: true });
    for (const file of ['pg.password', 'pg-owner.password', 'pg-app.password'])
      expect(statSync(path.join(dataDir, file)).mode & 0o777).toBe(0o600);
    await stop(database);
  }, 60_000);

  it('hands tables a superuser made before the roles existed to the owner at the next start', async () => {
    const dataDir = makeDataDir();
    const first = await start(dataDir);
    const superuser = new pg.Client({ connectionString: first.superuserUrl });
    await superuser.connect();
    await superuser.query('create table legacy (id integer generated always as identity primary key)');
    await superuser.end();
    await stop(first);

    const second = await start(dataDir);
    const [legacy] = await query<{ owner: string }>(
      second.ownerUrl,
      "select pg_get_userbyid(relowner) as owner from pg_class where relname = 'legacy'",
    );
    expect(legacy).toEqual({ owner: 'fengqiao_owner' });
    await stop(second);
  }, 60_000);
});

describe('crash safety', () => {
  let writer: ChildProcess | undefined;

  afterAll(() => {
    if (writer?.exitCode === null && writer.signalCode === null) writer.kill('SIGKILL');
  });

  it('keeps every acknowledged row when the app is killed and restarted on the same data dir', async () => {
    const dataDir = makeDataDir();
    const child = spawn(process.execPath, [CRASH_WRITER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    writer = child;
    const acknowledged: number[] = [];
    let stderr = '';
    let pending = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const enoughWritten = new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        const lines = (pending + chunk.toString('utf8')).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (/^\d+$/.test(line)) acknowledged.push(Number(line));
        if (acknowledged.length >= ACKNOWLEDGED_BEFORE_KILL) resolve();
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`crash-writer exited early (code ${code}, signal ${signal}): ${stderr}`)),
      );
    });
    await enoughWritten;

    // While the writer holds the data dir, another process is refused as well.
    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(/正被另一个枫桥实例/);

    // Kill node only: its postgres is orphaned and keeps running, exactly as after a real crash.
    child.kill('SIGKILL');
    await exited;
    const orphan = postmasterPid(dataDir);
    expect(orphan).not.toBeNull();
    expect(isProcessAlive(orphan as number)).toBe(true);

    const recovered = await start(dataDir);
    expect(isProcessAlive(orphan as number)).toBe(false);
    const rows = await query<{ id: number }>(recovered.ownerUrl, 'select id from crash_rows order by id');
    const stored = new Set(rows.map((r) => r.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);
    expect(lost).toEqual([]);
    await stop(recovered);
  }, 60_000);
});
