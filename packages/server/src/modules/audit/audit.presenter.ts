import type { AuditEvent } from '@fengqiao/shared';
import type { AuditRow } from './audit.repository.js';

/** The one place an audit event's response shape is built. */
export function presentAuditEvent(row: AuditRow, objectName: string | null): AuditEvent {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    objectName,
    result: row.result,
    ip: row.ip,
    detail: row.detail ?? null,
  };
}

const CSV_COLUMNS = ['序号', '时间', '操作人', '操作', '对象类型', '对象', '结果', 'IP', '详情'];

function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // A leading = + - @ would run as a formula in Excel.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The export's first line, with a BOM so Excel reads it as UTF-8. */
export const AUDIT_CSV_HEADER = `\ufeff${CSV_COLUMNS.join(',')}\n`;

/** One audit event as a line of the CSV export, its time in China's local time. */
export function presentAuditCsvLine(r: AuditRow): string {
  const at = r.at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return `${[r.seq, at, r.actorName, r.action, r.objectType, r.objectId, r.result, r.ip, r.detail].map(csvCell).join(',')}\n`;
}
