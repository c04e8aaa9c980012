import type { OrgKind, OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitUpdate } from '@fengqiao/shared';
import { api } from '../../lib/api-client';
import type { UnitCollection } from '../../lib/geo';

export function fetchOrgGeojson(kind: OrgKind, signal?: AbortSignal): Promise<UnitCollection> {
  return api.get('/org-units/geojson', { kind }, signal);
}

export function fetchOrgUnit(id: string, signal?: AbortSignal): Promise<OrgUnitDetail> {
  return api.get(`/org-units/${encodeURIComponent(id)}`, undefined, signal);
}

export function createOrgUnit(body: OrgUnitCreate): Promise<OrgUnit> {
  return api.post('/org-units', body);
}

export function updateOrgUnit(id: string, body: OrgUnitUpdate): Promise<OrgUnit> {
  return api.patch(`/org-units/${encodeURIComponent(id)}`, body);
}

export function deleteOrgUnit(id: string): Promise<void> {
  return api.delete(`/org-units/${encodeURIComponent(id)}`);
}
