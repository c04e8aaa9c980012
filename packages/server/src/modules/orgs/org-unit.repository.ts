import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { prefixPattern } from '../../db/like-pattern.js';
import { orgUnits } from '../../db/schema/index.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type OrgUnitWithCount = OrgUnitRow & { childCount: number };

// Written out in full: inside a sub-select Drizzle would render the outer column unqualified, binding it to `c`.
const childCount = sql<number>`(select count(*)::int from org_units c where c.parent_id = "org_units"."id")`;

export async function findOrgUnitById(db: DbOrTx, id: string): Promise<OrgUnitRow | undefined> {
  const rows = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return rows[0];
}

export async function findOrgUnitWithCount(db: DbOrTx, id: string): Promise<OrgUnitWithCount | undefined> {
  const rows = await db.select({ unit: orgUnits, childCount }).from(orgUnits).where(eq(orgUnits.id, id));
  const row = rows[0];
  return row && { ...row.unit, childCount: row.childCount };
}

/** Names of a station's villages and communities (org units of kind community). */
export async function findCommunityNames(db: DbOrTx, stationId: string): Promise<string[]> {
  const rows = await db
    .select({ name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.stationId, stationId), eq(orgUnits.kind, 'community')))
    .orderBy(asc(orgUnits.code));
  return rows.map((r) => r.name);
}

export async function findOrgUnitByCode(db: DbOrTx, code: string): Promise<OrgUnitRow | undefined> {
  const rows = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return rows[0];
}

/** The whole subtree under a path, parents before children; prepared because every page load asks for it. */
export function prepareSubtree(db: Db) {
  return db
    .select({ unit: orgUnits, childCount })
    .from(orgUnits)
    .where(sql`${orgUnits.path} like ${sql.placeholder('pattern')}`)
    .orderBy(asc(orgUnits.depth), asc(orgUnits.code))
    .prepare('org_subtree');
}

export async function listGridBoundaries(db: DbOrTx, scopePattern: string, kind: OrgUnitRow['kind']) {
  return db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      code: orgUnits.code,
      kind: orgUnits.kind,
      parentId: orgUnits.parentId,
      boundary: orgUnits.boundary,
    })
    .from(orgUnits)
    .where(
      sql`${orgUnits.path} like ${scopePattern} and ${orgUnits.kind} = ${kind} and ${orgUnits.boundary} is not null`,
    )
    .orderBy(asc(orgUnits.code));
}

export async function insertOrgUnit(
  db: DbOrTx,
  row: Omit<typeof orgUnits.$inferInsert, 'path' | 'depth'> & { id: string },
  parent: OrgUnitRow | null,
): Promise<OrgUnitRow> {
  const path = `${parent?.path ?? '/'}${row.id}/`;
  const rows = await db
    .insert(orgUnits)
    .values({ ...row, path, depth: (parent?.depth ?? -1) + 1 })
    .returning();
  return rows[0] as OrgUnitRow;
}

export async function updateOrgUnit(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<OrgUnitRow, 'name' | 'boundary'>>,
): Promise<void> {
  await db
    .update(orgUnits)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(orgUnits.id, id));
}

export async function deleteOrgUnit(db: DbOrTx, id: string): Promise<void> {
  await db.delete(orgUnits).where(eq(orgUnits.id, id));
}

export async function countOrgUnits(db: DbOrTx): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnits);
  return rows[0]?.n ?? 0;
}

/** The names of the given units that lie in the subtree at `scopePath`. */
export async function listOrgUnitNamesIn(db: DbOrTx, scopePath: string, ids: string[]) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(
      and(
        sql`${orgUnits.id} = any(${sql.param(ids)}::uuid[])`,
        sql`${orgUnits.path} like ${prefixPattern(scopePath)}`,
      ),
    );
}
