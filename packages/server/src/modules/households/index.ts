// The households module's surface: what other modules may call. Its repositories stay inside.
export { backfillAddressKeyIndexes } from './address-key-backfill.js';
export { doorPlateRoutes } from './door-plate.routes.js';
export { replaceHouseholdsOfStation } from './grid-boundaries.js';
export {
  type GridAt,
  homeOutsideGrids,
  mayPlaceIn,
  type OutsideGridsBy,
  type Placement,
  placeHousehold,
  scopedPattern,
} from './household.policy.js';
export { householdRoutes } from './household.routes.js';
export { newQrCode, resolveQrCode } from './household.service.js';
export { nameHouseholdsForAudit } from './household-audit-names.js';
export { householdAccess } from './resident-access.js';
export { type GridLocate, loadGridLocator } from './station-grids.js';
