import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import { prefixPattern } from '../../db/like-pattern.js';
import { preparedPerDb } from '../../db/prepared.js';
import { countRows, type RowTotal } from '../../db/row-total.js';
import { auditLog, auditSeals } from '../../db/schema/index.js';
import type { AuditContent, StoredAuditRow } from './audit-chain.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type AuditLink = typeof auditSeals.$inferInsert;

const placeholders = {
  id: sql.placeholder('id'),
  at: sql.placeholder('at'),
  stationId: sql.placeholder('stationId'),
  actorId: sql.placeholder('actorId'),
  actorName: sql.placeholder('actorName'),
  action: sql.placeholder('action'),
  objectType: sql.placeholder('objectType'),
  objectId: sql.placeholder('objectId'),
  result: sql.placeholder('result'),
  ip: sql.placeholder('ip'),
  detail: sql.placeholder('detail'),
  mac: sql.placeholder('mac'),
};

/** Audited reads write their row outside any transaction, on every call: built and planned once. */
const preparedInsert = preparedPerDb((db: Db) =>
  db.insert(auditLog).values(placeholders).prepare('audit_insert'),
);

/** A plain insert in the caller's transaction: no lock, no read; the database numbers the row. */
export async function insertAuditRow(db: DbOrTx, row: AuditContent & { mac: string }): Promise<void> {
  if (db instanceof PgTransaction) {
    await db.insert(auditLog).values(row);
    return;
  }
  await preparedInsert(db).execute({ ...row });
}

const storedColumns = {
  seq: auditLog.seq,
  id: auditLog.id,
  at: auditLog.at,
  stationId: auditLog.stationId,
  actorId: auditLog.actorId,
  actorName: auditLog.actorName,
  action: auditLog.action,
  objectType: auditLog.objectType,
  objectId: auditLog.objectId,
  result: auditLog.result,
  ip: auditLog.ip,
  detail: auditLog.detail,
  mac: auditLog.mac,
};

/** Oldest transaction still running when this statement's snapshot was taken. */
export async function readSnapshotXmin(tx: DbOrTx): Promise<string> {
  const { rows } = await tx.execute<{ xmin: string }>(
    sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`,
  );
  return rows[0]?.xmin ?? '0';
}

/** Session-level, so the sealer holds it across its commit and the checkpoint write that follows. */
export async function tryLockSealer(db: DbOrTx): Promise<boolean> {
  const { rows } = await db.execute<{ locked: boolean }>(sql`select pg_try_advisory_lock(7264002) as locked`);
  return rows[0]?.locked === true;
}

export async function unlockSealer(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_unlock(7264002)`);
}

export async function readChainHead(tx: DbOrTx): Promise<{ chainSeq: number; hash: string } | null> {
  const rows = await tx
    .select({ chainSeq: auditSeals.chainSeq, hash: auditSeals.hash })
    .from(auditSeals)
    .orderBy(desc(auditSeals.chainSeq))
    .limit(1);
  return rows[0] ?? null;
}

/** True when the head links a row from before migration 0008 (no MAC), i.e. nothing sealed since. */
export async function isLegacyLink(tx: DbOrTx, chainSeq: number): Promise<boolean> {
  const rows = await tx
    .select({ mac: auditLog.mac })
    .from(auditSeals)
    .innerJoin(auditLog, eq(auditLog.seq, auditSeals.auditSeq))
    .where(eq(auditSeals.chainSeq, chainSeq));
  return rows[0]?.mac === null;
}

export async function readSealFloor(tx: DbOrTx): Promise<string | null> {
  const rows = await tx
    .select({ floor: auditSeals.xidFloor })
    .from(auditSeals)
    .where(sql`${auditSeals.xidFloor} is not null`)
    .orderBy(desc(auditSeals.chainSeq))
    .limit(1);
  return rows[0]?.floor ?? null;
}

/**
 * Committed rows no link points to, in seq order, from transactions at or after `floor` (null: all).
 * Rows of older transactions were all visible, and so sealed, when the floor was set.
 */
export async function readUnsealedRows(
  tx: DbOrTx,
  floor: string | null,
  afterSeq: number,
  limit: number,
): Promise<(StoredAuditRow & { at: Date })[]> {
  const conditions: SQL[] = [
    sql`${auditLog.seq} > ${afterSeq}`,
    sql`not exists (select 1 from ${auditSeals} where ${auditSeals.auditSeq} = ${auditLog.seq})`,
  ];
  if (floor !== null) conditions.push(sql`${auditLog.xid} >= ${floor}::xid8`);
  return tx
    .select(storedColumns)
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(auditLog.seq)
    .limit(limit);
}

export async function insertAuditLinks(tx: DbOrTx, links: AuditLink[]): Promise<void> {
  if (links.length > 0) await tx.insert(auditSeals).values(links);
}

export interface ChainLinkWithRow {
  chainSeq: number;
  auditSeq: number;
  prevHash: string;
  hash: string;
  row: StoredAuditRow | null;
}

/** Links in chain order with the row each points to (null when that row is gone). */
export async function readChainBatch(db: DbOrTx, afterChainSeq: number, limit: number) {
  const rows = await db
    .select({
      chainSeq: auditSeals.chainSeq,
      auditSeq: auditSeals.auditSeq,
      prevHash: auditSeals.prevHash,
      hash: auditSeals.hash,
      row: storedColumns,
    })
    .from(auditSeals)
    .leftJoin(auditLog, eq(auditLog.seq, auditSeals.auditSeq))
    .where(sql`${auditSeals.chainSeq} > ${afterChainSeq}`)
    .orderBy(auditSeals.chainSeq)
    .limit(limit);
  return rows as ChainLinkWithRow[];
}

/** Some row id that appears more than once (a genuine row copied in), or null. */
export async function findDuplicateAuditId(db: DbOrTx): Promise<string | null> {
  const { rows } = await db.execute<{ id: string }>(
    sql`select id::text as id from ${auditLog} where id is not null group by id having count(*) > 1 limit 1`,
  );
  return rows[0]?.id ?? null;
}

export interface AuditFilter {
  beforeSeq?: number;
  actor?: string;
  action?: string;
  /** Any of these actions (an action group). */
  actions?: string[];
  result?: string;
  from?: Date;
  to?: Date;
}

function auditWhere(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(eq(auditLog.actorName, filter.actor));
  if (filter.action) conditions.push(sql`${auditLog.action} like ${prefixPattern(filter.action)}`);
  if (filter.actions) conditions.push(sql`${auditLog.action} = any(${sql.param(filter.actions)}::text[])`);
  if (filter.result) conditions.push(eq(auditLog.result, filter.result));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lte(auditLog.at, filter.to));
  return and(...conditions);
}

export async function searchAuditRows(db: DbOrTx, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  const where = auditWhere(filter);
  return db
    .select()
    .from(auditLog)
    .where(filter.beforeSeq !== undefined ? and(where, lt(auditLog.seq, filter.beforeSeq)) : where)
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

/** How many rows the search finds in all (exact up to 10,000, estimated past that). */
export function countAuditRows(db: DbOrTx, filter: AuditFilter): Promise<RowTotal> {
  const where = auditWhere(filter);
  return countRows(db, where ? sql`from ${auditLog} where ${where}` : sql`from ${auditLog}`);
}
