import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../security/context.js';
import { reassignStationHouseholds } from './household.service.js';

/**
 * The households' answer to "a grid's boundary moved" (registered with the org-unit events in app.ts):
 * the station's located households are placed anew by the household policy, in the edit's transaction.
 */
export async function replaceHouseholdsOfStation(
  _ctx: ServiceContext,
  tx: DbOrTx,
  change: { stationId: string },
): Promise<number> {
  return reassignStationHouseholds(tx, change.stationId);
}
