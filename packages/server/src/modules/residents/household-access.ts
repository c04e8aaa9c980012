import type { AuditAction } from '@fengqiao/shared';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../security/context.js';

/** The household a person belongs to, as residents need it. */
export interface ResidentHousehold {
  id: string;
  stationId: string;
  orgPath: string;
  addressSealed: string;
}

/** One change to a household file, as residents record it. */
export interface HouseholdChange {
  stationId: string;
  householdId: string;
  residentId?: string | null;
  kind: string;
  summary: string;
  changes?: Record<string, unknown> | null;
}

/**
 * What residents need of households. The households module gives it (its `householdAccess`) and app.ts
 * hands it to the resident routes, so residents never import households while households show residents.
 */
export interface HouseholdAccess {
  /** The household when it lies in the caller's scope; otherwise the scope check's 404 (and audit). */
  loadInScope(ctx: ServiceContext, id: string, action: AuditAction): Promise<ResidentHousehold>;
  /** A history row for the household file and an audit row, in the caller's transaction. */
  recordChange(ctx: ServiceContext, tx: DbOrTx, change: HouseholdChange): Promise<void>;
  /** The caller's subtree, or a unit inside it when one is asked for, as a LIKE pattern over org paths. */
  scopePattern(ctx: ServiceContext, orgUnitId?: string): Promise<string>;
}
