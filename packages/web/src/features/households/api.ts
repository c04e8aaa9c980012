import type {
  DoorPlateSheet,
  GridStats,
  HouseholdCreate,
  HouseholdFile,
  HouseholdMapPoints,
  HouseholdSort,
  HouseholdSummary,
  HouseholdUpdate,
  PublicHousehold,
  Resident,
  ResidentCreate,
  ResidentSearchResult,
  ResidentTag,
  ResidentUpdate,
  SortOrder,
  UnmaskedResident,
} from '@fengqiao/shared';
import { RESIDENT_TAGS } from '@fengqiao/shared/rules';
import type { FeatureCollection, Point } from 'geojson';
import { API_BASE, api, type Page, request } from '../../lib/api-client';

export interface HouseholdQuery {
  limit?: number;
  cursor?: string;
  orgUnitId?: string | null;
  tag?: ResidentTag;
  outsideGrid?: boolean;
  community?: string;
  address?: string;
  /** Comma-separated, up to 50. */
  ids?: string;
  sort?: HouseholdSort;
  order?: SortOrder;
}

export interface ResidentQuery {
  q?: string;
  tag?: ResidentTag;
  residenceType?: string;
  orgUnitId?: string | null;
  limit?: number;
  cursor?: string;
}

/**
 * A household on the map. `tags` is a bit mask of its members' tags the caller may see: bit i set
 * for RESIDENT_TAGS[i] (the map's filters test the bits).
 */
export interface HouseholdPointProps {
  id: string;
  tags: number;
}

export type HouseholdPoints = FeatureCollection<Point, HouseholdPointProps> & { truncated: boolean };

/** Tag bits re-numbered to RESIDENT_TAGS order, should the server list its tags in another order. */
function tagBitMapper(tags: readonly string[]): ((bits: number) => number) | null {
  if (tags.length === RESIDENT_TAGS.length && tags.every((t, i) => t === RESIDENT_TAGS[i])) return null;
  const to = tags.map((t) => RESIDENT_TAGS.indexOf(t as ResidentTag));
  return (bits) => {
    let out = 0;
    for (let i = 0; i < to.length; i++) {
      const j = to[i] ?? -1;
      if (j >= 0 && bits & (1 << i)) out |= 1 << j;
    }
    return out;
  };
}

/** The compact answer of `GET /households/map-points` as GeoJSON for the map's clustered source. */
export function toHouseholdPoints(answer: HouseholdMapPoints): HouseholdPoints {
  const remap = tagBitMapper(answer.tags);
  return {
    type: 'FeatureCollection',
    truncated: answer.truncated,
    features: answer.points.map(([id, lng, lat, bits]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: { id, tags: remap ? remap(bits) : bits },
    })),
  };
}

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;
const residentPath = (id: string) => `/residents/${encodeURIComponent(id)}`;

export function listHouseholds(query: HouseholdQuery, signal?: AbortSignal): Promise<Page<HouseholdSummary>> {
  return api.get('/households', { ...query }, signal);
}

export async function fetchHouseholdPoints(
  orgUnitId: string | null,
  signal?: AbortSignal,
): Promise<HouseholdPoints> {
  return toHouseholdPoints(
    await api.get<HouseholdMapPoints>('/households/map-points', { orgUnitId }, signal),
  );
}

export function fetchHouseholdStats(orgUnitId: string | null, signal?: AbortSignal): Promise<GridStats> {
  return api.get('/households/stats', { orgUnitId }, signal);
}

export function fetchHouseholdFile(id: string, signal?: AbortSignal): Promise<HouseholdFile> {
  return api.get(householdPath(id), undefined, signal);
}

/** The door plate's QR code (an SVG image; the session cookie authorises it). */
/** Plates of one household or of every household under a unit; the server records the print. */
export function fetchDoorPlates(
  query: { orgUnitId?: string; householdId?: string; batch?: number },
  signal?: AbortSignal,
): Promise<DoorPlateSheet> {
  return api.get('/households/door-plates', { ...query }, signal);
}

export function householdQrUrl(id: string): string {
  return `${API_BASE}${householdPath(id)}/qr.svg`;
}

export function createHousehold(body: HouseholdCreate): Promise<HouseholdFile> {
  return api.post('/households', body);
}

export function updateHousehold(id: string, body: HouseholdUpdate): Promise<HouseholdFile> {
  return api.patch(householdPath(id), body);
}

export function addResident(householdId: string, body: ResidentCreate): Promise<Resident> {
  return api.post(`${householdPath(householdId)}/residents`, body);
}

export function searchResidents(
  query: ResidentQuery,
  signal?: AbortSignal,
): Promise<Page<ResidentSearchResult>> {
  return api.get('/residents', { ...query }, signal);
}

export function updateResident(id: string, body: ResidentUpdate): Promise<Resident> {
  return api.patch(residentPath(id), body);
}

/** 查看完整信息: audited on the server, one record per call. */
export function unmaskResident(id: string): Promise<UnmaskedResident> {
  return api.post(`${residentPath(id)}/unmask`);
}

/**
 * A scanned door plate, for a signed-in user. A 401 here means "not signed in", not an expired
 * session, so it must not bounce the page to the login form.
 */
export function resolveQrCode(code: string, signal?: AbortSignal): Promise<{ householdId: string }> {
  return request(`/households/by-qr/${encodeURIComponent(code)}`, { signal, redirectOn401: false });
}

/** What anyone who scans the plate may see (no login, no personal data). */
export function fetchPublicHousehold(code: string, signal?: AbortSignal): Promise<PublicHousehold> {
  return request(`/public/households/${encodeURIComponent(code)}`, { signal, redirectOn401: false });
}
