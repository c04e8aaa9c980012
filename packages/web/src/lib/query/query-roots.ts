/**
 * The first element of every query key, one per feature. Here, below the features, so one feature
 * can invalidate what its writes change in another (new grid boundaries re-place households)
 * without importing that feature's internals.
 */
export const QUERY_ROOT = {
  orgs: 'orgs',
  households: 'households',
  users: 'users',
  tokens: 'tokens',
  audit: 'audit',
} as const;
