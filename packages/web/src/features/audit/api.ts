import type { AuditActionGroup, AuditEvent } from '@fengqiao/shared';
import { api, type Page, send } from '../../lib/api-client';

export interface AuditFilters {
  actor?: string;
  action?: string;
  group?: AuditActionGroup;
  result?: string;
  from?: string;
  to?: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  brokenAtSeq: number | null;
  reason: string | null;
}

export function listAuditEvents(
  filters: AuditFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<Page<AuditEvent>> {
  return api.get('/audit-events', { limit: 50, cursor, ...filters }, signal);
}

export function verifyAudit(): Promise<AuditVerifyResult> {
  return api.post('/audit-events/verify');
}

/** Downloads the CSV export of the filtered events (fetched, so errors show as messages). */
export async function exportAuditCsv(filters: AuditFilters): Promise<{ blob: Blob; filename: string }> {
  const res = await send('/audit-events/export', { query: { ...filters } });
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const raw = match?.[1] ?? match?.[2];
  const filename = raw
    ? decodeURIComponent(raw)
    : `audit-events-${new Date().toISOString().slice(0, 10)}.csv`;
  return { blob: await res.blob(), filename };
}
