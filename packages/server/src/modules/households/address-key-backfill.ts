import type { DbOrTx } from '../../db/client.js';
import type { Keys } from '../../security/secret-key.js';
import { addressKeyIndexOf, openAddress } from '../residents/index.js';
import { fillAddressKeyIndexes, listHouseholdsWithoutAddressKey } from './address-key.repository.js';

const BATCH = 1000;

/**
 * Gives every household filed before households.address_key_index existed its canonical-address index,
 * 1,000 at a time, from the sealed address. Run after the migrations at every start: idempotent, and
 * once done one indexed look-up that finds nothing. Returns how many rows it filled.
 */
export async function backfillAddressKeyIndexes(db: DbOrTx, keys: Keys): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await listHouseholdsWithoutAddressKey(db, BATCH);
    if (rows.length === 0) return filled;
    await fillAddressKeyIndexes(
      db,
      rows.map((r) => ({ id: r.id, keyIndex: addressKeyIndexOf(keys, openAddress(keys, r.addressSealed)) })),
    );
    filled += rows.length;
    if (rows.length < BATCH) return filled;
  }
}
