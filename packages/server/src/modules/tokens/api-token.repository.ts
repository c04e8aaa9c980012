import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { countRows, type RowTotal } from '../../db/row-total.js';
import { apiTokens, orgUnits, users } from '../../db/schema/index.js';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type ApiTokenView = { token: ApiTokenRow; username: string; ownerPath: string };

function selectTokenView(db: DbOrTx) {
  return db
    .select({ token: apiTokens, username: users.username, ownerPath: orgUnits.path })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId));
}

export async function insertApiToken(db: DbOrTx, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
  const rows = await db.insert(apiTokens).values(row).returning();
  return rows[0] as ApiTokenRow;
}

export async function findApiTokenView(db: DbOrTx, id: string): Promise<ApiTokenView | undefined> {
  const rows = await selectTokenView(db).where(eq(apiTokens.id, id));
  return rows[0];
}

export async function listApiTokenViews(
  db: DbOrTx,
  scopePattern: string,
  beforeId: string | undefined,
  limit: number,
): Promise<ApiTokenView[]> {
  return selectTokenView(db)
    .where(and(sql`${orgUnits.path} like ${scopePattern}`, beforeId ? lt(apiTokens.id, beforeId) : undefined))
    .orderBy(desc(apiTokens.id))
    .limit(limit);
}

/** How many tokens the caller's scope holds (exact up to 10,000, estimated past that). */
export function countApiTokens(db: DbOrTx, scopePattern: string): Promise<RowTotal> {
  return countRows(
    db,
    sql`from ${apiTokens} inner join ${users} on ${users.id} = ${apiTokens.userId}
        inner join ${orgUnits} on ${orgUnits.id} = ${users.orgUnitId} where ${orgUnits.path} like ${scopePattern}`,
  );
}

export async function markApiTokenRevoked(db: DbOrTx, id: string): Promise<void> {
  await db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
}

/** The names of the given tokens whose owner belongs to the subtree matched by `scopePattern`. */
export async function listApiTokenNamesIn(db: DbOrTx, scopePattern: string, ids: string[]) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(sql`${apiTokens.id} = any(${sql.param(ids)}::uuid[])`, sql`${orgUnits.path} like ${scopePattern}`),
    );
}
