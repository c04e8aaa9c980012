import type {
  HouseholdCreate,
  HouseholdFile,
  HouseholdUpdate,
  ResidentCreate,
  ResidentUpdate,
} from '@fengqiao/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useCursorQuery } from '../../lib/query/use-cursor-query';
import {
  addResident,
  createHousehold,
  fetchDoorPlates,
  fetchHouseholdFile,
  fetchHouseholdPoints,
  fetchHouseholdStats,
  listHouseholds,
  searchResidents,
  updateHousehold,
  updateResident,
} from './api';
import { type DoorPlateFilters, type HouseholdListFilters, householdKeys } from './query-keys';

const PAGE_SIZE = 20;

/**
 * Reads the server audits (a person search, a household's file, a print of door plates) go to the
 * server every time they are shown, as they did before the cache, and personal data is not kept
 * once no screen shows it.
 */
const AUDITED_READ = { staleTime: 0, gcTime: 0 } as const;

export function useHouseholdList(filters: HouseholdListFilters) {
  return useCursorQuery({
    queryKey: householdKeys.list(filters),
    load: (cursor, signal) => listHouseholds({ limit: PAGE_SIZE, cursor, ...filters }, signal),
  });
}

export function useResidentSearch(q: string, orgUnitId: string | null) {
  return useCursorQuery({
    queryKey: householdKeys.residentSearch(q, orgUnitId),
    load: (cursor, signal) => searchResidents({ q, orgUnitId, limit: PAGE_SIZE, cursor }, signal),
    enabled: q !== '',
    ...AUDITED_READ,
  });
}

export function useHouseholdPointsQuery(orgUnitId: string | null, enabled = true) {
  return useQuery({
    queryKey: householdKeys.points(orgUnitId),
    queryFn: ({ signal }) => fetchHouseholdPoints(orgUnitId, signal),
    enabled,
  });
}

export function useHouseholdStatsQuery(orgUnitId: string | null) {
  return useQuery({
    queryKey: householdKeys.stats(orgUnitId),
    queryFn: ({ signal }) => fetchHouseholdStats(orgUnitId, signal),
  });
}

export function useHouseholdFileQuery(id: string) {
  return useQuery({
    queryKey: householdKeys.file(id),
    queryFn: ({ signal }) => fetchHouseholdFile(id, signal),
    ...AUDITED_READ,
  });
}

export function useDoorPlatesQuery(filters: DoorPlateFilters) {
  return useQuery({
    queryKey: householdKeys.doorPlates(filters),
    queryFn: ({ signal }) => fetchDoorPlates(filters, signal),
    ...AUDITED_READ,
    // The toolbar keeps the batch picker while the next batch loads.
    placeholderData: keepPreviousData,
  });
}

/**
 * After a write to a household or its members: its lists, map points and counts change. `file` is
 * the household's new file when the write answered it (stored, so it is not fetched again).
 */
function useHouseholdChanged() {
  const client = useQueryClient();
  return (householdId: string, file?: HouseholdFile) => {
    if (file) client.setQueryData(householdKeys.file(householdId), file);
    void client.invalidateQueries({
      queryKey: householdKeys.all,
      predicate: (query) => !file || query.queryKey[1] !== 'file' || query.queryKey[2] !== householdId,
    });
  };
}

export function useCreateHousehold() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: (body: HouseholdCreate) => createHousehold(body),
    onSuccess: (file) => changed(file.household.id, file),
  });
}

export function useUpdateHousehold() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HouseholdUpdate }) => updateHousehold(id, body),
    onSuccess: (file, { id }) => changed(id, file),
  });
}

export function useAddResident() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ householdId, body }: { householdId: string; body: ResidentCreate }) =>
      addResident(householdId, body),
    onSuccess: (_resident, { householdId }) => changed(householdId),
  });
}

export function useUpdateResident() {
  const changed = useHouseholdChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ResidentUpdate }) => updateResident(id, body),
    onSuccess: (resident) => changed(resident.householdId),
  });
}

/** A finished import: any household in scope may be new or changed. */
export function useInvalidateHouseholds() {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: householdKeys.all }), [client]);
}
