import { QueryClient } from '@tanstack/react-query';
import { retryDelay, shouldRetry } from './retry-rule';

/** How long a fetched answer counts as fresh: switching tabs or pages within it does not refetch. */
export const STALE_TIME_MS = 60_000;

/**
 * The web's one cache. Reads retry network and server failures with backoff and refetch when the
 * connection comes back; writes are never retried (they are not all idempotent) — their
 * `onSuccess` invalidates the keys they change instead.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        retry: shouldRetry,
        retryDelay,
        refetchOnReconnect: true,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
