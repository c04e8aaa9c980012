import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_PASSWORD, loginCookie } from './login.mjs';
import { listeningUrl } from './net-util.mjs';
import { importServer } from './server-dist.mjs';

/** A fresh data dir under the OS temp dir; as root the `postgres` user must be able to enter it. */
export function makeDataDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-bench-'));
  chmodSync(dir, 0o755);
  return dir;
}

const quiet = { info() {}, warn: (msg) => console.warn(msg) };

/**
 * The real app, as `serve` builds it (embedded PostgreSQL, migrations, demo station), listening on a
 * free loopback port, with a session cookie of the station chief (station-wide data scope).
 */
export async function startApp(dataDir) {
  const { loadConfig } = await importServer('config.js');
  const { openRuntime } = await importServer('runtime.js');
  const { buildApp } = await importServer('app.js');
  const { isDatabaseEmpty, seedDemoStation } = await importServer('modules/demo/demo-seed.service.js');

  const runtime = await openRuntime(loadConfig({ FENGQIAO_DATA_DIR: dataDir }), quiet);
  let app;
  try {
    const system = { db: runtime.database.db, keys: runtime.keys };
    if (await isDatabaseEmpty(system.db)) await seedDemoStation(system, { password: BENCH_PASSWORD });
    // As `serve` runs it: audit rows sealed every second, checkpoints beside the cluster's directory.
    app = await buildApp({
      database: runtime.database,
      keys: runtime.keys,
      auditCheckpointFile: path.join(dataDir, 'audit-checkpoints.log'),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = listeningUrl(app);
    return {
      url,
      runtime,
      cookie: await loginCookie(url),
      async close() {
        await app.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await app?.close();
    await runtime.close();
    throw error;
  }
}
