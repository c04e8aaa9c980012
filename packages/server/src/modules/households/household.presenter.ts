import {
  type HouseholdEvent,
  type HouseholdSummary,
  MINOR_AGE,
  type Resident,
  SENSITIVE_TAGS,
} from '@fengqiao/shared';
import { ageOn } from '../../lib/dates/china-age.js';
import type { HouseholdEventRow, HouseholdSummaryRow, ResidentRow } from './household.repository.js';

/** What the caller may see: 重点关注 and children's records need `resident.sensitive`. */
export interface Viewer {
  sensitive: boolean;
}

export const isSensitiveTag = (tag: string) => (SENSITIVE_TAGS as readonly string[]).includes(tag);

export function visibleTags(tags: readonly string[], viewer: Viewer): string[] {
  return viewer.sensitive ? [...tags] : tags.filter((t) => !isSensitiveTag(t));
}

function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

const isRestricted = (birthDate: string, viewer: Viewer) => !viewer.sensitive && ageOn(birthDate) < MINOR_AGE;

export function presentResident(row: ResidentRow, viewer: Viewer): Resident {
  const age = ageOn(row.birthDate);
  const restricted = isRestricted(row.birthDate, viewer);
  return {
    id: row.id,
    householdId: row.householdId,
    name: restricted ? maskName(row.name) : row.name,
    idCardMasked: row.idCardMasked,
    age,
    sex: row.sex,
    phoneMasked: restricted ? null : row.phoneMasked,
    relation: row.relation,
    residenceType: row.residenceType,
    tags: visibleTags(row.tags, viewer),
    restricted,
  };
}

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
      row.headName && row.headBirthDate && isRestricted(row.headBirthDate, viewer)
        ? maskName(row.headName)
        : row.headName,
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
