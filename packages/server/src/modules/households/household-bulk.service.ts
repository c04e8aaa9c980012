import type { Address } from '@fengqiao/shared';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../db/client.js';
import type { Keys } from '../../security/secret-key.js';
import { createGridLocator } from './grid-locator.js';
import { listStationGrids } from './household.repository.js';
import { newQrCode } from './household.service.js';
import {
  findHouseholdsByAddressIndexes,
  findResidentsByIdCardIndexes,
  insertHouseholdEventRows,
  insertHouseholdRows,
  insertResidentRows,
  updateResidentRows,
} from './household-bulk.repository.js';
import { nameGrams, protectAddress, protectIdCard, protectPhone } from './personal-fields.js';

export interface BulkResident {
  name: string;
  idCard: string;
  phone: string | null;
  relation: string;
  residenceType: string;
  tags: string[];
}

export interface BulkHousehold {
  address: Address;
  /** WGS-84. */
  lng: number | null;
  lat: number | null;
  residents: BulkResident[];
}

export interface BulkTarget {
  db: DbOrTx;
  keys: Keys;
  stationId: string;
  /** Where a household outside every grid is filed: the importer's own scope. */
  fallbackPath: string;
  /** Grids a point may be placed in; others count as outside. */
  scopePath: string;
  actor: { id: string; name: string } | null;
}

export interface BulkResult {
  householdsCreated: number;
  householdsMatched: number;
  residentsCreated: number;
  residentsUpdated: number;
  outsideGrid: number;
}

export type GridLocate = ReturnType<typeof createGridLocator>;

/** After a large bulk write, so the planner sees the new rows before autovacuum gets round to it. */
export async function analyzeRegister(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze households, residents`);
}

export async function loadGridLocator(db: DbOrTx, stationId: string, scopePath: string): Promise<GridLocate> {
  const grids = await listStationGrids(db, stationId);
  return createGridLocator(grids.filter((g) => g.path.startsWith(scopePath)));
}

/**
 * Writes a batch of already-validated households in a few statements. Idempotent: an address already
 * on file is the same household, and an ID number already on file is the same person, updated.
 */
export async function writeHouseholdBatch(
  target: BulkTarget,
  locate: GridLocate,
  batch: BulkHousehold[],
): Promise<BulkResult> {
  const { db, keys, stationId } = target;
  const result: BulkResult = {
    householdsCreated: 0,
    householdsMatched: 0,
    residentsCreated: 0,
    residentsUpdated: 0,
    outsideGrid: 0,
  };
  const prepared = batch.map((h) => ({ ...h, protectedAddress: protectAddress(keys, h.address) }));
  const existingHouseholds = new Map(
    (
      await findHouseholdsByAddressIndexes(
        db,
        stationId,
        prepared.map((h) => h.protectedAddress.index),
      )
    ).map((h) => [h.addressIndex, h]),
  );
  const newHouseholds: Parameters<typeof insertHouseholdRows>[1] = [];
  const events: Parameters<typeof insertHouseholdEventRows>[1] = [];
  const residentsToWrite: (Parameters<typeof insertResidentRows>[1][number] & {
    id: string;
    idCardIndex: string;
  })[] = [];
  const seenAddresses = new Map<string, { id: string; orgPath: string }>();

  for (const h of prepared) {
    const key = h.protectedAddress.index;
    let home = existingHouseholds.get(key) ?? seenAddresses.get(key);
    if (home) {
      result.householdsMatched++;
    } else {
      const grid = h.lng !== null && h.lat !== null ? locate(h.lng, h.lat) : null;
      if (!grid) result.outsideGrid++;
      home = { id: uuidv7(), orgPath: grid?.path ?? target.fallbackPath };
      newHouseholds.push({
        id: home.id,
        stationId,
        gridId: grid?.id ?? null,
        orgPath: home.orgPath,
        community: h.address.community,
        street: h.address.street,
        addressSealed: h.protectedAddress.sealed,
        addressMasked: h.protectedAddress.masked,
        addressIndex: key,
        lng: h.lng,
        lat: h.lat,
        qrCode: newQrCode(),
      });
      events.push({
        id: uuidv7(),
        stationId,
        householdId: home.id,
        actorId: target.actor?.id ?? null,
        actorName: target.actor?.name ?? '系统导入',
        kind: 'household.import',
        summary: `批量导入建档（${h.residents.length} 人）`,
      });
      result.householdsCreated++;
    }
    seenAddresses.set(key, home);
    for (const r of h.residents) {
      const idCard = protectIdCard(keys, r.idCard);
      const phone = r.phone ? protectPhone(keys, r.phone) : null;
      residentsToWrite.push({
        id: uuidv7(),
        stationId,
        householdId: home.id,
        orgPath: home.orgPath,
        name: r.name,
        nameGrams: nameGrams(r.name),
        idCardSealed: idCard.sealed,
        idCardMasked: idCard.masked,
        idCardIndex: idCard.index,
        birthDate: idCard.birthDate,
        sex: idCard.sex,
        phoneSealed: phone?.sealed ?? null,
        phoneMasked: phone?.masked ?? null,
        phoneIndex: phone?.index ?? null,
        relation: r.relation,
        residenceType: r.residenceType,
        tags: r.tags,
      });
    }
  }

  const existingPeople = new Map(
    (
      await findResidentsByIdCardIndexes(
        db,
        stationId,
        residentsToWrite.map((r) => r.idCardIndex),
      )
    ).map((r) => [r.idCardIndex, r.id]),
  );
  const inserts = residentsToWrite.filter((r) => !existingPeople.has(r.idCardIndex));
  const updates = residentsToWrite
    .filter((r) => existingPeople.has(r.idCardIndex))
    .map((r) => ({ ...r, id: existingPeople.get(r.idCardIndex) as string }));
  await insertHouseholdRows(db, newHouseholds);
  await insertResidentRows(db, inserts);
  await updateResidentRows(db, updates);
  await insertHouseholdEventRows(db, events);
  result.residentsCreated = inserts.length;
  result.residentsUpdated = updates.length;
  return result;
}
