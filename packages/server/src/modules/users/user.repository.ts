import { and, asc, eq, gt, ilike, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import { escapeLike, prefixPattern } from '../../db/like-pattern.js';
import { countRows, type RowTotal } from '../../db/row-total.js';
import { orgUnits, users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

const scopeOrg = alias(orgUnits, 'scope_org');

/** The columns lists and detail pages show: never the password hash or the TOTP secret. */
const shownUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  orgUnitId: users.orgUnitId,
  scopeOrgId: users.scopeOrgId,
  workPhone: users.workPhone,
  totpEnabled: users.totpEnabled,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

/** A user with the names and path of the units they belong to. */
const userView = {
  user: shownUserColumns,
  orgUnitName: orgUnits.name,
  orgPath: orgUnits.path,
  scopeOrgName: scopeOrg.name,
};

export type ShownUser = Pick<UserRow, keyof typeof shownUserColumns>;
export type UserView = { user: ShownUser; orgUnitName: string; orgPath: string; scopeOrgName: string };

function selectUserView(db: DbOrTx) {
  return db
    .select(userView)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .innerJoin(scopeOrg, eq(scopeOrg.id, users.scopeOrgId));
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.username, username));
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0];
}

export async function findUserView(db: DbOrTx, id: string): Promise<UserView | undefined> {
  const rows = await selectUserView(db).where(eq(users.id, id));
  return rows[0];
}

export interface UserListFilter {
  scopePath: string;
  afterUsername?: string;
  q?: string;
  role?: string;
  orgPath?: string;
}

function userListWhere(filter: UserListFilter): SQL | undefined {
  const conditions: SQL[] = [sql`${orgUnits.path} like ${prefixPattern(filter.scopePath)}`];
  if (filter.orgPath) conditions.push(sql`${orgUnits.path} like ${prefixPattern(filter.orgPath)}`);
  if (filter.role) conditions.push(sql`${filter.role} = any(${users.roles})`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    const match = or(ilike(users.username, pattern), ilike(users.displayName, pattern));
    if (match) conditions.push(match);
  }
  return and(...conditions);
}

export async function listUserViews(db: DbOrTx, filter: UserListFilter, limit: number): Promise<UserView[]> {
  const where = userListWhere(filter);
  return selectUserView(db)
    .where(filter.afterUsername ? and(where, gt(users.username, filter.afterUsername)) : where)
    .orderBy(asc(users.username))
    .limit(limit);
}

/** How many accounts the list has in all (exact up to 10,000, estimated past that). */
export function countUserViews(db: DbOrTx, filter: UserListFilter): Promise<RowTotal> {
  return countRows(
    db,
    sql`from ${users} inner join ${orgUnits} on ${orgUnits.id} = ${users.orgUnitId} where ${userListWhere(filter)}`,
  );
}

/** The hot path of the user list, prepared once: the plain scoped first page. */
export function prepareFirstUserPage(db: Db) {
  return selectUserView(db)
    .where(sql`${orgUnits.path} like ${sql.placeholder('scopePattern')}`)
    .orderBy(asc(users.username))
    .limit(sql.placeholder('limit'))
    .prepare('users_first_page');
}

export async function insertUser(db: DbOrTx, row: NewUserRow): Promise<UserRow> {
  const rows = await db.insert(users).values(row).returning();
  return rows[0] as UserRow;
}

export async function updateUser(db: DbOrTx, id: string, patch: Partial<NewUserRow>): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** Takes a TOTP step for the user if it is newer than the last one taken; false means a replay. */
export async function claimTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function countUsersInOrg(db: DbOrTx, orgUnitId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(or(eq(users.orgUnitId, orgUnitId), eq(users.scopeOrgId, orgUnitId)));
  return rows[0]?.n ?? 0;
}

/** Counts the failure and, at the threshold, locks the account; one statement so parallel tries add up. */
export async function addLoginFailure(
  db: DbOrTx,
  id: string,
  threshold: number,
  lockMinutes: number,
): Promise<{ lockedUntil: Date | null }> {
  const rows = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${threshold} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${threshold} then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id))
    .returning({ lockedUntil: users.lockedUntil });
  return { lockedUntil: rows[0]?.lockedUntil ?? null };
}

/** The names of the given accounts that belong to the subtree at `scopePath`. */
export async function listUserNamesIn(db: DbOrTx, scopePath: string, ids: string[]) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(
        sql`${users.id} = any(${sql.param(ids)}::uuid[])`,
        sql`${orgUnits.path} like ${prefixPattern(scopePath)}`,
      ),
    );
}
