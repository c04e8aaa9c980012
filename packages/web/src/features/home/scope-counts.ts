import type { OrgUnit } from '@fengqiao/shared';
import { ORG_KINDS } from '@fengqiao/shared/rules';
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

export type ScopeLevel = keyof ScopeCounts;

const LEVEL_OF_KIND: Partial<Record<OrgUnit['kind'], ScopeLevel>> = {
  station: 'stations',
  community: 'communities',
  grid: 'grids',
};
const LEVELS: readonly ScopeLevel[] = ['stations', 'communities', 'grids'];

/**
 * The count cards worth showing: the levels at and below the caller's scope. A village officer has
 * no station to count ("派出所 0" reads as missing data), a grid worker no village. The scope's top
 * is the highest kind among the units whose parent is not listed (the roots of the scope).
 */
export function shownScopeLevels(units: readonly OrgUnit[]): ScopeLevel[] {
  if (units.length === 0) return [...LEVELS];
  const listed = new Set(units.map((unit) => unit.id));
  const rootRanks = units
    .filter((unit) => !unit.parentId || !listed.has(unit.parentId))
    .map((unit) => ORG_KINDS.indexOf(unit.kind));
  const top = ORG_KINDS[Math.min(...rootRanks)] ?? 'bureau';
  const topLevel = LEVEL_OF_KIND[top];
  return topLevel ? LEVELS.slice(LEVELS.indexOf(topLevel)) : [...LEVELS];
}
