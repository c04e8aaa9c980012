import type { OrgUnit, OrgUnitDetail } from '@fengqiao/shared';
import type { OrgUnitWithCount } from './org-unit.repository.js';

export function presentOrgUnit(row: OrgUnitWithCount): OrgUnit {
  return {
    id: row.id,
    parentId: row.parentId,
    stationId: row.stationId,
    kind: row.kind,
    code: row.code,
    name: row.name,
    boundary: (row.boundary as OrgUnit['boundary']) ?? null,
    childCount: row.childCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentOrgUnitDetail(
  row: OrgUnitWithCount,
  parentName: string | null,
  undeletableReason: OrgUnitDetail['undeletableReason'],
): OrgUnitDetail {
  return { ...presentOrgUnit(row), parentName, undeletableReason };
}
