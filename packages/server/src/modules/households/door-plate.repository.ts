import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

export type DoorPlateRow = {
  id: string;
  orgPath: string;
  community: string;
  addressSealed: string;
  qrCode: string;
  gridName: string | null;
};

const plateColumns = sql`h.id, h.org_path as "orgPath", h.community, h.address_sealed as "addressSealed",
       h.qr_code as "qrCode", g.name as "gridName"`;

/** One batch of the households under a path pattern, in print order: village, then street. */
export async function listDoorPlateRows(
  db: DbOrTx,
  pattern: string,
  offset: number,
  limit: number,
): Promise<DoorPlateRow[]> {
  const result = await db.execute<DoorPlateRow>(sql`
    select ${plateColumns}
      from households h left join org_units g on g.id = h.grid_id
     where h.org_path like ${pattern}
     order by h.community, h.street, h.id
     offset ${offset} limit ${limit}`);
  return result.rows;
}

export async function countDoorPlateRows(db: DbOrTx, pattern: string): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from households where org_path like ${pattern}`,
  );
  return result.rows[0]?.n ?? 0;
}

export async function findDoorPlateRow(db: DbOrTx, id: string): Promise<DoorPlateRow | undefined> {
  const result = await db.execute<DoorPlateRow>(sql`
    select ${plateColumns}
      from households h left join org_units g on g.id = h.grid_id
     where h.id = ${id}`);
  return result.rows[0];
}

export async function findGridAndStationNames(
  db: DbOrTx,
  gridId: string | null,
  stationId: string,
): Promise<{ grid: string | null; station: string | null }> {
  const result = await db.execute<{ grid: string | null; station: string | null }>(sql`
    select (select name from org_units where id = ${gridId}) as grid,
           (select name from org_units where id = ${stationId}) as station`);
  return result.rows[0] ?? { grid: null, station: null };
}
