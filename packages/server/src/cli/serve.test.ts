import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const DEMO_PASSWORD = 'Demo-Pass-2026';
const SHUTDOWN_DEADLINE_MS = 10_000;

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

describe('fengqiao serve', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ChildProcessWithoutNullStreams;
  let baseUrl: string;
  let stdout = '';
  let stderr = '';
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-serve-'));
    const port = await findFreePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [CLI, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        FENGQIAO_DATA_DIR: dataDir,
        FENGQIAO_SECRET_KEY_FILE: path.join(dataDir, 'secret.key'),
        FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
    });
    server.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('已启动')) resolve();
      });
      void exited.then(({ code, signal }) =>
        reject(
          new Error(`serve exited before its banner (code ${code}, signal ${signal}):\n${stdout}\n${stderr}`),
        ),
      );
    });
  });

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('prints the demo logins in its start-up banner', () => {
    expect(stdout).toContain('DATABASE_URL');
    expect(stdout).toContain(DEMO_PASSWORD);
    for (const username of ['officer01', 'chief', 'command01', 'gridworker01'])
      expect(stdout).toContain(username);
  });

  it('signs officer01 in over real HTTP', async () => {
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer01', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('fq_session='));
    expect(cookie).toBeDefined();

    const me = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { cookie: cookie?.split(';')[0] ?? '' } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe('officer01');
  });

  it('exits with code 0 on SIGTERM', async () => {
    server.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`serve did not exit within ${SHUTDOWN_DEADLINE_MS} ms of SIGTERM`)),
        SHUTDOWN_DEADLINE_MS,
      );
    });
    try {
      expect(await Promise.race([exited, deadline])).toEqual({ code: 0, signal: null });
    } finally {
      clearTimeout(timer);
    }
  }, 20_000);
});
