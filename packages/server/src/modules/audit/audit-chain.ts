import { hmacSm3 } from '../../lib/crypto/sm.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  detail: unknown;
}

/** jsonb reorders object keys, so the hash input sorts them to stay stable across a round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditRow(key: Buffer, prevHash: string, row: ChainedFields): string {
  const body = canonicalJson([
    row.seq,
    row.at.toISOString(),
    row.actorId,
    row.actorName,
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.ip,
    row.detail ?? null,
  ]);
  return hmacSm3(key, prevHash, body).toString('hex');
}
