import type { DbOrTx } from '../../db/client.js';
import { createGridLocator } from './grid-locator.js';
import { listStationGrids } from './household.repository.js';

export type GridLocate = ReturnType<typeof createGridLocator>;

/** Finds the grid of the station a point falls in, among the grids under `scopePath` ('/' for all). */
export async function loadGridLocator(db: DbOrTx, stationId: string, scopePath: string): Promise<GridLocate> {
  const grids = await listStationGrids(db, stationId);
  return createGridLocator(grids.filter((g) => g.path.startsWith(scopePath)));
}
