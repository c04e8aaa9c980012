import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, users } from '../../db/schema/index.js';

export async function insertOrgUnitRows(db: DbOrTx, rows: (typeof orgUnits.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(orgUnits).values(rows.slice(i, i + 500));
}

export async function insertUserRows(db: DbOrTx, rows: (typeof users.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(users).values(rows.slice(i, i + 500));
}

export async function isDatabaseEmpty(db: DbOrTx): Promise<boolean> {
  const result = await db.execute<{ empty: boolean }>(
    sql`select not exists (select 1 from ${orgUnits}) as empty`,
  );
  return Boolean(result.rows[0]?.empty);
}
