import { type AuditQuery, auditActionsOf } from '@fengqiao/shared';
import { decodeCursor, toPage } from '../../http/cursor.js';
import type { ServiceContext } from '../../security/context.js';
import { authorize } from '../../security/policy.js';
import { AUDIT_CSV_HEADER, presentAuditCsvLine, presentAuditEvent } from './audit.presenter.js';
import { type AuditFilter, countAuditRows, searchAuditRows } from './audit.repository.js';
import { auditActorOf, recordAudit } from './audit.service.js';
import { type AuditObjectNamers, nameAuditObjects } from './audit-object-names.js';
import type { AuditSealing } from './audit-sealer.js';
import { verifyAuditChain } from './audit-verify.js';

function filterOf(query: AuditQuery): AuditFilter {
  return {
    actor: query.actor || undefined,
    action: query.action || undefined,
    actions: query.group ? auditActionsOf(query.group) : undefined,
    result: query.result || undefined,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** The audit log is not scoped by org: the audit admin sees the whole station's trail, and only they do. */
export async function searchAuditEvents(ctx: ServiceContext, namers: AuditObjectNamers, query: AuditQuery) {
  await authorize(ctx, 'audit.read', 'audit_log');
  const limit = query.limit ?? 50;
  const filter = filterOf(query);
  const [rows, total] = await Promise.all([
    searchAuditRows(
      ctx.db,
      { ...filter, beforeSeq: query.cursor ? decodeCursor<number>(query.cursor) : undefined },
      limit + 1,
    ),
    countAuditRows(ctx.db, filter),
  ]);
  const nameOf = await nameAuditObjects(ctx, namers, rows.slice(0, limit));
  return {
    ...toPage(
      rows,
      limit,
      (row) => presentAuditEvent(row, nameOf(row)),
      (row) => row.seq,
    ),
    ...total,
  };
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
  yield AUDIT_CSV_HEADER;
  const filter = filterOf(query);
  let beforeSeq: number | undefined;
  for (;;) {
    const rows = await searchAuditRows(ctx.db, { ...filter, beforeSeq }, 1000);
    for (const r of rows) yield presentAuditCsvLine(r);
    if (rows.length < 1000) return;
    beforeSeq = rows.at(-1)?.seq;
  }
}

export async function verifyAuditTrail(ctx: ServiceContext, sealing: AuditSealing) {
  await authorize(ctx, 'audit.read', 'audit_log');
  return verifyAuditChain(sealing);
}
