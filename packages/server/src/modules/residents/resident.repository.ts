import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { households, orgUnits, residents } from '../../db/schema/index.js';
import { tagArrayLiteral } from './resident-tag-sql.js';

export type ResidentRow = typeof residents.$inferSelect;

export async function insertResident(db: DbOrTx, row: typeof residents.$inferInsert): Promise<ResidentRow> {
  const rows = await db.insert(residents).values(row).returning();
  return rows[0] as ResidentRow;
}

export async function updateResidentRow(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof residents.$inferInsert>,
) {
  await db
    .update(residents)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(residents.id, id));
}

export async function findResident(db: DbOrTx, id: string): Promise<ResidentRow | undefined> {
  return (await db.select().from(residents).where(eq(residents.id, id)))[0];
}

export async function findResidentByIdCard(db: DbOrTx, stationId: string, index: string) {
  const rows = await db
    .select()
    .from(residents)
    .where(and(eq(residents.stationId, stationId), eq(residents.idCardIndex, index)));
  return rows[0];
}

export async function listResidentsOfHousehold(db: DbOrTx, householdId: string): Promise<ResidentRow[]> {
  return db
    .select()
    .from(residents)
    .where(eq(residents.householdId, householdId))
    .orderBy(asc(residents.createdAt));
}

export async function updateResidentsPath(db: DbOrTx, householdId: string, orgPath: string) {
  await db.update(residents).set({ orgPath }).where(eq(residents.householdId, householdId));
}

export interface ResidentSearchFilter {
  pattern: string;
  afterId?: string;
  idCardIndex?: string;
  phoneIndex?: string;
  grams?: string[];
  nameLike?: string;
  tag?: string;
  residenceType?: string;
}

export type ResidentSearchRow = ResidentRow & {
  community: string;
  addressMasked: string;
  gridName: string | null;
};

const selectResidentSearch = (db: DbOrTx) =>
  db
    .select({
      resident: residents,
      community: households.community,
      addressMasked: households.addressMasked,
      gridName: orgUnits.name,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .leftJoin(orgUnits, eq(orgUnits.id, households.gridId));

/**
 * The exact ID-number search, the hottest audited read (every one writes an audit row too): built and
 * planned once per pool. Same SQL as the general search with that one filter.
 */
const residentByIdCard = preparedPerDb((db: Db) =>
  selectResidentSearch(db)
    .where(
      and(
        sql`${residents.orgPath} like ${sql.placeholder('pattern')}`,
        eq(residents.idCardIndex, sql.placeholder('idCardIndex')),
      ),
    )
    .orderBy(asc(residents.id))
    .limit(sql.placeholder('limit'))
    .prepare('resident_by_id_card'),
);

const isOnlyIdCard = (f: ResidentSearchFilter) =>
  f.idCardIndex !== undefined &&
  !f.afterId &&
  !f.phoneIndex &&
  !f.grams?.length &&
  !f.nameLike &&
  !f.tag &&
  !f.residenceType;

export async function searchResidentRows(
  db: DbOrTx,
  filter: ResidentSearchFilter,
  limit: number,
): Promise<ResidentSearchRow[]> {
  if (isOnlyIdCard(filter) && !(db instanceof PgTransaction)) {
    const rows = await residentByIdCard(db).execute({
      pattern: filter.pattern,
      idCardIndex: filter.idCardIndex,
      limit,
    });
    return rows.map(flattenSearchRow);
  }
  const conditions: SQL[] = [sql`${residents.orgPath} like ${filter.pattern}`];
  if (filter.afterId) conditions.push(gt(residents.id, filter.afterId));
  if (filter.idCardIndex) conditions.push(eq(residents.idCardIndex, filter.idCardIndex));
  if (filter.phoneIndex) conditions.push(eq(residents.phoneIndex, filter.phoneIndex));
  if (filter.grams?.length)
    conditions.push(sql`${residents.nameGrams} @> ${sql.param(filter.grams)}::text[]`);
  if (filter.nameLike) conditions.push(sql`${residents.name} like ${filter.nameLike}`);
  // The tag is written into the SQL (it is one of RESIDENT_TAGS) so the planner can pick that tag's partial index.
  if (filter.tag) conditions.push(sql`${residents.tags} @> ${sql.raw(tagArrayLiteral(filter.tag))}`);
  if (filter.residenceType) conditions.push(eq(residents.residenceType, filter.residenceType));
  const rows = await selectResidentSearch(db)
    .where(and(...conditions))
    .orderBy(asc(residents.id))
    .limit(limit);
  return rows.map(flattenSearchRow);
}

function flattenSearchRow(r: {
  resident: ResidentRow;
  community: string;
  addressMasked: string;
  gridName: string | null;
}): ResidentSearchRow {
  return { ...r.resident, community: r.community, addressMasked: r.addressMasked, gridName: r.gridName };
}
