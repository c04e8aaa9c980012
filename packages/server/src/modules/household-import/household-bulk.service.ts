import { setImmediate } from 'node:timers/promises';
import type { Address } from '@fengqiao/shared';
import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { DbOrTx } from '../../db/client.js';
import { conflict } from '../../http/app-error.js';
import type { Keys } from '../../security/secret-key.js';
import { type GridLocate, newQrCode, placeHousehold } from '../households/index.js';
import {
  addressKeyIndexOf,
  assertMayTag,
  type IdCardFields,
  keptTags,
  mayEdit,
  nameGrams,
  type ProtectedAddress,
  type ProtectedValue,
  personColumns,
  protectAddress,
  protectIdCard,
  protectPhone,
  SYSTEM_VIEWER,
  type Viewer,
  visibleTags,
} from '../residents/index.js';
import {
  findHouseholdsByAddressIndexes,
  findResidentsByIdCardIndexes,
  insertHouseholdEventRows,
  insertHouseholdRows,
  insertResidentRows,
  type StoredResident,
  updateResidentRows,
} from './household-bulk.repository.js';
import type { BlankField } from './validate-row.js';

export interface BulkResident {
  name: string;
  idCard: string;
  phone: string | null;
  relation: string;
  residenceType: string;
  tags: string[];
  /** Fields the source left blank: a person on file keeps their stored value for these. */
  blank?: readonly BlankField[];
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
  /**
   * The writer's area: grids a point may be placed in (others count as outside), and the only
   * households and people the batch may add to or change.
   */
  scopePath: string;
  actor: { id: string; name: string } | null;
  /**
   * Whose eyes the history's tag changes are written for, and whose hidden tags (重点关注) a re-import
   * keeps as they are. Without `sensitive` the batch may neither carry 重点关注 nor touch a child under
   * 14 already on file (the caller refuses such rows first). Omitted: the system, which sees every tag.
   */
  viewer?: Viewer;
}

export interface BulkResult {
  householdsCreated: number;
  householdsMatched: number;
  residentsCreated: number;
  /** People already on file whose row differs: written, with a history row in their household's file. */
  residentsUpdated: number;
  /** People already on file exactly as the batch has them: neither written nor logged. */
  residentsUnchanged: number;
}

export type { GridLocate };

/** After a large bulk write, so the planner sees the new rows before autovacuum gets round to it. */
export async function analyzeRegister(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze households, residents`);
}

/**
 * The canonical-address blind index protectAddress gives an address (its `keyIndex`), without sealing
 * it: what a batch matches households on file by.
 */
export const addressIndexOf = (keys: Keys, address: Address) => addressKeyIndexOf(keys, address);

/** Households on file by canonical-address index; of two at one door (filed before the key), the oldest. */
async function storedHouseholdsByKey(db: DbOrTx, stationId: string, keyIndexes: string[]) {
  const stored = new Map<string, Awaited<ReturnType<typeof findHouseholdsByAddressIndexes>>[number]>();
  for (const row of await findHouseholdsByAddressIndexes(db, stationId, keyIndexes)) {
    if (!stored.has(row.addressKeyIndex)) stored.set(row.addressKeyIndex, row);
  }
  return stored;
}

/**
 * How many distinct households of `households` are, or would be once written, outside every grid: an
 * address already on file counts when its household has no grid (a write keeps it where it is), a new
 * one when its point lies in no grid of `locate` or it has none. It decides as writeHouseholdBatch
 * places them, so a dry run and the commit that follows give the same figure.
 */
export async function countHouseholdsOutsideGrids(
  db: DbOrTx,
  keys: Keys,
  stationId: string,
  locate: GridLocate,
  households: readonly BulkHousehold[],
): Promise<number> {
  const placed = new Set<string>();
  let outside = 0;
  for (let i = 0; i < households.length; i += 1000) {
    const batch = households.slice(i, i + 1000).map((h) => ({ h, index: addressIndexOf(keys, h.address) }));
    const stored = await storedHouseholdsByKey(
      db,
      stationId,
      batch.map((b) => b.index),
    );
    for (const { h, index } of batch) {
      if (placed.has(index)) continue;
      placed.add(index);
      const onFile = stored.get(index);
      const inGrid = onFile
        ? onFile.gridId !== null
        : h.lng !== null && h.lat !== null && locate(h.lng, h.lat) !== null;
      if (!inGrid) outside++;
    }
  }
  return outside;
}

const CHANGE_LABELS: Record<string, string> = {
  address: '住址',
  name: '姓名',
  phone: '手机号',
  relation: '与户主关系',
  residenceType: '户籍类型',
  tags: '标签',
};

type Change = { from: unknown; to: unknown };

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** A person of the batch, sealed and placed, as it would be inserted. */
type ResidentToWrite = Parameters<typeof insertResidentRows>[1][number] & {
  id: string;
  idCardIndex: string;
  /** Of the household the person is placed in, for the history. */
  addressMasked: string;
  phoneIndex: string | null;
  phoneMasked: string | null;
  tags: string[];
  blank?: readonly BlankField[];
};

/** What a re-imported row changes about a person on file, masked as the history shows it; empty when nothing. */
function residentChanges(
  stored: StoredResident,
  next: ResidentToWrite,
  viewer: Viewer,
): Record<string, Change> {
  const changes: Record<string, Change> = {};
  if (next.householdId !== stored.householdId) {
    changes.address = { from: stored.addressMasked, to: next.addressMasked };
  }
  if (next.name !== stored.name) changes.name = { from: stored.name, to: next.name };
  if (next.phoneIndex !== stored.phoneIndex)
    changes.phone = { from: stored.phoneMasked, to: next.phoneMasked };
  if (next.relation !== stored.relation) changes.relation = { from: stored.relation, to: next.relation };
  if (next.residenceType !== stored.residenceType) {
    changes.residenceType = { from: stored.residenceType, to: next.residenceType };
  }
  if (!sameTags(next.tags, stored.tags)) {
    changes.tags = { from: visibleTags(stored.tags, viewer), to: visibleTags(next.tags, viewer) };
  }
  return changes;
}

/**
 * The caller checks every row first and turns what it may not write into row errors; this is the
 * writer's own guard, for data that changed since (another officer filing the same address, or the
 * same child, meanwhile).
 */
const staleBatch = () => conflict('import_data_changed');

/**
 * Writes a batch of already-validated households in a few statements. Idempotent: an address already
 * on file is the same household, and an ID number already on file is the same person. A person whose
 * row differs from the record is updated and the change written to the household's history (and the
 * old household's, when they move); a person exactly as on file is left alone: no write, no history.
 */
export async function writeHouseholdBatch(
  target: BulkTarget,
  locate: GridLocate,
  batch: BulkHousehold[],
): Promise<BulkResult> {
  return storeSealedBatch(target, locate, sealBatch(target.keys, batch));
}

/** A household of a batch with its address and its people's ID numbers and phones already sealed. */
export interface SealedHousehold extends BulkHousehold {
  protectedAddress: ProtectedAddress;
  sealedResidents: (BulkResident & {
    sealedIdCard: IdCardFields;
    sealedPhone: ProtectedValue | null;
    grams: string[];
  })[];
}

/**
 * The CPU half of writing a batch (SM4, HMAC-SM3, name grams), apart from the database half so an
 * import can seal the next batch while PostgreSQL writes this one.
 */
export function sealBatch(keys: Keys, batch: BulkHousehold[]): SealedHousehold[] {
  return batch.map((h) => ({
    ...h,
    protectedAddress: protectAddress(keys, h.address),
    sealedResidents: h.residents.map((r) => ({
      ...r,
      sealedIdCard: protectIdCard(keys, r.idCard),
      sealedPhone: r.phone ? protectPhone(keys, r.phone) : null,
      grams: nameGrams(r.name),
    })),
  }));
}

const SEAL_SLICE = 100;

/**
 * `sealBatch` in slices that give the event loop a turn in between, so the statements of a batch
 * being written meanwhile are sent and answered without waiting for the whole next batch to seal.
 */
export async function sealBatchInSlices(keys: Keys, batch: BulkHousehold[]): Promise<SealedHousehold[]> {
  const sealed: SealedHousehold[] = [];
  for (let i = 0; i < batch.length; i += SEAL_SLICE) {
    sealed.push(...sealBatch(keys, batch.slice(i, i + SEAL_SLICE)));
    await setImmediate();
  }
  return sealed;
}

/** The database half of `writeHouseholdBatch`: match, place and write a sealed batch. */
export async function storeSealedBatch(
  target: BulkTarget,
  locate: GridLocate,
  prepared: SealedHousehold[],
): Promise<BulkResult> {
  const { db, stationId } = target;
  const viewer = target.viewer ?? SYSTEM_VIEWER;
  const result: BulkResult = {
    householdsCreated: 0,
    householdsMatched: 0,
    residentsCreated: 0,
    residentsUpdated: 0,
    residentsUnchanged: 0,
  };
  for (const h of prepared) for (const r of h.residents) assertMayTag(viewer, r.tags);
  const existingHouseholds = await storedHouseholdsByKey(
    db,
    stationId,
    prepared.map((h) => h.protectedAddress.keyIndex),
  );
  for (const h of existingHouseholds.values())
    if (!h.orgPath.startsWith(target.scopePath)) throw staleBatch();
  const newHouseholds: Parameters<typeof insertHouseholdRows>[1] = [];
  const events: Parameters<typeof insertHouseholdEventRows>[1] = [];
  const residentsToWrite: ResidentToWrite[] = [];
  const seenAddresses = new Map<string, { id: string; orgPath: string; addressMasked: string }>();
  const event = (householdId: string, residentId: string | null, summary: string, changes?: object) => ({
    id: uuidv7(),
    stationId,
    householdId,
    residentId,
    actorId: target.actor?.id ?? null,
    actorName: target.actor?.name ?? '系统导入',
    kind: residentId ? 'resident.update' : 'household.import',
    summary,
    changes: changes ?? null,
  });

  for (const h of prepared) {
    // Matched on the canonical address, so '3号楼' in the file is the household filed at '3幢'.
    const key = h.protectedAddress.keyIndex;
    let home = existingHouseholds.get(key) ?? seenAddresses.get(key);
    if (home) {
      result.householdsMatched++;
    } else {
      const grid = h.lng !== null && h.lat !== null ? locate(h.lng, h.lat) : null;
      const place = placeHousehold(grid, { placerScope: target.fallbackPath });
      home = { id: uuidv7(), orgPath: place.orgPath, addressMasked: h.protectedAddress.masked };
      newHouseholds.push({
        id: home.id,
        stationId,
        gridId: place.gridId,
        orgPath: home.orgPath,
        community: h.address.community,
        street: h.address.street,
        addressSealed: h.protectedAddress.sealed,
        addressMasked: h.protectedAddress.masked,
        addressIndex: h.protectedAddress.index,
        addressKeyIndex: key,
        lng: h.lng,
        lat: h.lat,
        qrCode: newQrCode(),
      });
      events.push(event(home.id, null, `批量导入建档（${h.residents.length} 人）`));
      result.householdsCreated++;
    }
    seenAddresses.set(key, home);
    for (const r of h.sealedResidents) {
      const { sealedIdCard: idCard, sealedPhone: phone } = r;
      residentsToWrite.push({
        id: uuidv7(),
        stationId,
        householdId: home.id,
        orgPath: home.orgPath,
        addressMasked: home.addressMasked,
        name: r.name,
        nameGrams: r.grams,
        ...personColumns(idCard, phone),
        relation: r.relation,
        residenceType: r.residenceType,
        tags: r.tags,
        blank: r.blank,
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
    ).map((r) => [r.idCardIndex, r]),
  );
  const inserts: ResidentToWrite[] = [];
  const updates: ResidentToWrite[] = [];
  for (const r of residentsToWrite) {
    const stored = existingPeople.get(r.idCardIndex);
    if (!stored) {
      inserts.push(r);
      continue;
    }
    if (!stored.orgPath.startsWith(target.scopePath)) throw staleBatch();
    if (!mayEdit(viewer, stored)) throw staleBatch();
    const keep = new Set(r.blank);
    const next: ResidentToWrite = {
      ...r,
      id: stored.id,
      // Tags the importer cannot see are kept as they are, as when editing by hand.
      tags: keep.has('tags') ? stored.tags : keptTags(r.tags, stored.tags, viewer),
      ...(keep.has('phone')
        ? { phoneSealed: stored.phoneSealed, phoneMasked: stored.phoneMasked, phoneIndex: stored.phoneIndex }
        : {}),
      ...(keep.has('relation') ? { relation: stored.relation } : {}),
      ...(keep.has('residenceType') ? { residenceType: stored.residenceType } : {}),
    };
    const changes = residentChanges(stored, next, viewer);
    const fields = Object.keys(changes);
    if (fields.length === 0) {
      result.residentsUnchanged++;
      continue;
    }
    updates.push(next);
    const what = fields.map((f) => CHANGE_LABELS[f] ?? f).join('、');
    events.push(event(next.householdId, next.id, `导入更新 ${next.name} 的信息：${what}`, changes));
    if (changes.address) {
      events.push(
        event(stored.householdId, next.id, `导入时 ${next.name} 迁出本户`, { address: changes.address }),
      );
    }
  }
  await insertHouseholdRows(db, newHouseholds);
  await insertResidentRows(db, inserts);
  await updateResidentRows(db, updates);
  await insertHouseholdEventRows(db, events);
  result.residentsCreated = inserts.length;
  result.residentsUpdated = updates.length;
  return result;
}
