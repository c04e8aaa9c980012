import { permissionsOf, type Role, requiresTotp } from '@fengqiao/shared';
import type { Actor } from '../../security/actor.js';
import type { Account } from '../users/index.js';

type ActorSource = Pick<
  Account,
  'id' | 'username' | 'displayName' | 'roles' | 'scopePath' | 'scopeOrgId' | 'stationId' | 'totpEnabled'
>;

export function actorFromUser(
  user: ActorSource,
  via: { sessionId: string } | { tokenId: string; scopePath: string; scopeOrgId: string },
): Actor {
  const roles = user.roles as Role[];
  const base = {
    userId: user.id,
    username: user.username,
    stationId: user.stationId,
    displayName: user.displayName,
    roles,
    permissions: new Set(permissionsOf(roles)),
  };
  if ('sessionId' in via) {
    return {
      ...base,
      scopePath: user.scopePath,
      scopeOrgId: user.scopeOrgId,
      via: 'session',
      sessionId: via.sessionId,
      totpEnrollmentRequired: requiresTotp(roles) && !user.totpEnabled,
    };
  }
  return {
    ...base,
    scopePath: via.scopePath,
    scopeOrgId: via.scopeOrgId,
    via: 'token',
    tokenId: via.tokenId,
    totpEnrollmentRequired: false,
  };
}
