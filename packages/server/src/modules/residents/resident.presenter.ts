import type { Resident } from '@fengqiao/shared';
import { ageOn } from '../../lib/dates/china-age.js';
import { isRestricted, type Viewer, visibleTags } from './resident.policy.js';
import type { ResidentRow } from './resident.repository.js';

function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** A person's name as the viewer may see it: a child's masked without `resident.sensitive`. */
export const presentName = (name: string, birthDate: string, viewer: Viewer) =>
  isRestricted(birthDate, viewer) ? maskName(name) : name;

export function presentResident(row: ResidentRow, viewer: Viewer): Resident {
  const restricted = isRestricted(row.birthDate, viewer);
  return {
    id: row.id,
    householdId: row.householdId,
    name: presentName(row.name, row.birthDate, viewer),
    idCardMasked: row.idCardMasked,
    age: ageOn(row.birthDate),
    sex: row.sex,
    phoneMasked: restricted ? null : row.phoneMasked,
    relation: row.relation,
    residenceType: row.residenceType,
    tags: visibleTags(row.tags, viewer),
    restricted,
  };
}
