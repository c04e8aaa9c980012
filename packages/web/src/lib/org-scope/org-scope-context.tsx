import type { OrgUnit } from '@fengqiao/shared';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { buildOrgIndex, type OrgIndex } from '../org-tree';
import { useOrgTreeQuery } from './org-tree-query';

export interface OrgScopeValue {
  /** Whether the user may read the org tree at all (audit admins may not). */
  available: boolean;
  units: OrgUnit[];
  index: OrgIndex;
  loading: boolean;
  error: unknown;
  /** Fetches the tree again (the retry button of a failed load). */
  retry: () => void;
  /** The unit chosen in the tree; null = the whole scope. */
  selectedId: string | null;
  selectedUnit: OrgUnit | null;
  select: (id: string | null) => void;
}

const OrgScopeContext = createContext<OrgScopeValue | null>(null);
const NO_UNITS: OrgUnit[] = [];

export function OrgScopeProvider({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  const available = can('org.read');
  const state = useOrgTreeQuery(available);
  const { refetch } = state;
  const loading = available && (state.isPending || state.isFetching);
  const error = state.error ?? undefined;
  const retry = useCallback(() => void refetch(), [refetch]);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const units = state.data?.items ?? NO_UNITS;
  const index = useMemo(() => buildOrgIndex(units), [units]);
  const selectedUnit = (selectedId && index.byId.get(selectedId)?.unit) || null;
  const select = useCallback((id: string | null) => setSelectedId(id), []);

  const value = useMemo<OrgScopeValue>(
    () => ({
      available,
      units,
      index,
      loading,
      error,
      retry,
      selectedId: selectedUnit ? selectedId : null,
      selectedUnit,
      select,
    }),
    [available, units, index, loading, error, retry, selectedId, selectedUnit, select],
  );

  return <OrgScopeContext.Provider value={value}>{children}</OrgScopeContext.Provider>;
}

export function useOrgScope(): OrgScopeValue {
  const value = useContext(OrgScopeContext);
  if (!value) throw new Error('useOrgScope must be used inside <OrgScopeProvider>');
  return value;
}
