import { type HouseholdSort, RESIDENT_TAGS, type SortOrder } from '@fengqiao/shared';
import { and, asc, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { keysetAfter, keysetOrder } from '../../db/keyset.js';
import { prefixPattern } from '../../db/like-pattern.js';
import { countRows, type RowTotal } from '../../db/row-total.js';
import { householdEvents, households, orgUnits } from '../../db/schema/index.js';
import { tagArrayLiteral } from '../residents/index.js';

export type HouseholdRow = typeof households.$inferSelect;

export type HouseholdEventRow = typeof householdEvents.$inferSelect;

export type HouseholdSummaryRow = {
  id: string;
  gridId: string | null;
  gridName: string | null;
  community: string;
  addressMasked: string;
  addressSealed: string;
  orgPath: string;
  lng: number | null;
  lat: number | null;
  updatedAt: Date;
  residentCount: number;
  headName: string | null;
  headBirthDate: string | null;
  tags: string[];
};

export async function insertHousehold(
  db: DbOrTx,
  row: typeof households.$inferInsert,
): Promise<HouseholdRow> {
  const rows = await db.insert(households).values(row).returning();
  return rows[0] as HouseholdRow;
}

export async function updateHouseholdRow(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof households.$inferInsert>,
) {
  await db
    .update(households)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(households.id, id));
}

export async function findHousehold(db: DbOrTx, id: string): Promise<HouseholdRow | undefined> {
  return (await db.select().from(households).where(eq(households.id, id)))[0];
}

export async function findHouseholdByQr(db: DbOrTx, code: string): Promise<HouseholdRow | undefined> {
  return (await db.select().from(households).where(eq(households.qrCode, code)))[0];
}

/**
 * A household of the station at this door: the same canonical address ('3号楼' = '3幢'), or, for a row
 * the backfill has not reached, the same address as typed. `exceptId`: a household moving, not itself.
 */
export async function findHouseholdByAddress(
  db: DbOrTx,
  stationId: string,
  address: { index: string; keyIndex: string },
  exceptId?: string,
) {
  const rows = await db
    .select()
    .from(households)
    .where(
      and(
        eq(households.stationId, stationId),
        or(eq(households.addressKeyIndex, address.keyIndex), eq(households.addressIndex, address.index)),
        exceptId ? ne(households.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(households.id))
    .limit(1);
  return rows[0];
}

export interface HouseholdListFilter {
  pattern: string;
  afterId?: string;
  tag?: string;
  outsideGrid?: boolean;
  community?: string;
  /**
   * Part of the village and street (its grams, for the index, and a LIKE pattern, to confirm), or one
   * of these full-address blind indexes.
   */
  address?: { grams: string[]; pattern: string; indexes: string[] };
  ids?: string[];
}

/** A household with its member count, head and the union of its members' tags. */
const summaryColumns = sql`
  h.id, h.grid_id as "gridId", g.name as "gridName", h.community, h.address_masked as "addressMasked",
  h.address_sealed as "addressSealed", h.org_path as "orgPath",
  h.lng, h.lat, h.updated_at as "updatedAt",
  (select count(*)::int from residents r where r.household_id = h.id) as "residentCount",
  (select r.name from residents r where r.household_id = h.id and r.relation = '户主' limit 1) as "headName",
  (select r.birth_date::text from residents r where r.household_id = h.id and r.relation = '户主' limit 1) as "headBirthDate",
  array(select distinct unnest(r.tags) from residents r where r.household_id = h.id) as tags`;

async function selectSummaries(db: DbOrTx, where: SQL, limit: number): Promise<HouseholdSummaryRow[]> {
  const result = await db.execute<HouseholdSummaryRow>(sql`
    select ${summaryColumns}
      from households h left join org_units g on g.id = h.grid_id
     where ${where}
     order by h.id
     limit ${limit}`);
  return result.rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) }));
}

/** The list's filters as SQL: scope and filters, without the page's cursor (the total counts these). */
function householdListWhere(filter: HouseholdListFilter): SQL {
  const conditions: SQL[] = [sql`h.org_path like ${filter.pattern}`];
  if (filter.outsideGrid !== undefined) {
    conditions.push(filter.outsideGrid ? sql`h.grid_id is null` : sql`h.grid_id is not null`);
  }
  if (filter.community) conditions.push(sql`h.community = ${filter.community}`);
  if (filter.ids) conditions.push(sql`h.id = any(${sql.param(filter.ids)}::uuid[])`);
  if (filter.address) {
    conditions.push(
      sql`((h.place_grams @> ${sql.param(filter.address.grams)}::text[] and (h.community || h.street) like ${filter.address.pattern})
            or h.address_index = any(${sql.param(filter.address.indexes)}::text[]))`,
    );
  }
  if (filter.tag) {
    conditions.push(
      sql`exists (select 1 from residents t where t.household_id = h.id and t.tags @> array[${filter.tag}]::text[])`,
    );
  }
  return sql.join(conditions, sql` and `);
}

/** Keyset-paged by id, filtered in SQL by scope and the list's filters. */
export async function listHouseholdSummaries(
  db: DbOrTx,
  filter: HouseholdListFilter,
  limit: number,
): Promise<HouseholdSummaryRow[]> {
  const where = householdListWhere(filter);
  return selectSummaries(db, filter.afterId ? sql`${where} and h.id > ${filter.afterId}` : where, limit);
}

/**
 * Each sortable column as a key of the summary row `s` and the SQL type its cursor value is read as.
 * Missing values (no grid, no head) sort as the empty text, so they page like any other key.
 */
const SORT_KEYS: Record<HouseholdSort, { key: SQL; type: SQL }> = {
  updatedAt: { key: sql`(extract(epoch from s."updatedAt") * 1000000)::bigint`, type: sql`bigint` },
  residentCount: { key: sql`s."residentCount"`, type: sql`int` },
  gridName: { key: sql`coalesce(s."gridName", '')`, type: sql`text` },
  headName: { key: sql`coalesce(s."headName", '')`, type: sql`text` },
};

export type SortedHouseholdSummaryRow = HouseholdSummaryRow & { sortKey: string | number };

/** The list under a chosen sort, keyset-paged by (sort key, id): ties keep the id's order. */
export async function listSortedHouseholdSummaries(
  db: DbOrTx,
  filter: HouseholdListFilter,
  sort: { by: HouseholdSort; order: SortOrder; after?: { key: string | number; id: string } },
  limit: number,
): Promise<SortedHouseholdSummaryRow[]> {
  const { key, type } = SORT_KEYS[sort.by];
  const id = sql`s.id`;
  const after = sort.after
    ? keysetAfter(key, id, sort.order, {
        key: sql`${sort.after.key}::${type}`,
        id: sql`${sort.after.id}::uuid`,
      })
    : sql`true`;
  const result = await db.execute<SortedHouseholdSummaryRow>(sql`
    select s.*, ${key} as "sortKey"
      from (select ${summaryColumns}
              from households h left join org_units g on g.id = h.grid_id
             where ${householdListWhere(filter)}) s
     where ${after}
     order by ${keysetOrder(key, id, sort.order)}
     limit ${limit}`);
  return result.rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) }));
}

/** How many households the list has in all (exact up to 10,000, estimated past that). */
export function countHouseholdSummaries(db: DbOrTx, filter: HouseholdListFilter): Promise<RowTotal> {
  return countRows(db, sql`from households h where ${householdListWhere(filter)}`);
}

export async function findHouseholdSummary(db: DbOrTx, id: string): Promise<HouseholdSummaryRow | undefined> {
  return (await selectSummaries(db, sql`h.id = ${id}`, 1))[0];
}

/** Bit i set when the resident has RESIDENT_TAGS[i]; the tags are a fixed list, written into the SQL. */
const TAG_BITS = sql.raw(
  RESIDENT_TAGS.map((tag, i) => `((r.tags @> ${tagArrayLiteral(tag)})::int << ${i})`).join(' | '),
);

/**
 * Map points: id, WGS-84 point and the OR of the members' tag bits, in id order. One pass over the
 * tagged residents of the subtree (residents carry their household's org_path) merged with the
 * households, instead of a sub-select per household.
 */
export async function listHouseholdPoints(db: DbOrTx, pattern: string, limit: number) {
  const result = await db.execute<{ id: string; lng: number; lat: number; tag_bits: number }>(sql`
    with tagged as (
      select r.household_id, bit_or(${TAG_BITS}) as tag_bits
        from residents r
       where r.org_path like ${pattern} and r.tags <> '{}'
       group by r.household_id)
    select h.id, h.lng, h.lat, coalesce(t.tag_bits, 0) as tag_bits
      from households h left join tagged t on t.household_id = h.id
     where h.org_path like ${pattern} and h.lng is not null
     order by h.id
     limit ${limit}`);
  return result.rows;
}

export async function insertHouseholdEvent(db: DbOrTx, row: typeof householdEvents.$inferInsert) {
  await db.insert(householdEvents).values(row);
}

export async function listHouseholdEvents(db: DbOrTx, householdId: string, limit = 200) {
  return db
    .select()
    .from(householdEvents)
    .where(eq(householdEvents.householdId, householdId))
    .orderBy(desc(householdEvents.at))
    .limit(limit);
}

export async function countHouseholdStats(db: DbOrTx, pattern: string) {
  const result = await db.execute<{ households: number; residents: number; outside: number }>(sql`
    select (select count(*)::int from households where org_path like ${pattern}) as households,
           (select count(*)::int from residents where org_path like ${pattern}) as residents,
           (select count(*)::int from households where org_path like ${pattern} and grid_id is null) as outside`);
  const tags = await db.execute<{ tag: string; n: number }>(sql`
    select tag, count(*)::int as n from residents, unnest(tags) as tag
     where org_path like ${pattern} group by tag`);
  return { ...(result.rows[0] ?? { households: 0, residents: 0, outside: 0 }), tags: tags.rows };
}

export async function listStationGrids(db: DbOrTx, stationId: string) {
  return db
    .select({ id: orgUnits.id, path: orgUnits.path, boundary: orgUnits.boundary })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.stationId, stationId),
        eq(orgUnits.kind, 'grid'),
        sql`${orgUnits.boundary} is not null`,
      ),
    );
}

export async function listStationHouseholdPoints(db: DbOrTx, stationId: string) {
  return db
    .select({
      id: households.id,
      lng: households.lng,
      lat: households.lat,
      gridId: households.gridId,
      orgPath: households.orgPath,
    })
    .from(households)
    .where(and(eq(households.stationId, stationId), sql`${households.lng} is not null`));
}

/** Names of the communities (村/社区) a scope lies in or covers, to complete an address typed without one. */
export async function listCommunityNamesAround(db: DbOrTx, scopePath: string): Promise<string[]> {
  const result = await db.execute<{ name: string }>(sql`
    select distinct name from org_units
     where kind = 'community' and (path like ${prefixPattern(scopePath)} or ${scopePath} like path || '%')
     limit 200`);
  return result.rows.map((r) => r.name);
}
