import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { openRuntime } from '../runtime.js';
import { readDemoCredentials, saveDemoCredentials } from './demo-credentials.js';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

export async function serve(
  config: Config,
  options: { demoPassword?: string; seedDemo: boolean },
): Promise<void> {
  const started = Date.now();
  mkdirSync(config.dataDir, { recursive: true });
  // The app's modules load while the database starts: the two together are most of a restart.
  const modules = Promise.all([import('../app.js'), import('../modules/demo/demo-seed.service.js')]);
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
  const app = await buildApp({
    database: runtime.database,
    keys: runtime.keys,
    logger: { level: config.logLevel },
    webDir: WEB_DIR,
    cookieSecure: process.env.FENGQIAO_COOKIE_SECURE === 'true',
    trustProxy: process.env.FENGQIAO_TRUST_PROXY === 'true',
    webConfig: config.tileUrl ? { tileUrl: config.tileUrl } : {},
    publicUrl: config.publicUrl,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

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
