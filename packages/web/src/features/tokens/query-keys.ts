import { QUERY_ROOT } from '../../lib/query/query-roots';

/** The signed-in user's tokens (the cache is per user). */
export const tokenKeys = {
  all: [QUERY_ROOT.tokens] as const,
  list: () => [QUERY_ROOT.tokens, 'list'] as const,
};
