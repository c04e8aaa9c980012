import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useAuth } from '../auth/auth-context';

/** Whose answers each cache holds. */
const owners = new WeakMap<QueryClient, string | null>();

/**
 * The query cache, holding the signed-in user's answers only: when the user changes (logout,
 * another sign-in, an expired session) it is emptied before anything below renders, so no answer
 * fetched in one user's scope is shown to another.
 */
export function QueryProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  const userId = useAuth().me?.user.id ?? null;
  if (owners.get(client) !== userId) {
    if (owners.has(client)) client.clear();
    owners.set(client, userId);
  }
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
