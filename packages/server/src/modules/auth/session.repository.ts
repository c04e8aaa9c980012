import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { apiTokens, loginAttempts, sessions, users } from '../../db/schema/index.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** Sessions that can no longer be used are dropped when their user signs in again, so the table stays small. */
export async function deleteDeadSessions(db: DbOrTx, userId: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        sql`(${sessions.expiresAt} < now() or ${sessions.revokedAt} is not null or ${sessions.lastSeenAt} < now() - interval '1 day')`,
      ),
    );
}

export async function revokeSession(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

const sessionColumns = {
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
  revokedAt: sessions.revokedAt,
};

/** What an authenticated request needs to know about its user (see actorFromUser). */
export const actorColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  scopePath: users.scopePath,
  scopeOrgId: users.scopeOrgId,
  stationId: users.stationId,
  totpEnabled: users.totpEnabled,
  disabled: users.disabled,
};

/** Every authenticated request runs this, so it is prepared once per pool. */
export function prepareSessionLookup(db: Db) {
  return db
    .select({ session: sessionColumns, user: actorColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('session_lookup');
}

export function prepareTokenLookup(db: Db) {
  return db
    .select({ token: apiTokens, user: actorColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .prepare('token_lookup');
}

export async function touchSession(db: DbOrTx, id: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
}

export async function touchToken(db: DbOrTx, id: string): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
}

/** Records this attempt and returns how many this address made in the window, this one included. */
export async function countLoginAttempt(db: DbOrTx, ip: string, windowSeconds: number): Promise<number> {
  await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 hour'`));
  await db.insert(loginAttempts).values({ ip });
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.ip, ip),
        sql`${loginAttempts.at} > now() - make_interval(secs => ${windowSeconds})`,
      ),
    );
  return rows[0]?.n ?? 0;
}
