import type { ServiceContext } from '../../security/context.js';
import { listOrgUnitNamesIn } from './org-unit.repository.js';

/** Units in the caller's subtree by their name, for the audit log. */
export async function nameOrgUnitsForAudit(ctx: ServiceContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await listOrgUnitNamesIn(ctx.db, ctx.actor.scopePath, ids);
  return new Map(rows.map((r) => [r.id, r.name]));
}
