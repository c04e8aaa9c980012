import { randomBytes } from 'node:crypto';
import {
  type Address,
  type AuditAction,
  type GridStats,
  type HouseholdCreate,
  type HouseholdFile,
  type HouseholdMapPoint,
  type HouseholdMapPoints,
  type HouseholdSort,
  type HouseholdSummary,
  type HouseholdUpdate,
  MAP_POINT_LIMIT,
  RESIDENT_TAGS,
  type SortOrder,
} from '@fengqiao/shared';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike, prefixPattern } from '../../db/like-pattern.js';
import { conflict, invalid } from '../../http/app-error.js';
import { decodeCursor, decodeSortedCursor, toPage } from '../../http/cursor.js';
import { blindIndex } from '../../lib/crypto/sm.js';
import { gcj02ToWgs84, isInChina } from '../../lib/geo/coordinates.js';
import type { ServiceContext } from '../../security/context.js';
import { assertInScope, authorize } from '../../security/policy.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { findOrgUnit } from '../orgs/index.js';
import {
  assertMayFilterByTag,
  moveMembersWithHousehold,
  openAddress,
  presentHouseholdMembers,
  protectAddress,
  queryGrams,
  viewerOf,
  visibleTags,
} from '../residents/index.js';
import { createGridLocator } from './grid-locator.js';
import { mayPlaceIn, placeHousehold, scopedPath, scopedPattern } from './household.policy.js';
import {
  type HouseholdViewer,
  householdViewerOf,
  presentHouseholdEvent,
  presentHouseholdSummary,
} from './household.presenter.js';
import {
  countHouseholdStats,
  countHouseholdSummaries,
  findHousehold,
  findHouseholdByAddress,
  findHouseholdByQr,
  findHouseholdSummary,
  type HouseholdListFilter,
  type HouseholdRow,
  type HouseholdSummaryRow,
  insertHousehold,
  listCommunityNamesAround,
  listHouseholdEvents,
  listHouseholdPoints,
  listHouseholdSummaries,
  listSortedHouseholdSummaries,
  listStationGrids,
  listStationHouseholdPoints,
  updateHouseholdRow,
} from './household.repository.js';
import { recordHouseholdChange } from './household-record.js';

export function newQrCode(): string {
  return randomBytes(16).toString('base64url');
}

export async function loadHouseholdInScope(
  ctx: ServiceContext,
  id: string,
  action: AuditAction,
): Promise<HouseholdRow> {
  const household = await findHousehold(ctx.db, id);
  await assertInScope(ctx, household?.orgPath, action, 'household', id, 'not_found.household');
  return household as HouseholdRow;
}

/** The station the caller works for: that of their scope unit. A bureau-wide caller has none. */
async function stationOfCaller(ctx: ServiceContext): Promise<string> {
  const scope = await findOrgUnit(ctx.db, ctx.actor.scopeOrgId);
  const stationId = scope?.kind === 'station' ? scope.id : scope?.stationId;
  if (!stationId) throw invalid('station_required');
  return stationId;
}

function toWgs84(input: {
  lng?: number;
  lat?: number;
  coordSystem?: 'wgs84' | 'gcj02';
}): [number, number] | null {
  if (input.lng === undefined && input.lat === undefined) return null;
  if (input.lng === undefined || input.lat === undefined) {
    throw invalid('invalid_coordinates', undefined, [
      { field: input.lng === undefined ? 'lng' : 'lat', key: 'field.coordinate_missing' },
    ]);
  }
  if (!isInChina(input.lng, input.lat)) {
    throw invalid('outside_china', undefined, [{ field: 'lng', key: 'field.outside_china' }]);
  }
  const [lng, lat] =
    input.coordSystem === 'gcj02' ? gcj02ToWgs84(input.lng, input.lat) : [input.lng, input.lat];
  return [Number(lng.toFixed(6)), Number(lat.toFixed(6))];
}

/**
 * Places a point: the grid it falls in (which must be in the caller's area), or, outside every grid,
 * the caller's own scope, flagged as outside.
 */
async function placePoint(ctx: ServiceContext, stationId: string, point: [number, number] | null) {
  const grid = point
    ? createGridLocator(await listStationGrids(ctx.db, stationId))(point[0], point[1])
    : null;
  if (!mayPlaceIn(ctx.actor.scopePath, grid)) {
    throw invalid('outside_scope', undefined, [{ field: 'lng', key: 'field.outside_scope' }]);
  }
  return placeHousehold(grid, { placerScope: ctx.actor.scopePath });
}

export async function createHousehold(ctx: ServiceContext, input: HouseholdCreate): Promise<HouseholdFile> {
  await authorize(ctx, 'household.write', 'household');
  const stationId = await stationOfCaller(ctx);
  const point = toWgs84(input);
  const place = await placePoint(ctx, stationId, point);
  const address = protectAddress(ctx.keys, input.address);
  const existing = await findHouseholdByAddress(ctx.db, stationId, address);
  if (existing) throw conflict('household_exists');
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertHousehold(tx, {
      stationId,
      gridId: place.gridId,
      orgPath: place.orgPath,
      community: input.address.community,
      street: input.address.street,
      addressSealed: address.sealed,
      addressMasked: address.masked,
      addressIndex: address.index,
      addressKeyIndex: address.keyIndex,
      lng: point?.[0] ?? null,
      lat: point?.[1] ?? null,
      qrCode: newQrCode(),
    });
    await recordHouseholdChange(ctx, tx, {
      stationId,
      householdId: row.id,
      kind: 'household.create',
      summary: place.gridId ? '建档' : '建档（位置不在任何网格内，待核实）',
    });
    return row.id;
  });
  return getHouseholdFile(ctx, id, { audit: false });
}

export async function getHouseholdFile(
  ctx: ServiceContext,
  id: string,
  options: { audit: boolean } = { audit: true },
): Promise<HouseholdFile> {
  await authorize(ctx, 'household.read', 'household', id);
  const household = await loadHouseholdInScope(ctx, id, 'household.read');
  const viewer = householdViewerOf(ctx);
  const [summary, residents, events] = await Promise.all([
    findHouseholdSummary(ctx.db, id),
    presentHouseholdMembers(ctx.db, id, viewer),
    listHouseholdEvents(ctx.db, id),
  ]);
  if (options.audit) {
    await recordAudit(ctx.db, ctx.keys.audit, {
      actor: auditActorOf(ctx.actor),
      action: 'household.read',
      objectType: 'household',
      objectId: id,
      result: 'ok',
      ip: ctx.ip,
    });
  }
  return {
    household: presentHouseholdSummary(summary as NonNullable<typeof summary>, viewer),
    qrCode: household.qrCode,
    residents,
    history: events.map(presentHouseholdEvent),
  };
}

/** The same door: parts left out and parts left empty are one and the same. */
function sameAddress(a: Address, b: Address): boolean {
  return (['community', 'street', 'building', 'unit', 'room'] as const).every(
    (part) => (a[part] ?? '') === (b[part] ?? ''),
  );
}

export async function updateHousehold(
  ctx: ServiceContext,
  id: string,
  input: HouseholdUpdate,
): Promise<HouseholdFile> {
  await authorize(ctx, 'household.write', 'household', id);
  const household = await loadHouseholdInScope(ctx, id, 'household.write');
  const patch: Parameters<typeof updateHouseholdRow>[2] = {};
  const changes: Record<string, unknown> = {};
  if (input.address && !sameAddress(openAddress(ctx.keys, household.addressSealed), input.address)) {
    const address = protectAddress(ctx.keys, input.address);
    const clash = await findHouseholdByAddress(ctx.db, household.stationId, address, id);
    if (clash) throw conflict('household_exists', undefined, { key: 'household_exists.other' });
    Object.assign(patch, {
      community: input.address.community,
      street: input.address.street,
      addressSealed: address.sealed,
      addressMasked: address.masked,
      addressIndex: address.index,
      addressKeyIndex: address.keyIndex,
    });
    changes.address = { from: household.addressMasked, to: address.masked };
  }
  const point = toWgs84(input);
  if (point && (point[0] !== household.lng || point[1] !== household.lat)) {
    Object.assign(patch, {
      lng: point[0],
      lat: point[1],
      ...(await placePoint(ctx, household.stationId, point)),
    });
    changes.location = { from: household.lng === null ? null : [household.lng, household.lat], to: point };
  }
  // Nothing differs from the file: no write, no history row, no audit row for a change that did not happen.
  if (Object.keys(changes).length === 0) return getHouseholdFile(ctx, id, { audit: false });
  await ctx.db.transaction(async (tx) => {
    await updateHouseholdRow(tx, id, patch);
    if (patch.orgPath && patch.orgPath !== household.orgPath)
      await moveMembersWithHousehold(tx, id, patch.orgPath);
    await recordHouseholdChange(ctx, tx, {
      stationId: household.stationId,
      householdId: id,
      kind: 'household.update',
      summary: changes.address ? '修改地址' : '修改位置',
      changes,
    });
  });
  return getHouseholdFile(ctx, id, { audit: false });
}

export async function listHouseholds(
  ctx: ServiceContext,
  query: {
    limit?: number;
    cursor?: string;
    orgUnitId?: string;
    tag?: string;
    outsideGrid?: boolean;
    community?: string;
    address?: string;
    ids?: string;
    sort?: HouseholdSort;
    order?: SortOrder;
  },
): Promise<{ items: HouseholdSummary[]; nextCursor: string | null; total: number; totalExact: boolean }> {
  await authorize(ctx, 'household.read', 'household');
  const viewer = householdViewerOf(ctx);
  assertMayFilterByTag(viewer, query.tag);
  const limit = query.limit ?? 50;
  const path = await scopedPath(ctx, query.orgUnitId);
  const address = query.address?.trim() ? await addressFilterFor(ctx, query.address, path) : undefined;
  const filter: HouseholdListFilter = {
    pattern: prefixPattern(path),
    tag: query.tag,
    outsideGrid: query.outsideGrid,
    community: query.community,
    address,
    ids: query.ids?.split(','),
  };
  const [page, total] = await Promise.all([
    pageOfHouseholds(ctx, filter, query, limit, viewer),
    countHouseholdSummaries(ctx.db, filter),
  ]);
  if (address && query.address) {
    await recordAudit(ctx.db, ctx.keys.audit, {
      actor: auditActorOf(ctx.actor),
      action: 'household.search',
      objectType: 'household',
      result: 'ok',
      ip: ctx.ip,
      detail: { address: maskAddressQuery(query.address), found: page.items.length },
    });
  }
  return { ...page, ...total };
}

/** One page: by id when no sort is asked for, else by (sort key, id) with the key in the cursor. */
async function pageOfHouseholds(
  ctx: ServiceContext,
  filter: HouseholdListFilter,
  query: { cursor?: string; sort?: HouseholdSort; order?: SortOrder },
  limit: number,
  viewer: HouseholdViewer,
) {
  const present = (r: HouseholdSummaryRow) => presentHouseholdSummary(r, viewer);
  if (!query.sort) {
    const afterId = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await listHouseholdSummaries(ctx.db, { ...filter, afterId }, limit + 1);
    return toPage(rows, limit, present, (r) => r.id);
  }
  const sort = query.sort;
  const order = query.order ?? 'asc';
  const last = query.cursor ? decodeSortedCursor(query.cursor, sort, order) : undefined;
  const rows = await listSortedHouseholdSummaries(
    ctx.db,
    filter,
    { by: sort, order, after: last ? { key: last.key, id: String(last.id) } : undefined },
    limit + 1,
  );
  return toPage(rows, limit, present, (r) => ({ sort, order, key: r.sortKey, id: r.id }));
}

/**
 * 按地址查找: part of a village or street name matches as typed; a door's full address matches
 * exactly through the blind index, typed with or without its village.
 */
async function addressFilterFor(ctx: ServiceContext, text: string, path: string) {
  const compact = text.replace(/\s/g, '');
  const communities = await listCommunityNamesAround(ctx.db, path);
  const candidates = [compact, ...communities.filter((c) => !compact.startsWith(c)).map((c) => c + compact)];
  return {
    grams: queryGrams(compact),
    pattern: `%${escapeLike(compact)}%`,
    indexes: candidates.map((full) => blindIndex(ctx.keys.blindIndex, full)),
  };
}

/** The audit keeps what was searched for without the door: digits become *. */
const maskAddressQuery = (text: string) => text.replace(/\s/g, '').replace(/\d+/g, '*');

/** 5 decimals of a degree ≈ 1 m: enough to place a door on the map, shorter than the stored 6. */
const roundCoordinate = (value: number) => Math.round(value * 1e5) / 1e5;

/**
 * The caller's households as compact tuples (a tenth of the GeoJSON it replaced; 20,000 points
 * are ~1.3 MB raw, far less gzipped): only the tag bits the caller may see are set.
 */
export async function listHouseholdMapPoints(
  ctx: ServiceContext,
  orgUnitId?: string,
): Promise<HouseholdMapPoints> {
  await authorize(ctx, 'household.read', 'household');
  const viewer = viewerOf(ctx);
  const shownBits = RESIDENT_TAGS.reduce(
    (bits, tag, i) => (visibleTags([tag], viewer).length ? bits | (1 << i) : bits),
    0,
  );
  const rows = await listHouseholdPoints(ctx.db, await scopedPattern(ctx, orgUnitId), MAP_POINT_LIMIT + 1);
  const count = Math.min(rows.length, MAP_POINT_LIMIT);
  const points = new Array<HouseholdMapPoint>(count);
  for (let i = 0; i < count; i++) {
    const r = rows[i] as (typeof rows)[number];
    points[i] = [r.id, roundCoordinate(r.lng), roundCoordinate(r.lat), r.tag_bits & shownBits];
  }
  return { truncated: rows.length > MAP_POINT_LIMIT, tags: [...RESIDENT_TAGS], points };
}

export async function getHouseholdStats(ctx: ServiceContext, orgUnitId?: string): Promise<GridStats> {
  await authorize(ctx, 'household.read', 'household');
  const viewer = viewerOf(ctx);
  const stats = await countHouseholdStats(ctx.db, await scopedPattern(ctx, orgUnitId));
  const shown = new Set(
    visibleTags(
      stats.tags.map((t) => t.tag),
      viewer,
    ),
  );
  const tagged = Object.fromEntries(stats.tags.filter((t) => shown.has(t.tag)).map((t) => [t.tag, t.n]));
  return { households: stats.households, residents: stats.residents, outsideGrid: stats.outside, tagged };
}

/** A scanned door plate: staff with access get the household; anyone else a 404, as for any other object. */
export async function resolveQrCode(ctx: ServiceContext, code: string): Promise<{ householdId: string }> {
  await authorize(ctx, 'household.read', 'household');
  const household = await findHouseholdByQr(ctx.db, code);
  await assertInScope(
    ctx,
    household?.orgPath,
    'household.read',
    'household',
    household?.id ?? code,
    'not_found.household',
  );
  return { householdId: (household as HouseholdRow).id };
}

/**
 * Re-places every located household of a station after its grids changed. Runs in the caller's
 * transaction so the grid edit and the re-assignment commit together.
 */
export async function reassignStationHouseholds(tx: DbOrTx, stationId: string): Promise<number> {
  const locate = createGridLocator(await listStationGrids(tx, stationId));
  let moved = 0;
  for (const h of await listStationHouseholdPoints(tx, stationId)) {
    if (h.lng === null || h.lat === null) continue;
    const grid = locate(h.lng, h.lat);
    if ((grid?.id ?? null) === h.gridId) continue;
    const place = placeHousehold(grid, { leftGridPath: h.orgPath });
    await updateHouseholdRow(tx, h.id, place);
    await moveMembersWithHousehold(tx, h.id, place.orgPath);
    moved++;
  }
  return moved;
}
