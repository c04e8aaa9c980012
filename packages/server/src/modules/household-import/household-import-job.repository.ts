import { and, eq, getTableColumns, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DbOrTx } from '../../db/client.js';
import { importJobs } from '../../db/schema/index.js';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type NewImportJobRow = typeof importJobs.$inferInsert;
/** A job as shown: everything but the sealed file. */
export type ImportJobView = Omit<ImportJobRow, 'fileSealed'>;

const { fileSealed: _file, ...viewColumns } = getTableColumns(importJobs);

export async function insertImportJob(db: DbOrTx, row: NewImportJobRow): Promise<void> {
  await db.insert(importJobs).values(row);
}

export async function findImportJob(db: DbOrTx, id: string): Promise<ImportJobView | undefined> {
  const rows = await db.select(viewColumns).from(importJobs).where(eq(importJobs.id, id));
  return rows[0];
}

export async function findImportJobFile(db: DbOrTx, id: string): Promise<Buffer | null> {
  const rows = await db.select({ file: importJobs.fileSealed }).from(importJobs).where(eq(importJobs.id, id));
  return rows[0]?.file ?? null;
}

type Patch = Partial<Omit<NewImportJobRow, 'id' | 'createdAt' | 'attempts'>> & { attempts?: number | SQL };

/** Updates the job, only while its status is one of `whileStatus`; answers whether it did. */
export async function updateImportJob(
  db: DbOrTx,
  id: string,
  patch: Patch,
  whileStatus: readonly string[] = ['queued', 'running'],
): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, [...whileStatus])))
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

export const nextAttempt = sql`${importJobs.attempts} + 1`;

/** Jobs not finished, with whether they were last touched more than `quietSeconds` ago. */
export async function findUnfinishedImportJobs(db: DbOrTx, quietSeconds: number) {
  return db
    .select({
      id: importJobs.id,
      status: importJobs.status,
      bossJobId: importJobs.bossJobId,
      quiet: sql<boolean>`${importJobs.updatedAt} < now() - make_interval(secs => ${quietSeconds})`,
    })
    .from(importJobs)
    .where(inArray(importJobs.status, ['queued', 'running']));
}

/** Finished jobs older than `days`: their reports go with them. */
export async function deleteImportJobsFinishedBefore(db: DbOrTx, days: number): Promise<void> {
  await db.delete(importJobs).where(lt(importJobs.finishedAt, sql`now() - make_interval(days => ${days})`));
}

/**
 * Takes the job's session-level advisory lock on `client`: held by the one process running the job,
 * released by PostgreSQL when that process's connection ends, however it ends (kill -9 included).
 */
export async function tryLockImportJob(client: pg.PoolClient, id: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    "select pg_try_advisory_lock(hashtextextended('import_jobs:' || $1, 0)) as locked",
    [id],
  );
  return rows[0]?.locked === true;
}

export async function unlockImportJob(client: pg.PoolClient, id: string): Promise<void> {
  await client.query("select pg_advisory_unlock(hashtextextended('import_jobs:' || $1, 0))", [id]);
}
