import type { Role } from '@fengqiao/shared';
import { QUERY_ROOT } from '../../lib/query/query-roots';

export interface UserListFilters {
  q?: string;
  role?: Role;
  /** The unit selected in the tree; null: the user's whole scope. */
  orgUnitId: string | null;
}

export const userKeys = {
  all: [QUERY_ROOT.users] as const,
  list: (filters: UserListFilters) => [QUERY_ROOT.users, 'list', filters] as const,
};
