import type { HouseholdAccess } from '../residents/index.js';
import { scopedPattern } from './household.policy.js';
import { loadHouseholdInScope } from './household.service.js';
import { recordHouseholdChange } from './household-record.js';

/** What the residents module may do with households: load one in scope, write its history, scope a list. */
export const householdAccess: HouseholdAccess = {
  loadInScope: loadHouseholdInScope,
  recordChange: recordHouseholdChange,
  scopePattern: scopedPattern,
};
