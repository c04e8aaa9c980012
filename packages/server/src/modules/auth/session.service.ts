import type { Db, DbOrTx } from '../../db/client.js';
import { hashSecret } from '../../lib/security/secret-hash.js';
import type { Actor } from '../../security/actor.js';
import type { Keys } from '../../security/secret-key.js';
import { actorFromUser } from './actor-from-user.js';
import { AUTH_POLICY } from './auth-policy.js';
import {
  prepareSessionLookup,
  prepareTokenLookup,
  revokeUserSessions,
  touchSession,
  touchToken,
} from './session.repository.js';

const MINUTE = 60_000;

export type SessionCheck = { actor: Actor } | { expired: true } | null;

/** Resolves cookies and bearer tokens to actors; the lookups are prepared once for the app's pool. */
export function createAuthenticator(db: Db, keys: Keys) {
  const sessionLookup = prepareSessionLookup(db);
  const tokenLookup = prepareTokenLookup(db);

  async function resolveSession(cookieValue: string, now = new Date()): Promise<SessionCheck> {
    const id = hashSecret(keys.token, cookieValue);
    const [row] = await sessionLookup.execute({ id });
    if (!row) return null;
    const { session, user } = row;
    const idleLimit = session.lastSeenAt.getTime() + AUTH_POLICY.idleMinutes * MINUTE;
    if (session.revokedAt || user.disabled || now >= session.expiresAt || now.getTime() >= idleLimit) {
      return { expired: true };
    }
    if (now.getTime() - session.lastSeenAt.getTime() > AUTH_POLICY.touchEverySeconds * 1000) {
      await touchSession(db, id);
    }
    return { actor: actorFromUser(user, { sessionId: id }) };
  }

  async function resolveToken(bearer: string, now = new Date()): Promise<Actor | null> {
    const [row] = await tokenLookup.execute({ hash: hashSecret(keys.token, bearer) });
    if (!row) return null;
    const { token, user } = row;
    if (token.revokedAt || user.disabled || (token.expiresAt && now >= token.expiresAt)) return null;
    // A token never reaches beyond what its owner may see today.
    if (!token.scopePath.startsWith(user.scopePath)) return null;
    if (
      !token.lastUsedAt ||
      now.getTime() - token.lastUsedAt.getTime() > AUTH_POLICY.touchEverySeconds * 1000
    ) {
      await touchToken(db, token.id);
    }
    return actorFromUser(user, {
      tokenId: token.id,
      scopePath: token.scopePath,
      scopeOrgId: token.scopeOrgId,
    });
  }

  return { resolveSession, resolveToken };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;

/** An account lost access (users' `onAccessLost`): its sessions end now, not at the next idle timeout. */
export async function endUserSessions(tx: DbOrTx, userId: string): Promise<void> {
  await revokeUserSessions(tx, userId);
}
