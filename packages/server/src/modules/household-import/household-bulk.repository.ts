import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type householdEvents, households, residents } from '../../db/schema/index.js';

/**
 * Households on file in the station at these canonical-address indexes (address_key_index), oldest
 * first: rows filed before the key existed may hold two households at one door, and the oldest is the
 * one a batch adds to.
 */
export async function findHouseholdsByAddressIndexes(db: DbOrTx, stationId: string, keyIndexes: string[]) {
  if (keyIndexes.length === 0) return [];
  return db
    .select({
      id: households.id,
      addressKeyIndex: sql<string>`${households.addressKeyIndex}`,
      addressMasked: households.addressMasked,
      orgPath: households.orgPath,
      gridId: households.gridId,
    })
    .from(households)
    .where(
      and(
        eq(households.stationId, stationId),
        sql`${households.addressKeyIndex} = any(${sql.param(keyIndexes)}::text[])`,
      ),
    )
    .orderBy(households.id);
}

/**
 * People on file by ID-number index, with what an import may change, what decides whether it may
 * (area, birth date) and their household's masked address.
 */
export async function findResidentsByIdCardIndexes(db: DbOrTx, stationId: string, indexes: string[]) {
  if (indexes.length === 0) return [];
  return db
    .select({
      id: residents.id,
      idCardIndex: residents.idCardIndex,
      householdId: residents.householdId,
      orgPath: residents.orgPath,
      birthDate: residents.birthDate,
      addressMasked: households.addressMasked,
      name: residents.name,
      phoneIndex: residents.phoneIndex,
      phoneMasked: residents.phoneMasked,
      phoneSealed: residents.phoneSealed,
      relation: residents.relation,
      residenceType: residents.residenceType,
      tags: residents.tags,
    })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(and(eq(residents.stationId, stationId), inArray(residents.idCardIndex, indexes)));
}
export type StoredResident = Awaited<ReturnType<typeof findResidentsByIdCardIndexes>>[number];

/** A text[] value as a PostgreSQL array literal, so a column of arrays can travel as one text[] parameter. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

const column = <T>(rows: readonly T[], pick: (row: T) => unknown) => sql.param(rows.map(pick));

/*
 * Bulk writes go through unnest(): one statement and one parameter per column for a whole batch.
 * Drizzle's multi-row insert builder spent more time assembling 20,000 parameters than PostgreSQL
 * spent writing them (docs/performance.md).
 */
export async function insertHouseholdRows(
  db: DbOrTx,
  rows: (typeof households.$inferInsert & { id: string })[],
) {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into households (id, station_id, grid_id, org_path, community, street, address_sealed, address_masked,
                            address_index, address_key_index, lng, lat, qr_code)
    select * from unnest(${column(rows, (r) => r.id)}::uuid[], ${column(rows, (r) => r.stationId)}::uuid[],
                         ${column(rows, (r) => r.gridId ?? null)}::uuid[], ${column(rows, (r) => r.orgPath)}::text[],
                         ${column(rows, (r) => r.community)}::text[], ${column(rows, (r) => r.street)}::text[],
                         ${column(rows, (r) => r.addressSealed)}::text[], ${column(rows, (r) => r.addressMasked)}::text[],
                         ${column(rows, (r) => r.addressIndex)}::text[], ${column(rows, (r) => r.addressKeyIndex ?? null)}::text[],
                         ${column(rows, (r) => r.lng ?? null)}::float8[],
                         ${column(rows, (r) => r.lat ?? null)}::float8[], ${column(rows, (r) => r.qrCode)}::text[])`);
}

export async function insertResidentRows(
  db: DbOrTx,
  rows: (typeof residents.$inferInsert & { id: string })[],
) {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into residents (id, station_id, household_id, org_path, name, name_grams, id_card_sealed, id_card_masked,
                           id_card_index, birth_date, sex, phone_sealed, phone_masked, phone_index, relation,
                           residence_type, tags)
    select id, station_id, household_id, org_path, name, name_grams::text[], id_card_sealed, id_card_masked,
           id_card_index, birth_date, sex, phone_sealed, phone_masked, phone_index, relation, residence_type, tags::text[]
      from unnest(${column(rows, (r) => r.id)}::uuid[], ${column(rows, (r) => r.stationId)}::uuid[],
                  ${column(rows, (r) => r.householdId)}::uuid[], ${column(rows, (r) => r.orgPath)}::text[],
                  ${column(rows, (r) => r.name)}::text[], ${column(rows, (r) => arrayLiteral(r.nameGrams))}::text[],
                  ${column(rows, (r) => r.idCardSealed)}::text[], ${column(rows, (r) => r.idCardMasked)}::text[],
                  ${column(rows, (r) => r.idCardIndex)}::text[], ${column(rows, (r) => r.birthDate)}::date[],
                  ${column(rows, (r) => r.sex)}::text[], ${column(rows, (r) => r.phoneSealed ?? null)}::text[],
                  ${column(rows, (r) => r.phoneMasked ?? null)}::text[], ${column(rows, (r) => r.phoneIndex ?? null)}::text[],
                  ${column(rows, (r) => r.relation)}::text[], ${column(rows, (r) => r.residenceType)}::text[],
                  ${column(rows, (r) => arrayLiteral(r.tags ?? []))}::text[])
        as t(id, station_id, household_id, org_path, name, name_grams, id_card_sealed, id_card_masked, id_card_index,
             birth_date, sex, phone_sealed, phone_masked, phone_index, relation, residence_type, tags)`);
}

export async function insertHouseholdEventRows(
  db: DbOrTx,
  rows: (typeof householdEvents.$inferInsert & { id: string })[],
) {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into household_events (id, station_id, household_id, resident_id, actor_id, actor_name, kind, summary,
                                  changes)
    select * from unnest(${column(rows, (r) => r.id)}::uuid[], ${column(rows, (r) => r.stationId)}::uuid[],
                         ${column(rows, (r) => r.householdId)}::uuid[], ${column(rows, (r) => r.residentId ?? null)}::uuid[],
                         ${column(rows, (r) => r.actorId ?? null)}::uuid[], ${column(rows, (r) => r.actorName ?? null)}::text[],
                         ${column(rows, (r) => r.kind)}::text[], ${column(rows, (r) => r.summary)}::text[],
                         ${column(rows, (r) => (r.changes ? JSON.stringify(r.changes) : null))}::jsonb[])`);
}

/** Re-imported people: one statement for the whole batch, matched on id. */
export async function updateResidentRows(
  db: DbOrTx,
  rows: (typeof residents.$inferInsert & { id: string })[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = sql.join(
      chunk.map(
        (r) =>
          sql`(${r.id}::uuid, ${r.householdId}::uuid, ${r.orgPath}, ${r.name}, ${sql.param(r.nameGrams)}::text[], ${r.phoneSealed ?? null}, ${r.phoneMasked ?? null}, ${r.phoneIndex ?? null}, ${r.relation}, ${r.residenceType}, ${sql.param(r.tags ?? [])}::text[])`,
      ),
      sql`, `,
    );
    await db.execute(sql`
      update residents r set household_id = v.household_id, org_path = v.org_path, name = v.name,
             name_grams = v.name_grams, phone_sealed = v.phone_sealed, phone_masked = v.phone_masked,
             phone_index = v.phone_index, relation = v.relation, residence_type = v.residence_type,
             tags = v.tags, updated_at = now()
        from (values ${values}) as v(id, household_id, org_path, name, name_grams, phone_sealed, phone_masked,
                                     phone_index, relation, residence_type, tags)
       where r.id = v.id`);
  }
}

/** ID numbers already on file somewhere in the station outside `pattern` (the importer's area). */
export async function findIdCardIndexesOutside(
  db: DbOrTx,
  stationId: string,
  indexes: string[],
  pattern: string,
) {
  if (indexes.length === 0) return new Set<string>();
  const rows = await db
    .select({ idCardIndex: residents.idCardIndex })
    .from(residents)
    .where(
      and(
        eq(residents.stationId, stationId),
        sql`${residents.idCardIndex} = any(${sql.param(indexes)}::text[])`,
        sql`${residents.orgPath} not like ${pattern}`,
      ),
    );
  return new Set(rows.map((r) => r.idCardIndex));
}

/**
 * Households on file in the station at these canonical-address indexes (address_key_index). Of one
 * outside `pattern` (the importer's area) only that its address is taken comes back, so nothing else
 * of another officer's household is read; of one inside, its point and the ID-number index of each
 * head of household: one row per head, or one row with a null index for a household without any.
 */
export async function findHouseholdsAtAddresses(
  db: DbOrTx,
  stationId: string,
  keyIndexes: string[],
  pattern: string,
) {
  if (keyIndexes.length === 0) return [];
  const inArea = sql<boolean>`${households.orgPath} like ${pattern}`;
  return db
    .select({
      addressKeyIndex: sql<string>`${households.addressKeyIndex}`,
      inArea,
      lng: sql<number | null>`case when ${inArea} then ${households.lng} end`,
      lat: sql<number | null>`case when ${inArea} then ${households.lat} end`,
      headIdCardIndex: residents.idCardIndex,
    })
    .from(households)
    .leftJoin(
      residents,
      and(eq(residents.householdId, households.id), eq(residents.relation, '户主'), inArea),
    )
    .where(
      and(
        eq(households.stationId, stationId),
        // One array parameter rather than thousands: cheaper to send and to plan.
        sql`${households.addressKeyIndex} = any(${sql.param(keyIndexes)}::text[])`,
      ),
    );
}

/** Birth dates of the people on file in the station by ID-number index; nothing else of them is read. */
export async function findBirthDatesByIdCardIndexes(db: DbOrTx, stationId: string, indexes: string[]) {
  if (indexes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ idCardIndex: residents.idCardIndex, birthDate: residents.birthDate })
    .from(residents)
    .where(and(eq(residents.stationId, stationId), inArray(residents.idCardIndex, indexes)));
  return new Map(rows.map((r) => [r.idCardIndex, r.birthDate]));
}
