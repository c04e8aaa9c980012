import type { SortOrder } from '@fengqiao/shared';

/** What the server sorts a list by: one of its sortable columns and a direction, or its own order. */
export interface ListSort<K extends string> {
  sort?: K;
  order?: SortOrder;
}

type TableOrder = 'ascend' | 'descend' | null | undefined;

/**
 * antd Table's sorter (the clicked column and its new order) as the server's sort; a column the
 * server cannot sort by, or a sort switched off, leaves the list in the server's own order.
 */
export function listSortOf<K extends string>(
  sorter: { columnKey?: unknown; field?: unknown; order?: TableOrder } | unknown[],
  sortable: readonly K[],
): ListSort<K> {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one || typeof one !== 'object') return {};
  const { columnKey, field, order } = one as { columnKey?: unknown; field?: unknown; order?: TableOrder };
  const key = (columnKey ?? field) as K;
  if (!order || !sortable.includes(key)) return {};
  return { sort: key, order: order === 'ascend' ? 'asc' : 'desc' };
}

/** The order antd shows on a column's header for the list's current sort. */
export function columnSortOrder<K extends string>(current: ListSort<K>, key: K): 'ascend' | 'descend' | null {
  if (current.sort !== key) return null;
  return current.order === 'desc' ? 'descend' : 'ascend';
}
