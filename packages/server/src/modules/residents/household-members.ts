import type { Resident } from '@fengqiao/shared';
import type { DbOrTx } from '../../db/client.js';
import type { Viewer } from './resident.policy.js';
import { presentResident } from './resident.presenter.js';
import { listResidentsOfHousehold, updateResidentsPath } from './resident.repository.js';

/** The people of a household file as the viewer may see them, in the order they were filed. */
export async function presentHouseholdMembers(
  db: DbOrTx,
  householdId: string,
  viewer: Viewer,
): Promise<Resident[]> {
  return (await listResidentsOfHousehold(db, householdId)).map((r) => presentResident(r, viewer));
}

/** People carry their household's org path (scope checks read it): a household placed anew takes them along. */
export async function moveMembersWithHousehold(
  tx: DbOrTx,
  householdId: string,
  orgPath: string,
): Promise<void> {
  await updateResidentsPath(tx, householdId, orgPath);
}
