import { useQuery } from '@tanstack/react-query';
import { QUERY_ROOT } from '../query/query-roots';
import { fetchOrgTree } from './org-tree-api';

/** The org tree of the signed-in user's scope (the cache is per user, see QueryProvider). */
export const ORG_TREE_KEY = [QUERY_ROOT.orgs, 'tree'] as const;

export function useOrgTreeQuery(enabled: boolean) {
  return useQuery({ queryKey: ORG_TREE_KEY, queryFn: ({ signal }) => fetchOrgTree(signal), enabled });
}
