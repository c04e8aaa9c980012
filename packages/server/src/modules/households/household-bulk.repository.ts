import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { householdEvents, households, residents } from '../../db/schema/index.js';

export async function findHouseholdsByAddressIndexes(db: DbOrTx, stationId: string, indexes: string[]) {
  if (indexes.length === 0) return [];
  return db
    .select({ id: households.id, addressIndex: households.addressIndex, orgPath: households.orgPath })
    .from(households)
    .where(and(eq(households.stationId, stationId), inArray(households.addressIndex, indexes)));
}

export async function findResidentsByIdCardIndexes(db: DbOrTx, stationId: string, indexes: string[]) {
  if (indexes.length === 0) return [];
  return db
    .select({ id: residents.id, idCardIndex: residents.idCardIndex })
    .from(residents)
    .where(and(eq(residents.stationId, stationId), inArray(residents.idCardIndex, indexes)));
}

export async function insertHouseholdRows(db: DbOrTx, rows: (typeof households.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(households).values(rows.slice(i, i + 1000));
}

export async function insertResidentRows(db: DbOrTx, rows: (typeof residents.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(residents).values(rows.slice(i, i + 1000));
}

export async function insertHouseholdEventRows(db: DbOrTx, rows: (typeof householdEvents.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(householdEvents).values(rows.slice(i, i + 1000));
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
