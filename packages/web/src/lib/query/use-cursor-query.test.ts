// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from '../api-client';
import { createQueryClient } from './query-client';
import { type CursorPager, useCursorQuery } from './use-cursor-query';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A server holding `rows` for each filter, two to a page, cursors being the next row's index. */
function fakeServer(rows: Record<string, string[]>) {
  const calls: { filter: string; cursor: string | undefined; signal: AbortSignal }[] = [];
  const load = (filter: string) => async (cursor: string | undefined, signal: AbortSignal) => {
    calls.push({ filter, cursor, signal });
    const all = rows[filter] ?? [];
    const from = cursor ? Number(cursor) : 0;
    const page: Page<string> = {
      items: all.slice(from, from + 2),
      nextCursor: from + 2 < all.length ? String(from + 2) : null,
    };
    return page;
  };
  return { calls, load, rows };
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

type Server = ReturnType<typeof fakeServer>;
interface Seen {
  pager: CursorPager<string> | null;
}

/** Shows nothing; hands the pager of the list filtered by `f` to the test. */
function Probe({ f, server, seen }: { f: string; server: Server; seen: Seen }) {
  seen.pager = useCursorQuery({ queryKey: ['things', { f }], load: server.load(f) });
  return null;
}

function mount(server: Server, filter: { value: string }) {
  const client = createQueryClient();
  const seen: Seen = { pager: null };
  const container = document.createElement('div');
  root = createRoot(container);
  const render = () =>
    act(() =>
      root?.render(
        createElement(
          QueryClientProvider,
          { client },
          createElement(Probe, { f: filter.value, server, seen }),
        ),
      ),
    );
  return { client, seen, render };
}

async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('cursor paging over the query cache', () => {
  it('walks forward and back through the pages, each fetched once', async () => {
    const server = fakeServer({ a: ['a1', 'a2', 'a3', 'a4', 'a5'] });
    const { seen, render } = mount(server, { value: 'a' });
    render();
    await settle();
    expect(seen.pager?.items).toEqual(['a1', 'a2']);
    expect(seen.pager).toMatchObject({ page: 1, hasPrev: false, hasNext: true, loading: false });

    act(() => seen.pager?.next());
    await settle();
    expect(seen.pager?.items).toEqual(['a3', 'a4']);
    act(() => seen.pager?.next());
    await settle();
    expect(seen.pager?.items).toEqual(['a5']);
    expect(seen.pager).toMatchObject({ page: 3, hasPrev: true, hasNext: false });

    act(() => seen.pager?.prev());
    await settle();
    expect(seen.pager?.items).toEqual(['a3', 'a4']);
    expect(server.calls.map((c) => c.cursor)).toEqual([undefined, '2', '4']);
  });

  it('starts again from the first page when the filters change', async () => {
    const server = fakeServer({ a: ['a1', 'a2', 'a3'], b: ['b1'] });
    const filter = { value: 'a' };
    const { seen, render } = mount(server, filter);
    render();
    await settle();
    act(() => seen.pager?.next());
    await settle();
    expect(seen.pager?.page).toBe(2);

    filter.value = 'b';
    render();
    await settle();
    expect(seen.pager?.items).toEqual(['b1']);
    expect(seen.pager?.page).toBe(1);
    expect(server.calls.at(-1)).toMatchObject({ filter: 'b', cursor: undefined });
  });

  it('fetches the shown page again when a write invalidates the list', async () => {
    const server = fakeServer({ a: ['a1', 'a2'] });
    const { client, seen, render } = mount(server, { value: 'a' });
    render();
    await settle();
    server.rows.a = ['a0', 'a1', 'a2'];
    await act(async () => client.invalidateQueries({ queryKey: ['things'] }));
    await settle();
    expect(seen.pager?.items).toEqual(['a0', 'a1']);
    expect(seen.pager?.hasNext).toBe(true);
  });

  it('aborts the request of a list no longer shown', async () => {
    const server = fakeServer({ a: ['a1'] });
    const { render } = mount(server, { value: 'a' });
    render();
    const first = server.calls[0];
    expect(first?.signal.aborted).toBe(false);
    act(() => root?.unmount());
    root = null;
    await settle();
    expect(first?.signal.aborted).toBe(true);
  });
});
