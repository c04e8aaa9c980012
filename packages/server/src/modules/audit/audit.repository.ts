import { and, asc, desc, eq, gt, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { prefixPattern } from '../../db/like-pattern.js';
import { auditHead, auditLog } from '../../db/schema/index.js';

export type AuditRow = typeof auditLog.$inferSelect;

const HEAD_ID = 'chain';

/** Serialises chain appends until the surrounding transaction ends. */
export async function lockAuditChain(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7264001)`);
}

export async function readAuditHead(tx: DbOrTx): Promise<{ seq: number; hash: string } | null> {
  const rows = await tx.select().from(auditHead).where(eq(auditHead.id, HEAD_ID));
  return rows[0] ?? null;
}

export async function appendAuditRow(tx: DbOrTx, row: AuditRow): Promise<void> {
  await tx.insert(auditLog).values(row);
  await tx
    .insert(auditHead)
    .values({ id: HEAD_ID, seq: row.seq, hash: row.hash })
    .onConflictDoUpdate({ target: auditHead.id, set: { seq: row.seq, hash: row.hash } });
}

export async function readAuditBatch(db: DbOrTx, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}

export interface AuditFilter {
  beforeSeq?: number;
  actor?: string;
  action?: string;
  result?: string;
  from?: Date;
  to?: Date;
}

export async function searchAuditRows(db: DbOrTx, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (filter.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, filter.beforeSeq));
  if (filter.actor) conditions.push(eq(auditLog.actorName, filter.actor));
  if (filter.action) conditions.push(sql`${auditLog.action} like ${prefixPattern(filter.action)}`);
  if (filter.result) conditions.push(eq(auditLog.result, filter.result));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
