import { type DependencyList, useState } from 'react';
import type { Page } from './api-client';
import { useApi } from './use-api';

export interface CursorPager<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  next: () => void;
  prev: () => void;
  reload: () => void;
}

type Stack = (string | undefined)[];

/**
 * Cursor paging with previous/next: keeps the stack of cursors that led to each page. A change
 * in `deps` (the filters) starts again from the first page.
 */
export function useCursorPager<T>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: DependencyList,
  enabled = true,
): CursorPager<T> {
  const key = JSON.stringify(deps);
  const [nav, setNav] = useState<{ key: string; stack: Stack }>({ key, stack: [undefined] });
  const stack: Stack = nav.key === key ? nav.stack : [undefined];
  const cursor = stack[stack.length - 1];
  const state = useApi((signal) => load(cursor, signal), [key, cursor], enabled);
  const nextCursor = state.data?.nextCursor ?? null;

  return {
    items: state.data?.items ?? [],
    loading: state.loading,
    error: state.error,
    page: stack.length,
    hasPrev: stack.length > 1,
    hasNext: !!nextCursor && !state.loading,
    next: () => {
      if (nextCursor) setNav({ key, stack: [...stack, nextCursor] });
    },
    prev: () => setNav({ key, stack: stack.length > 1 ? stack.slice(0, -1) : stack }),
    reload: state.reload,
  };
}
