import type { AuditEvent, AuditQuery } from '@fengqiao/shared';
import { decodeCursor, toPage } from '../../http/cursor.js';
import type { ServiceContext } from '../../security/context.js';
import { authorize } from '../../security/policy.js';
import { type AuditFilter, type AuditRow, searchAuditRows } from './audit.repository.js';
import { auditActorOf, recordAudit } from './audit.service.js';
import type { AuditSealing } from './audit-sealer.js';
import { verifyAuditChain } from './audit-verify.js';

function presentAuditRow(row: AuditRow): AuditEvent {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    result: row.result,
    ip: row.ip,
    detail: row.detail ?? null,
  };
}

function filterOf(query: AuditQuery): AuditFilter {
  return {
    actor: query.actor || undefined,
    action: query.action || undefined,
    result: query.result || undefined,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** The audit log is not scoped by org: the audit admin sees the whole station's trail, and only they do. */
export async function searchAuditEvents(ctx: ServiceContext, query: AuditQuery) {
  await authorize(ctx, 'audit.read', 'audit_log');
  const limit = query.limit ?? 50;
  const rows = await searchAuditRows(
    ctx.db,
    { ...filterOf(query), beforeSeq: query.cursor ? decodeCursor<number>(query.cursor) : undefined },
    limit + 1,
  );
  return toPage(rows, limit, presentAuditRow, (row) => row.seq);
}

const CSV_COLUMNS = ['序号', '时间', '操作人', '操作', '对象类型', '对象', '结果', 'IP', '详情'];

function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // A leading = + - @ would run as a formula in Excel.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Yields CSV lines (with a BOM for Excel) page by page, so large exports stream. */
export async function* exportAuditCsv(ctx: ServiceContext, query: AuditQuery): AsyncGenerator<string> {
  await authorize(ctx, 'audit.export', 'audit_log');
  await recordAudit(ctx.db, ctx.keys.audit, {
    actor: auditActorOf(ctx.actor),
    action: 'audit.export',
    objectType: 'audit_log',
    result: 'ok',
    ip: ctx.ip,
    detail: { ...query },
  });
  yield `\ufeff${CSV_COLUMNS.join(',')}\n`;
  const filter = filterOf(query);
  let beforeSeq: number | undefined;
  for (;;) {
    const rows = await searchAuditRows(ctx.db, { ...filter, beforeSeq }, 1000);
    for (const r of rows) {
      const at = r.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      yield `${[r.seq, at, r.actorName, r.action, r.objectType, r.objectId, r.result, r.ip, r.detail].map(csvCell).join(',')}\n`;
    }
    if (rows.length < 1000) return;
    beforeSeq = rows.at(-1)?.seq;
  }
}

export async function verifyAuditTrail(ctx: ServiceContext, sealing: AuditSealing) {
  await authorize(ctx, 'audit.read', 'audit_log');
  return verifyAuditChain(sealing);
}
