import { keepPreviousData, type QueryKey, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../api-client';

export interface CursorPager<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  page: number;
  /** The list's total (kept while the next page loads), or null where the list has none. */
  total: ListTotal | null;
  hasPrev: boolean;
  hasNext: boolean;
  next: () => void;
  prev: () => void;
  /** Fetches the shown page again (the retry button of a failed load). */
  retry: () => void;
}

export interface ListTotal {
  n: number;
  exact: boolean;
}

type Stack = (string | undefined)[];

export interface CursorQueryOptions<T> {
  /** The list's key with its filters (and org scope); each page's key adds its cursor. */
  queryKey: QueryKey;
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;
  enabled?: boolean;
  staleTime?: number;
  gcTime?: number;
}

/**
 * Cursor paging with previous/next over the query cache: keeps the stack of cursors that led to
 * each page; each page is a query of its own, so a write that invalidates the list refetches the
 * shown page. A change in the key (the filters) starts again from the first page.
 */
export function useCursorQuery<T>({
  queryKey,
  load,
  enabled = true,
  ...cache
}: CursorQueryOptions<T>): CursorPager<T> {
  const key = JSON.stringify(queryKey);
  const [nav, setNav] = useState<{ key: string; stack: Stack }>({ key, stack: [undefined] });
  const stack: Stack = nav.key === key ? nav.stack : [undefined];
  const cursor = stack[stack.length - 1];
  const query = useQuery({
    queryKey: [...queryKey, { cursor: cursor ?? null }],
    queryFn: ({ signal }) => load(cursor, signal),
    enabled,
    ...cache,
    // The rows stay on screen (under the table's spinner) until the next page or filter's arrive.
    placeholderData: keepPreviousData,
  });
  const loading = enabled && (query.isPending || query.isPlaceholderData || query.isFetching);
  const nextCursor = query.isPlaceholderData ? null : (query.data?.nextCursor ?? null);

  return {
    items: query.data?.items ?? [],
    loading,
    error: query.error ?? undefined,
    page: stack.length,
    total:
      query.data?.total === undefined
        ? null
        : { n: query.data.total, exact: query.data.totalExact !== false },
    hasPrev: stack.length > 1,
    hasNext: !!nextCursor && !loading,
    next: () => {
      if (nextCursor) setNav({ key, stack: [...stack, nextCursor] });
    },
    prev: () => setNav({ key, stack: stack.length > 1 ? stack.slice(0, -1) : stack }),
    retry: () => void query.refetch(),
  };
}
