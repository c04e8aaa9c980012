// The residents module's surface: what other modules may call. Its repository stays inside.
export type { HouseholdAccess, HouseholdChange, ResidentHousehold } from './household-access.js';
export { moveMembersWithHousehold, presentHouseholdMembers } from './household-members.js';
export {
  addressKeyIndexOf,
  formatAddress,
  type IdCardFields,
  maskAddress,
  nameGrams,
  openAddress,
  openIdCard,
  openPhone,
  type ProtectedAddress,
  type ProtectedValue,
  personColumns,
  protectAddress,
  protectIdCard,
  protectPhone,
  queryGrams,
} from './personal-fields.js';
export {
  assertMayEdit,
  assertMayFilterByTag,
  assertMayTag,
  assertMayUnmask,
  isChild,
  isRestricted,
  isSensitiveTag,
  keptTags,
  mayEdit,
  mayFilterByTag,
  mayTag,
  mayUnmask,
  SYSTEM_VIEWER,
  type Viewer,
  viewerOf,
  visibleTags,
} from './resident.policy.js';
export { presentName } from './resident.presenter.js';
export { residentRoutes } from './resident.routes.js';
export { addResident } from './resident.service.js';
export { tagArrayLiteral } from './resident-tag-sql.js';
