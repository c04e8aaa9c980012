import type { OrgKind } from '@fengqiao/shared';
import { ORG_TREE_KEY } from '../../lib/org-scope/org-tree-query';
import { QUERY_ROOT } from '../../lib/query/query-roots';

/** The org queries; all of them lie within the signed-in user's scope (the cache is per user). */
export const orgKeys = {
  all: [QUERY_ROOT.orgs] as const,
  tree: ORG_TREE_KEY,
  unit: (id: string) => [QUERY_ROOT.orgs, 'unit', id] as const,
  geojson: (kind: OrgKind) => [QUERY_ROOT.orgs, 'geojson', kind] as const,
};
