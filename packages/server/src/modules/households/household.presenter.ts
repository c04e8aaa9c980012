import type { HouseholdEvent, HouseholdSummary } from '@fengqiao/shared';
import { presentName, type Viewer, visibleTags } from '../residents/index.js';
import type { HouseholdEventRow, HouseholdSummaryRow } from './household.repository.js';

export function presentHouseholdSummary(row: HouseholdSummaryRow, viewer: Viewer): HouseholdSummary {
  return {
    id: row.id,
    gridId: row.gridId,
    gridName: row.gridName,
    outsideGrid: row.gridId === null,
    community: row.community,
    addressMasked: row.addressMasked,
    lng: row.lng,
    lat: row.lat,
    residentCount: row.residentCount,
    headName:
      row.headName && row.headBirthDate ? presentName(row.headName, row.headBirthDate, viewer) : row.headName,
    tags: visibleTags(row.tags, viewer),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentHouseholdEvent(row: HouseholdEventRow): HouseholdEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorName: row.actorName,
    kind: row.kind,
    summary: row.summary,
    changes: row.changes ?? null,
  };
}
