import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../db/schema/index.js';
import { findDuplicateAuditId, readChainBatch, readUnsealedRows } from './audit.repository.js';
import { GENESIS_HASH, hashAuditLink, hasValidMac } from './audit-chain.js';
import { readCheckpoints } from './audit-checkpoint.js';
import { type AuditSealing, sealAuditChain } from './audit-sealer.js';

export interface ChainVerification {
  ok: boolean;
  /** Links walked. */
  checked: number;
  /** The chain position (link number) of the first failure, when it has one. */
  brokenAtSeq: number | null;
  reason: string | null;
  /** Signed checkpoints from outside the database that were compared with the chain. */
  checkpoints: number;
  /** Rows committed moments ago and not yet sealed (fine while younger than the grace period). */
  pending: number;
}

export interface VerifyOptions {
  batchSize?: number;
  /** An unsealed row older than this is a failure: the sealer runs every second. */
  unsealedGraceMs?: number;
  now?: Date;
}

/**
 * Seals what has committed, then checks: every link in order (number, previous hash, the row it
 * points to still there and unchanged), every row sealed or young, no row copied, and every signed
 * checkpoint from the file outside the database present in the chain, so a cut tail shows even
 * when the remaining chain is consistent.
 */
export async function verifyAuditChain(
  sealing: AuditSealing,
  { batchSize = 5000, unsealedGraceMs = 5 * 60_000, now = new Date() }: VerifyOptions = {},
): Promise<ChainVerification> {
  await sealAuditChain(sealing);
  const db = drizzle(sealing.pool, { schema });
  const key = sealing.keys.audit;
  const anchors = readCheckpoints(sealing.checkpointFile, sealing.keys.auditCheckpoint);
  const expected = new Map<number, { hash: string; line: number }[]>();
  for (const c of anchors.checkpoints) {
    const list = expected.get(c.seq) ?? [];
    list.push({ hash: c.hash, line: c.line });
    expected.set(c.seq, list);
  }
  let checked = 0;
  let pending = 0;
  const fail = (brokenAtSeq: number | null, reason: string): ChainVerification => ({
    ok: false,
    checked,
    brokenAtSeq,
    reason,
    checkpoints: anchors.checkpoints.length,
    pending,
  });

  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let sealedByApp = false;
  for (;;) {
    const links = await readChainBatch(db, expectedSeq - 1, batchSize);
    for (const link of links) {
      const n = expectedSeq;
      if (link.chainSeq !== n) return fail(n, `第 ${n} 个链节缺失（已被删除）`);
      if (link.prevHash !== prevHash) return fail(n, `第 ${n} 个链节的前序哈希不匹配`);
      const row = link.row;
      if (!row) return fail(n, `第 ${n} 条记录缺失（已被删除，记录序号 ${link.auditSeq}）`);
      if (row.mac !== null) {
        sealedByApp = true;
        if (!hasValidMac(key, row))
          return fail(n, `第 ${n} 条记录（序号 ${row.seq}）内容被篡改（校验码不符）`);
      }
      if (hashAuditLink(key, prevHash, row) !== link.hash)
        return fail(n, `第 ${n} 条记录（序号 ${row.seq}）内容被篡改（哈希不匹配）`);
      for (const anchor of expected.get(n) ?? []) {
        if (anchor.hash !== link.hash)
          return fail(n, `第 ${n} 个链节与检查点（文件第 ${anchor.line} 行）不符：链被改写`);
      }
      prevHash = link.hash;
      expectedSeq++;
      checked++;
    }
    if (links.length < batchSize) break;
  }

  const lastSeq = expectedSeq - 1;
  const beyond = anchors.checkpoints.filter((c) => c.seq > lastSeq).sort((a, b) => b.seq - a.seq)[0];
  if (beyond) {
    return fail(
      lastSeq + 1,
      `链尾记录缺失：检查点（文件第 ${beyond.line} 行）记录到第 ${beyond.seq} 个链节，链中只有 ${lastSeq} 个`,
    );
  }
  if (anchors.badLines.length > 0)
    return fail(null, `检查点文件第 ${anchors.badLines[0]} 行签名无效或格式错误`);
  if (!anchors.exists && sealedByApp) return fail(null, `检查点文件 ${sealing.checkpointFile} 缺失`);

  let afterSeq = 0;
  for (;;) {
    const rows = await readUnsealedRows(db, null, afterSeq, batchSize);
    for (const row of rows) {
      if (!hasValidMac(key, row))
        return fail(null, `记录序号 ${row.seq} 未封存且校验码不符（不是本系统写入的）`);
      if (now.getTime() - row.at.getTime() > unsealedGraceMs)
        return fail(
          null,
          `记录序号 ${row.seq} 写入已超过 ${Math.round(unsealedGraceMs / 60_000)} 分钟仍未封存`,
        );
      pending++;
    }
    if (rows.length < batchSize) break;
    afterSeq = rows.at(-1)?.seq ?? afterSeq;
  }
  const copied = await findDuplicateAuditId(db);
  if (copied) return fail(null, `记录 ${copied} 出现多次（被复制插入）`);
  return {
    ok: true,
    checked,
    brokenAtSeq: null,
    reason: null,
    checkpoints: anchors.checkpoints.length,
    pending,
  };
}
