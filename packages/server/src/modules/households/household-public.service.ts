import type { PublicHousehold } from '@fengqiao/shared';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { notFound } from '../../http/app-error.js';
import type { ServiceContext, SystemContext } from '../../security/context.js';
import { authorize } from '../../security/policy.js';
import { findHouseholdByQr } from './household.repository.js';
import { loadHouseholdInScope } from './household.service.js';

/**
 * What a stranger who scans a door plate sees: who looks after this grid and how to reach the
 * station; never who lives there.
 */
export async function getPublicHousehold(ctx: SystemContext, code: string): Promise<PublicHousehold> {
  const household = await findHouseholdByQr(ctx.db, code);
  if (!household) throw notFound('门牌');
  const result = await ctx.db.execute<{
    grid: string | null;
    station: string | null;
    officer: string | null;
  }>(sql`
    select (select name from org_units where id = ${household.gridId}) as grid,
           (select name from org_units where id = ${household.stationId}) as station,
           (select display_name from users
             where 'community_officer' = any(roles) and not disabled and ${household.orgPath} like scope_path || '%'
             order by length(scope_path) desc, username limit 1) as officer`);
  const row = result.rows[0];
  return {
    community: household.community,
    gridName: row?.grid ?? null,
    officerName: row?.officer ?? null,
    stationName: row?.station ?? null,
  };
}

/** The door plate's QR code: a link to /h/<code>, which opens the file for staff and the public page for others. */
export async function renderHouseholdQrSvg(ctx: ServiceContext, id: string, origin: string): Promise<string> {
  await authorize(ctx, 'household.read', 'household', id);
  const household = await loadHouseholdInScope(ctx, id, 'household.read');
  return QRCode.toString(`${origin}/h/${household.qrCode}`, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });
}
