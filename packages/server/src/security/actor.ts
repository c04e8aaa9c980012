import type { Permission, Role } from '@fengqiao/shared';

/** Who is calling: resolved once per request from the session cookie or the bearer token. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  /** Path of the data-scope unit; every object whose path starts with it is visible. */
  scopePath: string;
  scopeOrgId: string;
  /** The station (tenant) of the user's own unit; null for bureau-wide accounts. */
  stationId: string | null;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  totpEnrollmentRequired: boolean;
}
