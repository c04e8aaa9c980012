import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

export type OfficerContactRow = {
  orgPath: string;
  officerName: string | null;
  officerPhone: string | null;
};

/**
 * For each org path, the community officer whose area covers it most closely (the grid's own
 * officer before one covering the whole station).
 */
export async function findOfficerContacts(db: DbOrTx, orgPaths: string[]): Promise<OfficerContactRow[]> {
  if (!orgPaths.length) return [];
  const result = await db.execute<OfficerContactRow>(sql`
    select p.org_path as "orgPath", u.display_name as "officerName", u.work_phone as "officerPhone"
      from unnest(${sql.param(orgPaths)}::text[]) as p(org_path)
      left join lateral (
        select display_name, work_phone from users
         where 'community_officer' = any(roles) and not disabled and p.org_path like scope_path || '%'
         order by length(scope_path) desc, username
         limit 1) u on true`);
  return result.rows;
}
