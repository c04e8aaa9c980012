import type { DbOrTx } from '../../db/client.js';
import { prefixPattern } from '../../db/like-pattern.js';
import {
  findCommunityNames,
  findOrgUnitById,
  findOrgUnitByCode as findUnitRowByCode,
  type OrgUnitRow,
} from './org-unit.repository.js';

// The reads other modules make of the org tree to place their own records (a user's unit, a token's
// scope, a household's grid). No policy here: each caller checks the unit against its own actor's
// scope (`unit.path.startsWith(ctx.actor.scopePath)`), as it knows which field it is validating.

export type OrgUnitRecord = OrgUnitRow;

/** The LIKE pattern matching an org path and its whole subtree. */
export function scopePattern(path: string): string {
  return prefixPattern(path);
}

export function findOrgUnit(db: DbOrTx, id: string): Promise<OrgUnitRecord | undefined> {
  return findOrgUnitById(db, id);
}

export function findOrgUnitByCode(db: DbOrTx, code: string): Promise<OrgUnitRecord | undefined> {
  return findUnitRowByCode(db, code);
}

/**
 * The station's villages and communities by name, for reading addresses typed as one line. No
 * policy check: names of a station's own villages are what its staff write on every address.
 */
export function listCommunityNames(db: DbOrTx, stationId: string): Promise<string[]> {
  return findCommunityNames(db, stationId);
}
