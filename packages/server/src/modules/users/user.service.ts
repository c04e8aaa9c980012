import {
  ADMIN_ROLES,
  type AuditAction,
  type Role,
  roleConflictKey,
  USERNAME_PATTERN,
  type User,
  type UserCreate,
  type UserUpdate,
} from '@fengqiao/shared';
import { preparedPerDb } from '../../db/prepared.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/app-error.js';
import { decodeCursor, toPage } from '../../http/cursor.js';

import { hashPassword } from '../../lib/security/password-hash.js';
import { passwordProblems } from '../../lib/security/password-policy.js';
import { sealTotpSecret } from '../../lib/security/totp.js';

import type { ServiceContext, SystemContext } from '../../security/context.js';
import { assertInScope, authorize } from '../../security/policy.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { findOrgUnit as findOrgUnitById, scopePattern } from '../orgs/index.js';
import type { UserEvents } from './user.events.js';
import { presentUser } from './user.presenter.js';
import {
  countUserViews,
  findUserByUsername,
  findUserView,
  insertUser,
  listUserViews,
  prepareFirstUserPage,
  type UserView,
  updateUser,
} from './user.repository.js';

function assertStrongPassword(password: string, username: string): void {
  const problems = passwordProblems(password, { username });
  if (problems.length > 0) {
    throw invalid(
      'weak_password',
      undefined,
      problems.map((problem) => ({ field: 'password', ...problem })),
    );
  }
}

function assertRolesAllowed(roles: Role[]): void {
  const key = roleConflictKey(roles);
  if (key) throw new AppError(422, 'role_conflict', undefined, [{ field: 'roles', key }], { key });
}

const firstUserPage = preparedPerDb(prepareFirstUserPage);

async function loadUserInScope(ctx: ServiceContext, id: string, action: AuditAction): Promise<UserView> {
  const view = await findUserView(ctx.db, id);
  await assertInScope(ctx, view?.orgPath, action, 'user', id, 'not_found.user');
  return view as UserView;
}

/** The unit must exist and lie in the caller's subtree; returns its path. */
async function loadOrgInScope(
  ctx: ServiceContext,
  orgId: string,
  field: string,
): Promise<{ path: string; stationId: string | null }> {
  const org = await findOrgUnitById(ctx.db, orgId);
  if (!org?.path.startsWith(ctx.actor.scopePath)) {
    throw invalid('org_unit_not_found', undefined, [{ field, key: 'field.org_unit_not_found' }]);
  }
  return { path: org.path, stationId: org.kind === 'station' ? org.id : org.stationId };
}

export async function listUsers(
  ctx: ServiceContext,
  query: { limit?: number; cursor?: string; q?: string; role?: string; orgUnitId?: string },
): Promise<{ items: User[]; nextCursor: string | null; total: number; totalExact: boolean }> {
  await authorize(ctx, 'user.read', 'user');
  const limit = query.limit ?? 50;
  const orgPath = query.orgUnitId
    ? (await loadOrgInScope(ctx, query.orgUnitId, 'orgUnitId')).path
    : undefined;
  const q = query.q?.trim() || undefined;
  const filter = { scopePath: ctx.actor.scopePath, q, role: query.role, orgPath };
  const plainFirstPage = !query.cursor && !q && !query.role && !orgPath;
  const [rows, total] = await Promise.all([
    plainFirstPage
      ? firstUserPage(ctx.db).execute({ scopePattern: scopePattern(ctx.actor.scopePath), limit: limit + 1 })
      : listUserViews(
          ctx.db,
          { ...filter, afterUsername: query.cursor ? decodeCursor(query.cursor) : undefined },
          limit + 1,
        ),
    countUserViews(ctx.db, filter),
  ]);
  return { ...toPage(rows, limit, presentUser, (row) => row.user.username), ...total };
}

export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  await authorize(ctx, 'user.read', 'user', id);
  return presentUser(await loadUserInScope(ctx, id, 'user.read'));
}

export async function createUser(ctx: ServiceContext, input: UserCreate): Promise<User> {
  await authorize(ctx, 'user.write', 'user');
  if (input.roles.some((r) => ADMIN_ROLES.includes(r))) await authorize(ctx, 'user.assign_roles', 'user');
  assertRolesAllowed(input.roles);
  assertStrongPassword(input.password, input.username);
  const org = await loadOrgInScope(ctx, input.orgUnitId, 'orgUnitId');
  const scope = await loadOrgInScope(ctx, input.scopeOrgId ?? input.orgUnitId, 'scopeOrgId');
  if (await findUserByUsername(ctx.db, input.username)) {
    throw conflict('username_taken', { username: input.username });
  }
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles: input.roles,
      orgUnitId: input.orgUnitId,
      scopeOrgId: input.scopeOrgId ?? input.orgUnitId,
      scopePath: scope.path,
      stationId: org.stationId,
      workPhone: input.workPhone ?? null,
    });
    await auditWrite(ctx, tx, 'user.create', row.id, { username: input.username, roles: input.roles });
    return row.id;
  });
  return getUser(ctx, id);
}

async function auditWrite(
  ctx: ServiceContext,
  tx: Parameters<typeof recordAudit>[0],
  action: AuditAction,
  objectId: string,
  detail?: Record<string, unknown>,
) {
  await recordAudit(tx, ctx.keys.audit, {
    actor: auditActorOf(ctx.actor),
    action,
    objectType: 'user',
    objectId,
    result: 'ok',
    ip: ctx.ip,
    detail: detail ?? null,
  });
}

/** The fields of an edit whose values differ from the account's (roles compared as a set). */
function changedFields(was: UserView['user'], input: UserUpdate): UserUpdate {
  const changed: UserUpdate = {};
  if (input.displayName !== undefined && input.displayName !== was.displayName)
    changed.displayName = input.displayName;
  if (input.roles !== undefined && [...input.roles].sort().join() !== [...was.roles].sort().join())
    changed.roles = input.roles;
  if (input.orgUnitId !== undefined && input.orgUnitId !== was.orgUnitId) changed.orgUnitId = input.orgUnitId;
  if (input.scopeOrgId !== undefined && input.scopeOrgId !== was.scopeOrgId)
    changed.scopeOrgId = input.scopeOrgId;
  if (input.disabled !== undefined && input.disabled !== was.disabled) changed.disabled = input.disabled;
  if (input.workPhone !== undefined && input.workPhone !== was.workPhone) changed.workPhone = input.workPhone;
  return changed;
}

export async function updateUserAccount(
  ctx: ServiceContext,
  events: UserEvents,
  id: string,
  input: UserUpdate,
): Promise<User> {
  const needsRoles = input.roles !== undefined;
  const needsWrite =
    input.displayName !== undefined ||
    input.orgUnitId !== undefined ||
    input.scopeOrgId !== undefined ||
    input.disabled !== undefined ||
    input.workPhone !== undefined;
  if (needsRoles) await authorize(ctx, 'user.assign_roles', 'user', id);
  if (needsWrite) await authorize(ctx, 'user.write', 'user', id);
  if (!needsRoles && !needsWrite) await authorize(ctx, 'user.write', 'user', id);
  const current = await loadUserInScope(ctx, id, 'user.write');
  const changed = changedFields(current.user, input);
  // Nothing differs from the account: no write, no revoked sessions, no audit row.
  if (Object.keys(changed).length === 0) return getUser(ctx, id);
  if (
    id === ctx.actor.userId &&
    (changed.roles !== undefined || changed.disabled !== undefined || changed.scopeOrgId !== undefined)
  ) {
    throw forbidden('forbidden.own_account');
  }
  if (changed.roles) assertRolesAllowed(changed.roles);
  const patch: Parameters<typeof updateUser>[2] = {};
  if (changed.displayName !== undefined) patch.displayName = changed.displayName;
  if (changed.roles !== undefined) patch.roles = changed.roles;
  if (changed.disabled !== undefined) patch.disabled = changed.disabled;
  if (changed.workPhone !== undefined) patch.workPhone = changed.workPhone;
  if (changed.orgUnitId !== undefined) {
    patch.orgUnitId = changed.orgUnitId;
    patch.stationId = (await loadOrgInScope(ctx, changed.orgUnitId, 'orgUnitId')).stationId;
  }
  if (changed.scopeOrgId !== undefined) {
    patch.scopeOrgId = changed.scopeOrgId;
    patch.scopePath = (await loadOrgInScope(ctx, changed.scopeOrgId, 'scopeOrgId')).path;
  }
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, id, patch);
    // Losing access must take effect now, not at the next idle timeout.
    if (changed.disabled || changed.roles || changed.scopeOrgId) await events.accessLost(tx, id);
    await auditWrite(ctx, tx, 'user.update', id, { ...changed, username: current.user.username });
  });
  return getUser(ctx, id);
}

export async function resetUserPassword(
  ctx: ServiceContext,
  events: UserEvents,
  id: string,
  password: string,
): Promise<void> {
  await authorize(ctx, 'user.write', 'user', id);
  const current = await loadUserInScope(ctx, id, 'user.write');
  assertStrongPassword(password, current.user.username);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, id, { passwordHash });
    await events.accessLost(tx, id);
    await auditWrite(ctx, tx, 'user.password_reset', id);
  });
}

export async function unlockUser(ctx: ServiceContext, id: string): Promise<void> {
  await authorize(ctx, 'user.unlock', 'user', id);
  await loadUserInScope(ctx, id, 'user.unlock');
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, id, { lockedUntil: null, failedLogins: 0 });
    await auditWrite(ctx, tx, 'user.unlock', id);
  });
}

export async function getMeUser(ctx: ServiceContext): Promise<User> {
  const view = await findUserView(ctx.db, ctx.actor.userId);
  if (!view) throw notFound('not_found.user');
  return presentUser(view);
}

/** System path (CLI, seed): no caller to check, but the same rules on passwords and roles. */
export async function createUserAsSystem(
  ctx: SystemContext,
  input: UserCreate & { totpSecret?: string | null },
): Promise<string> {
  if (!new RegExp(USERNAME_PATTERN).test(input.username)) {
    throw invalid('invalid_username', undefined, [{ field: 'username', key: 'field.invalid_username' }]);
  }
  assertRolesAllowed(input.roles);
  assertStrongPassword(input.password, input.username);
  const org = await findOrgUnitById(ctx.db, input.orgUnitId);
  const scope = await findOrgUnitById(ctx.db, input.scopeOrgId ?? input.orgUnitId);
  if (!org || !scope)
    throw new AppError(422, 'org_unit_not_found', undefined, undefined, { key: 'org_unit_not_found.any' });
  if (await findUserByUsername(ctx.db, input.username))
    throw conflict('username_taken', { username: input.username });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const row = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles: input.roles,
      orgUnitId: org.id,
      scopeOrgId: scope.id,
      scopePath: scope.path,
      stationId: org.kind === 'station' ? org.id : org.stationId,
      totpSecret: input.totpSecret ? sealTotpSecret(ctx.keys.field, input.totpSecret) : null,
      totpEnabled: Boolean(input.totpSecret),
    });
    await recordAudit(tx, ctx.keys.audit, {
      actor: null,
      stationId: row.stationId ?? null,
      action: 'user.create',
      objectType: 'user',
      objectId: row.id,
      result: 'ok',
      detail: { username: input.username, roles: input.roles, via: 'cli' },
    });
    return row.id;
  });
}
