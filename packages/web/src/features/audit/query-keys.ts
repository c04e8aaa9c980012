import { QUERY_ROOT } from '../../lib/query/query-roots';
import type { AuditFilters } from './api';

export const auditKeys = {
  all: [QUERY_ROOT.audit] as const,
  list: (filters: AuditFilters) => [QUERY_ROOT.audit, 'list', filters] as const,
};
