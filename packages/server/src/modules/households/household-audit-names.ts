import { prefixPattern } from '../../db/like-pattern.js';
import type { ServiceContext } from '../../security/context.js';
import { householdViewerOf, presentHouseholdSummary } from './household.presenter.js';
import { listHouseholdSummaries } from './household.repository.js';

/**
 * Households in the caller's scope by their address and head, for the audit log: through the list's
 * presenter, so they are masked exactly as the household list masks them for this caller.
 */
export async function nameHouseholdsForAudit(
  ctx: ServiceContext,
  ids: string[],
): Promise<Map<string, string>> {
  const viewer = householdViewerOf(ctx);
  const rows = await listHouseholdSummaries(
    ctx.db,
    { pattern: prefixPattern(ctx.actor.scopePath), ids },
    ids.length,
  );
  return new Map(
    rows.map((row) => {
      const shown = presentHouseholdSummary(row, viewer);
      return [row.id, shown.headName ? `${shown.addressMasked} · ${shown.headName}` : shown.addressMasked];
    }),
  );
}
