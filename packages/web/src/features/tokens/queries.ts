import type { ApiTokenCreate } from '@fengqiao/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCursorQuery } from '../../lib/query/use-cursor-query';
import { createToken, listTokens, revokeToken } from './api';
import { tokenKeys } from './query-keys';

export function useTokenList() {
  return useCursorQuery({ queryKey: tokenKeys.list(), load: (cursor, signal) => listTokens(cursor, signal) });
}

function useTokensChanged() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: tokenKeys.all });
}

export function useCreateToken() {
  const onSuccess = useTokensChanged();
  return useMutation({ mutationFn: (body: ApiTokenCreate) => createToken(body), onSuccess });
}

export function useRevokeToken() {
  const onSuccess = useTokensChanged();
  return useMutation({ mutationFn: (id: string) => revokeToken(id), onSuccess });
}
