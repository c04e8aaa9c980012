import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction or the database itself: repositories accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** What the pool connects with; other clients of the same database (the job queue) use it too. */
  url: string;
  close(): Promise<void>;
}

/**
 * The pool under a Drizzle database, for what needs one connection of its own for a while (a
 * session-level advisory lock) or speaks to pg directly (the job queue's migrations).
 */
export function poolOf(db: Db): pg.Pool {
  return (db as Db & { $client: pg.Pool }).$client;
}

export function connectDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'fengqiao' });
  pool.on('error', () => {
    // An idle client losing its server is reported on the next query; keep the process alive.
  });
  const db = drizzle(pool, { schema });
  return { db, pool, url, close: () => pool.end() };
}
