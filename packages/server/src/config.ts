import path from 'node:path';

export interface Config {
  /** External PostgreSQL; when unset the embedded server is started in `<dataDir>/pg`. */
  databaseUrl: string | undefined;
  /** With an external database: the owner's login for migrations (default: DATABASE_URL). */
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  secretKeyFile: string;
  /** Signed checkpoints of the audit chain's head: outside the database cluster's directory. */
  auditCheckpointFile: string;
  logLevel: string;
  /** `text` (a line a person reads) or `json`; unset: text on a terminal, JSON otherwise. */
  logFormat: 'text' | 'json' | undefined;
  tileUrl: string | undefined;
  /** The address residents' phones reach, printed into door-plate QR codes. */
  publicUrl: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.FENGQIAO_DATA_DIR ?? './data');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    dataDir,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    secretKeyFile: path.resolve(env.FENGQIAO_SECRET_KEY_FILE ?? path.join(dataDir, 'secret.key')),
    auditCheckpointFile: path.resolve(
      env.FENGQIAO_AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.log'),
    ),
    logLevel: env.LOG_LEVEL ?? 'info',
    logFormat: logFormatOf(env.FENGQIAO_LOG_FORMAT),
    tileUrl: env.FENGQIAO_TILE_URL || undefined,
    publicUrl: env.FENGQIAO_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
  };
}

function logFormatOf(value: string | undefined): Config['logFormat'] {
  if (value === 'text' || value === 'json') return value;
  if (value) throw new Error(`FENGQIAO_LOG_FORMAT must be text or json, not ${value}`);
  return undefined;
}
