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

/**
 * What org units announce to the modules that depend on them. Those modules register here, wired in
 * app.ts, so orgs imports none of them and each dependency is visible in one place.
 */
export interface OrgUnitEvents {
  onBoundariesChanged(handler: BoundariesChangedHandler): void;
  boundariesChanged(ctx: ServiceContext, tx: DbOrTx, change: BoundariesChanged): Promise<number>;
}

export function createOrgUnitEvents(): OrgUnitEvents {
  const handlers: BoundariesChangedHandler[] = [];
  return {
    onBoundariesChanged(handler) {
      handlers.push(handler);
    },
    async boundariesChanged(ctx, tx, change) {
      let moved = 0;
      for (const handler of handlers) moved += await handler(ctx, tx, change);
      return moved;
    },
  };
}
