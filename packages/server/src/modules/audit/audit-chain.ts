import { timingSafeEqual } from 'node:crypto';
import { hmacSm3 } from '../../lib/crypto/sm.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What a request writes: everything but the numbers the database gives (seq, xid). */
export interface AuditContent {
  id: string;
  at: Date;
  stationId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  detail: unknown;
}

/** A row as stored; rows from before migration 0008 have no id and no mac. */
export interface StoredAuditRow extends Omit<AuditContent, 'id'> {
  seq: number;
  id: string | null;
  mac: string | null;
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

/**
 * The row's own MAC, made at insert with no lock: it binds every field (the id too, so a copy of a
 * genuine row is a duplicate id) and cannot be made without the key.
 */
export function macAuditRow(key: Buffer, row: AuditContent): string {
  const body = canonicalJson([
    row.id,
    row.at.toISOString(),
    row.stationId,
    row.actorId,
    row.actorName,
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.ip,
    row.detail ?? null,
  ]);
  return hmacSm3(key, 'audit-row/v2', body).toString('hex');
}

/** A link of rows written before migration 0008: the hash over the content itself, as it was then. */
function hashLegacyRow(key: Buffer, prevHash: string, row: StoredAuditRow): string {
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

/** The chain link of a row: its place (prev hash), its number and, through its MAC, its content. */
export function hashAuditLink(key: Buffer, prevHash: string, row: StoredAuditRow): string {
  if (row.mac === null) return hashLegacyRow(key, prevHash, row);
  return hmacSm3(key, prevHash, 'link/v2', String(row.seq), row.mac).toString('hex');
}

export function hasValidMac(key: Buffer, row: StoredAuditRow): boolean {
  if (row.id === null || row.mac === null) return false;
  return sameHex(macAuditRow(key, { ...row, id: row.id }), row.mac);
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
