import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/** Up to this many rows a list's total is counted; above it, the planner's estimate stands in. */
export const EXACT_TOTAL_UP_TO = 10_000;

export interface RowTotal {
  total: number;
  totalExact: boolean;
}

/**
 * The total of a list in the caller's scope, from its `from … where …` without the page's cursor.
 * The exact count stops at EXACT_TOTAL_UP_TO + 1 rows, so a city-wide list costs no full scan; past
 * that the total is the planner's estimate of the same query, marked as not exact.
 */
export async function countRows(db: DbOrTx, fromWhere: SQL): Promise<RowTotal> {
  const counted = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 ${fromWhere} limit ${EXACT_TOTAL_UP_TO + 1}) c`,
  );
  const n = counted.rows[0]?.n ?? 0;
  if (n <= EXACT_TOTAL_UP_TO) return { total: n, totalExact: true };
  const plan = await db.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    sql`explain (format json) select 1 ${fromWhere}`,
  );
  const estimate = Math.round(plan.rows[0]?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0);
  return { total: Math.max(estimate, n), totalExact: false };
}
