import type { OrgUnit } from '@fengqiao/shared';
import { type OrgIndex, subtreeIds } from '../../lib/org-tree';
import type { ScopeCounts } from './components/stat-cards';

/** Stations, communities and grids in the selected subtree (or the whole scope). */
export function countScope(
  index: OrgIndex,
  units: readonly OrgUnit[],
  selectedId: string | null,
): ScopeCounts {
  const within = selectedId ? subtreeIds(index, selectedId) : null;
  const counts: ScopeCounts = { stations: 0, communities: 0, grids: 0 };
  for (const unit of units) {
    if (within && !within.has(unit.id)) continue;
    if (unit.kind === 'station') counts.stations++;
    else if (unit.kind === 'community') counts.communities++;
    else if (unit.kind === 'grid') counts.grids++;
  }
  return counts;
}
