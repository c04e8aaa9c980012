import type { OrgUnit } from '@fengqiao/shared';
import { api } from '../api-client';

export function fetchOrgTree(signal?: AbortSignal): Promise<{ items: OrgUnit[] }> {
  return api.get('/org-units/tree', undefined, signal);
}
