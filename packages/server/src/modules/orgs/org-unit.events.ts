import type { DbOrTx } from '../../db/client.js';

/** Whether a module's records still belong to the unit (members, say). */
export type UnitInUseCheck = (db: DbOrTx, orgUnitId: string) => Promise<boolean>;

/**
 * What org units ask of the modules whose records hang on them. Each such module registers its
 * check here, wired in app.ts, so orgs never import them; a unit in use is not deleted.
 */
export interface OrgUnitEvents {
  onRemoving(check: UnitInUseCheck): void;
  isInUse(db: DbOrTx, orgUnitId: string): Promise<boolean>;
}

export function createOrgUnitEvents(): OrgUnitEvents {
  const checks: UnitInUseCheck[] = [];
  return {
    onRemoving: (check) => {
      checks.push(check);
    },
    isInUse: async (db, orgUnitId) => {
      for (const check of checks) if (await check(db, orgUnitId)) return true;
      return false;
    },
  };
}
