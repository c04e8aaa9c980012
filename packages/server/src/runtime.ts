import type { Config } from './config.js';
import { connectDatabase, type Database } from './db/client.js';
import { findAppRoleProblems } from './db/database-roles.js';
import { findDurabilityProblems } from './db/durability-check.js';
import { startEmbeddedPostgres } from './db/embedded-postgres.js';
import { migrateAsOwner } from './db/migrate.js';
import { backfillAddressKeyIndexes } from './modules/households/index.js';
import { type Keys, keysFromMaster, loadOrCreateMasterKey } from './security/secret-key.js';

export interface Runtime {
  database: Database;
  keys: Keys;
  embedded: boolean;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /**
   * When a running server holds the embedded data dir, use its cluster instead of refusing (CLI verbs).
   * `serve` leaves this off: a second server on one data dir is refused.
   */
  joinRunningServer?: boolean;
}

type Log = { info(msg: string): void; warn(msg: string): void };

/**
 * Opens the database (embedded unless DATABASE_URL is set), loads the keys, applies migrations as the owner,
 * lets the app's role at what they made, and fills what they leave to the app (address key indexes of
 * households filed before them).
 */
export async function openRuntime(
  config: Config,
  log: Log = console,
  options: RuntimeOptions = {},
): Promise<Runtime> {
  const keys = keysFromMaster(loadOrCreateMasterKey(config.secretKeyFile));
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres(config.dataDir, { join: options.joinRunningServer });
  const url = config.databaseUrl ?? embedded?.url;
  if (!url) throw new Error('no database');
  const ownerUrl = embedded?.ownerUrl ?? config.databaseOwnerUrl ?? url;
  const database = connectDatabase(url);
  try {
    if (!embedded) {
      for (const problem of await findDurabilityProblems(database.pool)) {
        log.warn(
          `!!! 数据库配置不安全：${problem}。崩溃时可能丢失已确认的写入。 WARNING: ${problem} on ${redact(url)}`,
        );
      }
    }
    await migrateAsOwner(database, ownerUrl === url ? null : ownerUrl);
    for (const problem of await findAppRoleProblems(database.pool)) {
      log.warn(
        `!!! 数据库角色权限过大：${problem}，审计日志可被绕过触发器改写。请按 README 建立属主与应用两个角色。 ` +
          `WARNING: ${problem} on ${redact(url)}; the audit trail is not protected from it`,
      );
    }
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
