import type { DbOrTx } from '../../db/client.js';
import { appendAuditRow, lockAuditChain, readAuditBatch, readAuditHead } from './audit.repository.js';
import { GENESIS_HASH, hashAuditRow } from './audit-chain.js';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  actor?: { id: string; username: string } | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  result: AuditResult;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

/**
 * Appends one row to the hash chain. Pass the transaction of the write being audited so that
 * the write and its audit row commit together, or neither does.
 */
export async function recordAudit(db: DbOrTx, key: Buffer, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await lockAuditChain(tx);
    const head = await readAuditHead(tx);
    const prevHash = head?.hash ?? GENESIS_HASH;
    const fields = {
      seq: (head?.seq ?? 0) + 1,
      at: new Date(),
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.username ?? null,
      action: entry.action,
      objectType: entry.objectType ?? null,
      objectId: entry.objectId ?? null,
      result: entry.result,
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    };
    await appendAuditRow(tx, { ...fields, prevHash, hash: hashAuditRow(key, prevHash, fields) });
  });
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
  reason: string | null;
}

/** Walks the whole chain in seq order; the first row whose link or hash does not hold is named. */
export async function verifyAuditChain(
  db: DbOrTx,
  key: Buffer,
  batchSize = 5000,
): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const broken = (seq: number, reason: string) => ({ ok: false, checked, brokenAtSeq: seq, reason });
  for (;;) {
    const rows = await readAuditBatch(db, expectedSeq - 1, batchSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, `第 ${expectedSeq} 条记录缺失（已被删除）`);
      if (row.prevHash !== prevHash) return broken(row.seq, `第 ${row.seq} 条记录的前序哈希不匹配`);
      if (hashAuditRow(key, prevHash, row) !== row.hash)
        return broken(row.seq, `第 ${row.seq} 条记录内容被篡改（哈希不匹配）`);
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < batchSize) break;
  }
  const head = await readAuditHead(db);
  const lastSeq = expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head && head.hash !== prevHash)) {
    return broken(lastSeq + 1, `链尾记录缺失：应有 ${head?.seq ?? 0} 条，实有 ${lastSeq} 条`);
  }
  return { ok: true, checked, brokenAtSeq: null, reason: null };
}
