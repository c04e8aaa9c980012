import type { AuditAction } from '@fengqiao/shared';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../security/context.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { insertHouseholdEvent } from './household.repository.js';

/** One change to a household file: a history row for the file and an audit row for the trail, together. */
export async function recordHouseholdChange(
  ctx: ServiceContext,
  tx: DbOrTx,
  change: {
    stationId: string;
    householdId: string;
    residentId?: string | null;
    kind: AuditAction;
    summary: string;
    changes?: Record<string, unknown> | null;
  },
): Promise<void> {
  await insertHouseholdEvent(tx, {
    stationId: change.stationId,
    householdId: change.householdId,
    residentId: change.residentId ?? null,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    kind: change.kind,
    summary: change.summary,
    changes: change.changes ?? null,
  });
  await recordAudit(tx, ctx.keys.audit, {
    actor: auditActorOf(ctx.actor),
    action: change.kind,
    objectType: change.residentId ? 'resident' : 'household',
    objectId: change.residentId ?? change.householdId,
    result: 'ok',
    ip: ctx.ip,
    detail: { householdId: change.householdId, ...(change.changes ? { changes: change.changes } : {}) },
  });
}
