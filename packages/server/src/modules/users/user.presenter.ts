import type { Role, User } from '@fengqiao/shared';
import type { UserView } from './user.repository.js';

/** The one place a user's response shape is built: no hash, no TOTP secret ever leaves. */
export function presentUser({ user, orgUnitName, scopeOrgName }: UserView): User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    orgUnitId: user.orgUnitId,
    orgUnitName,
    scopeOrgId: user.scopeOrgId,
    scopeOrgName,
    workPhone: user.workPhone,
    totpEnabled: user.totpEnabled,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
