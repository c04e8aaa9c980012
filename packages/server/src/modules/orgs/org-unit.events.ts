import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../security/context.js';

/** A grid's boundary was drawn anew, in the station's transaction that is still open. */
export interface BoundariesChanged {
  stationId: string;
  gridId: string;
}

/** Reacts inside the same transaction (so the edit and the reaction commit together); returns how many households it moved. */
export type BoundariesChangedHandler = (
  ctx: ServiceContext,
  tx: DbOrTx,
  change: BoundariesChanged,
) => Promise<number>;

/** Whether a module's records still belong to the unit (members, say). */
export type UnitInUseCheck = (db: DbOrTx, orgUnitId: string) => Promise<boolean>;

/**
 * What org units announce to, and ask of, the modules that depend on them. Those modules register
 * here, wired in app.ts, so orgs imports none of them and each dependency is visible in one place.
 */
export interface OrgUnitEvents {
  onBoundariesChanged(handler: BoundariesChangedHandler): void;
  boundariesChanged(ctx: ServiceContext, tx: DbOrTx, change: BoundariesChanged): Promise<number>;
  /** A unit in use is not deleted. */
  onRemoving(check: UnitInUseCheck): void;
  isInUse(db: DbOrTx, orgUnitId: string): Promise<boolean>;
}

export function createOrgUnitEvents(): OrgUnitEvents {
  const boundaryHandlers: BoundariesChangedHandler[] = [];
  const inUseChecks: UnitInUseCheck[] = [];
  return {
    onBoundariesChanged(handler) {
      boundaryHandlers.push(handler);
    },
    async boundariesChanged(ctx, tx, change) {
      let moved = 0;
      for (const handler of boundaryHandlers) moved += await handler(ctx, tx, change);
      return moved;
    },
    onRemoving(check) {
      inUseChecks.push(check);
    },
    async isInUse(db, orgUnitId) {
      for (const check of inUseChecks) if (await check(db, orgUnitId)) return true;
      return false;
    },
  };
}
