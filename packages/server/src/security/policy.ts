import type { AuditAction, Permission } from '@fengqiao/shared';

import { forbidden, type NotFoundKey, notFound } from '../http/app-error.js';
import { auditActorOf, recordAudit } from '../modules/audit/index.js';

import type { Actor } from './actor.js';
import type { ServiceContext } from './context.js';

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function isInScope(actor: Actor, objectPath: string): boolean {
  return objectPath.startsWith(actor.scopePath);
}

async function auditDenial(
  ctx: ServiceContext,
  action: AuditAction,
  objectType: string,
  objectId: string | null,
) {
  await recordAudit(ctx.db, ctx.keys.audit, {
    actor: auditActorOf(ctx.actor),
    action,
    objectType,
    objectId,
    result: 'denied',
    ip: ctx.ip,
  });
}

/** First line of every service function: refuse (and audit the refusal) unless the role allows it. */
export async function authorize(
  ctx: ServiceContext,
  permission: Permission,
  objectType: string,
  objectId: string | null = null,
): Promise<void> {
  if (can(ctx.actor, permission)) return;
  await auditDenial(ctx, permission, objectType, objectId);
  throw forbidden();
}

/** An object outside the caller's subtree is reported as missing, so its existence does not leak. */
export async function assertInScope(
  ctx: ServiceContext,
  objectPath: string | null | undefined,
  action: AuditAction,
  objectType: string,
  objectId: string,
  label?: NotFoundKey,
): Promise<void> {
  if (objectPath && isInScope(ctx.actor, objectPath)) return;
  if (objectPath) await auditDenial(ctx, action, objectType, objectId);
  throw notFound(label);
}
