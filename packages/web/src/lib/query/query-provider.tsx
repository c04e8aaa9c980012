import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { createQueryClient } from './query-client';

/**
 * The query cache for the signed-in user. Dropped whenever the user changes (logout, another
 * sign-in, an expired session), so no answer fetched in one user's scope is shown to another.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  const userId = useAuth().me?.user.id ?? null;
  useEffect(() => {
    if (userId === null) client.clear();
  }, [client, userId]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
