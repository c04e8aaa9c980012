import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli as runCliIn } from '../../test/run-cli.js';

const DEMO_PASSWORD = 'Demo-Pass-2026';

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

let dataDir: string;
let env: NodeJS.ProcessEnv;
let server: ChildProcessWithoutNullStreams;
let exited: Promise<unknown>;
let baseUrl: string;

const runCli = (...args: string[]) => runCliIn(env, ...args);

beforeAll(async () => {
  // Under the OS temp dir and 0755: as root the embedded cluster runs as `postgres`, which must enter it.
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-beside-'));
  chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  baseUrl = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    FENGQIAO_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;
  delete env.FENGQIAO_SECRET_KEY_FILE;
  delete env.FENGQIAO_DEMO_PASSWORD;
  server = spawn(process.execPath, [CLI, 'serve', '--no-demo'], { env });
  let output = '';
  exited = new Promise((resolve) => server.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('已启动')) resolve();
    };
    server.stdout.on('data', collect);
    server.stderr.on('data', collect);
    void exited.then(() => reject(new Error(`serve exited before its banner:\n${output}`)));
  });
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('every verb beside a running server on the same embedded data dir', () => {
  it('migrate runs on the server’s cluster', async () => {
    const result = await runCli('migrate');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('migrations applied');
  });

  it('seed demo seeds the database the server serves', async () => {
    const result = await runCli('seed', 'demo', '--password', DEMO_PASSWORD);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('officer01');
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer01', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
  }, 180_000);

  it('user create adds an account the server signs in', async () => {
    const result = await runCli(
      'user',
      'create',
      '--username',
      'beside01',
      '--display-name',
      '旁路',
      '--role',
      'community_officer',
      '--org',
      '330681-FQ-01',
      '--password',
      'Str0ng-Pass!2026',
    );
    expect(result.code, result.stderr).toBe(0);
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'beside01', password: 'Str0ng-Pass!2026' }),
    });
    expect(login.status).toBe(200);
  });

  it('token create prints a token the running server accepts over HTTP', async () => {
    const result = await runCli('token', 'create', '--username', 'sysadmin');
    expect(result.code, result.stderr).toBe(0);
    const me = await fetch(`${baseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${result.stdout.trim()}` },
    });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe('sysadmin');
  });

  it('import households dry-runs a file against the served register', async () => {
    const file = path.join(dataDir, 'one.csv');
    writeFileSync(
      file,
      '村/社区,街路,门牌号,经度,纬度,姓名,身份证号,与户主关系,户籍类型\n枫源村,测试路,1号,,,测试甲,123,户主,户籍\n',
    );
    const result = await runCli('import', 'households', file, '--username', 'officer01');
    expect(result.stdout).toContain('第 2 行');
    expect(result.stdout).toContain('未写入');
  });

  it('audit verify walks the chain the server and the verbs wrote', async () => {
    const result = await runCli('audit', 'verify');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('intact');
  });

  it('a second serve on the same data dir is still refused, and the first keeps serving', async () => {
    const result = await runCli('serve', '--port', '0');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('拒绝启动');
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
  });
});
