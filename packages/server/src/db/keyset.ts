import type { SortOrder } from '@fengqiao/shared';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Keyset paging under a chosen sort: rows are ordered by (key, id), so rows with the same key
 * (ties) keep one order, and the next page starts strictly after the last row's (key, id).
 */
export function keysetAfter(key: SQL, id: SQL, order: SortOrder, last: { key: SQL; id: SQL }): SQL {
  return order === 'asc'
    ? sql`(${key}, ${id}) > (${last.key}, ${last.id})`
    : sql`(${key}, ${id}) < (${last.key}, ${last.id})`;
}

export function keysetOrder(key: SQL, id: SQL, order: SortOrder): SQL {
  const direction = order === 'asc' ? sql`asc` : sql`desc`;
  return sql`${key} ${direction}, ${id} ${direction}`;
}
