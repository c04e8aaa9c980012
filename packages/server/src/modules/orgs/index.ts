// The orgs module's public surface: other modules and the composition roots import only this file.

export { createOrgUnitEvents, type OrgUnitEvents, type UnitInUseCheck } from './org-unit.events.js';
export { orgUnitRoutes } from './org-unit.routes.js';
export { nameOrgUnitsForAudit } from './org-unit-audit-names.js';
export {
  findOrgUnit,
  findOrgUnitByCode,
  listCommunityNames,
  type OrgUnitRecord,
  scopePattern,
} from './org-unit-lookup.service.js';
export { seedOrgUnit } from './org-unit-seed.service.js';
