import type { HouseholdSort, ResidentTag, SortOrder } from '@fengqiao/shared';
import { QUERY_ROOT } from '../../lib/query/query-roots';

const ROOT = QUERY_ROOT.households;

export interface HouseholdListFilters {
  orgUnitId: string | null;
  tag?: ResidentTag;
  outsideGrid?: boolean;
  address?: string;
  sort?: HouseholdSort;
  order?: SortOrder;
}

export interface DoorPlateFilters {
  orgUnitId?: string;
  householdId?: string;
  batch: number;
}

/**
 * The households' and residents' queries. Every list carries the org unit selected in the tree
 * (null: the user's whole scope), so each scope is cached apart.
 */
export const householdKeys = {
  all: [ROOT] as const,
  lists: () => [ROOT, 'list'] as const,
  list: (filters: HouseholdListFilters) => [ROOT, 'list', filters] as const,
  residentSearch: (q: string, orgUnitId: string | null) => [ROOT, 'residents', { q, orgUnitId }] as const,
  points: (orgUnitId: string | null) => [ROOT, 'points', { orgUnitId }] as const,
  stats: (orgUnitId: string | null) => [ROOT, 'stats', { orgUnitId }] as const,
  file: (id: string) => [ROOT, 'file', id] as const,
  doorPlates: (filters: DoorPlateFilters) => [ROOT, 'door-plates', filters] as const,
};
