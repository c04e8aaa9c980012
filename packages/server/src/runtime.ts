import type { Config } from './config.js';
import { connectDatabase, type Database } from './db/client.js';
import { findDurabilityProblems } from './db/durability-check.js';
import { startEmbeddedPostgres } from './db/embedded-postgres.js';
import { runMigrations } from './db/migrate.js';
import { installJobSchema } from './jobs/job-queue.js';
import { backfillAddressKeyIndexes } from './modules/households/address-key-backfill.js';
import { type Keys, keysFromMaster, loadOrCreateMasterKey } from './security/secret-key.js';

export interface Runtime {
  database: Database;
  keys: Keys;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database (embedded unless DATABASE_URL is set), loads the keys, applies migrations and
 * fills what they leave to the app (address key indexes of households filed before them).
 */
export async function openRuntime(
  config: Config,
  log: { info(msg: string): void; warn(msg: string): void } = console,
): Promise<Runtime> {
  const keys = keysFromMaster(loadOrCreateMasterKey(config.secretKeyFile));
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? embedded?.url;
  if (!url) throw new Error('no database');
  const database = connectDatabase(url);
  try {
    if (!embedded) {
      for (const problem of await findDurabilityProblems(database.pool)) {
        log.warn(
          `!!! 数据库配置不安全：${problem}。崩溃时可能丢失已确认的写入。 WARNING: ${problem} on ${redact(url)}`,
        );
      }
    }
    await runMigrations(database.db);
    await installJobSchema(database.db);
    const filled = await backfillAddressKeyIndexes(database.db, keys);
    if (filled > 0)
      log.info(`已为 ${filled} 户补全地址规范索引 (address key index backfilled for ${filled} households)`);
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  return {
    database,
    keys,
    embedded: Boolean(embedded),
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
