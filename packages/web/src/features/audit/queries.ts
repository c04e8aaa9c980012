import { useCursorQuery } from '../../lib/query/use-cursor-query';
import { type AuditFilters, listAuditEvents } from './api';
import { auditKeys } from './query-keys';

/**
 * The audit log grows with every action anywhere in the app, so the page asks the server each time
 * it is shown rather than trusting the cache.
 */
export function useAuditEvents(filters: AuditFilters) {
  return useCursorQuery({
    queryKey: auditKeys.list(filters),
    load: (cursor, signal) => listAuditEvents(filters, cursor, signal),
    staleTime: 0,
  });
}
