import type { OrgKind, OrgUnitCreate, OrgUnitUpdate } from '@fengqiao/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QUERY_ROOT } from '../../lib/query/query-roots';
import { createOrgUnit, deleteOrgUnit, fetchOrgGeojson, fetchOrgUnit, updateOrgUnit } from './api';
import { orgKeys } from './query-keys';

export function useOrgUnitQuery(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: orgKeys.unit(id ?? ''),
    queryFn: ({ signal }) => fetchOrgUnit(id as string, signal),
    enabled: enabled && !!id,
  });
}

export function useOrgGeojsonQuery(kind: OrgKind, enabled = true) {
  return useQuery({
    queryKey: orgKeys.geojson(kind),
    queryFn: ({ signal }) => fetchOrgGeojson(kind, signal),
    enabled,
  });
}

/**
 * After any change to a unit: the tree, units and maps change, and so may households (a new or
 * moved grid boundary re-places them, a renamed unit is shown on their files).
 */
function useInvalidateOrgs() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: orgKeys.all });
    void client.invalidateQueries({ queryKey: [QUERY_ROOT.households] });
  };
}

export function useCreateOrgUnit() {
  const onSuccess = useInvalidateOrgs();
  return useMutation({ mutationFn: (body: OrgUnitCreate) => createOrgUnit(body), onSuccess });
}

export function useUpdateOrgUnit() {
  const onSuccess = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: OrgUnitUpdate }) => updateOrgUnit(id, body),
    onSuccess,
  });
}

export function useDeleteOrgUnit() {
  const onSuccess = useInvalidateOrgs();
  return useMutation({ mutationFn: (id: string) => deleteOrgUnit(id), onSuccess });
}
