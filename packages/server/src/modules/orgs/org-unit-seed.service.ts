import type { DbOrTx } from '../../db/client.js';
import type { orgUnits } from '../../db/schema/index.js';
import { insertOrgUnit, type OrgUnitRow } from './org-unit.repository.js';

/**
 * System path (the tests' factories): a unit straight into the tree under its parent, with no caller,
 * no policy and no audit row. Staff create units through `createOrgUnit`.
 */
export function seedOrgUnit(
  db: DbOrTx,
  row: Omit<typeof orgUnits.$inferInsert, 'path' | 'depth'> & { id: string },
  parent: OrgUnitRow | null,
): Promise<OrgUnitRow> {
  return insertOrgUnit(db, row, parent);
}
