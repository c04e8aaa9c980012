import type { AuditAction } from '@fengqiao/shared';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../security/actor.js';
import { insertAuditRow } from './audit.repository.js';
import { type AuditContent, macAuditRow } from './audit-chain.js';

export type AuditResult = 'ok' | 'denied' | 'failed';

/** Who acted, and the station (tenant) the row belongs to; null station for bureau-wide accounts. */
export interface AuditActor {
  id: string;
  username: string;
  stationId: string | null;
}

export interface AuditEntry {
  actor?: AuditActor | null;
  /** The tenant of the row when it is not the actor's (system work, a sign-in of an unknown user: null). */
  stationId?: string | null;
  /** Named for the log in shared/audit-actions.ts. */
  action: AuditAction;
  objectType?: string | null;
  objectId?: string | null;
  result: AuditResult;
  ip?: string | null;
  detail?: Record<string, unknown> | null;
}

export function auditActorOf(actor: Pick<Actor, 'userId' | 'username' | 'stationId'>): AuditActor {
  return { id: actor.userId, username: actor.username, stationId: actor.stationId };
}

/**
 * Appends one audit row: a plain INSERT, no lock, no read. Pass the transaction of the write being
 * audited so that the write and its audit row commit together, or neither does. The sealer links the
 * row into the hash chain once it has committed (see audit-sealer.ts).
 */
export async function recordAudit(db: DbOrTx, key: Buffer, entry: AuditEntry): Promise<void> {
  const content: AuditContent = {
    id: uuidv7(),
    at: new Date(),
    stationId: entry.stationId !== undefined ? entry.stationId : (entry.actor?.stationId ?? null),
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.username ?? null,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    result: entry.result,
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
  };
  await insertAuditRow(db, { ...content, mac: macAuditRow(key, content) });
}
