import type { UserCreate, UserUpdate } from '@fengqiao/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCursorQuery } from '../../lib/query/use-cursor-query';
import { createUser, listUsers, resetUserPassword, unlockUser, updateUser } from './api';
import { type UserListFilters, userKeys } from './query-keys';

const PAGE_SIZE = 20;

export function useUserList(filters: UserListFilters) {
  return useCursorQuery({
    queryKey: userKeys.list(filters),
    load: (cursor, signal) => listUsers({ limit: PAGE_SIZE, cursor, ...filters }, signal),
  });
}

/** Every write to an account changes what the user lists show (status, roles, lock). */
function useUsersChanged() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const onSuccess = useUsersChanged();
  return useMutation({ mutationFn: (body: UserCreate) => createUser(body), onSuccess });
}

export function useUpdateUser() {
  const onSuccess = useUsersChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserUpdate }) => updateUser(id, body),
    onSuccess,
  });
}

export function useResetUserPassword() {
  const onSuccess = useUsersChanged();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => resetUserPassword(id, password),
    onSuccess,
  });
}

export function useUnlockUser() {
  const onSuccess = useUsersChanged();
  return useMutation({ mutationFn: (id: string) => unlockUser(id), onSuccess });
}
