import { isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { households } from '../../db/schema/index.js';

/** Households without a canonical-address index yet (the partial index households_address_key_missing_idx). */
export async function listHouseholdsWithoutAddressKey(db: DbOrTx, limit: number) {
  return db
    .select({ id: households.id, addressSealed: households.addressSealed })
    .from(households)
    .where(isNull(households.addressKeyIndex))
    .orderBy(households.id)
    .limit(limit);
}

/** Sets the canonical-address index of these households, in one statement; a row already set keeps its own. */
export async function fillAddressKeyIndexes(db: DbOrTx, rows: { id: string; keyIndex: string }[]) {
  if (rows.length === 0) return;
  await db.execute(sql`
    update households h set address_key_index = v.key_index
      from unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.keyIndex))}::text[]) as v(id, key_index)
     where h.id = v.id and h.address_key_index is null`);
}
