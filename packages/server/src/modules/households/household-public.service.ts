import type { PublicHousehold } from '@fengqiao/shared';
import { notFound } from '../../http/app-error.js';
import type { ServiceContext, SystemContext } from '../../security/context.js';
import { authorize } from '../../security/policy.js';
import { findOfficerContacts } from '../users/index.js';
import { findGridAndStationNames } from './door-plate.repository.js';
import { doorPlateLink, renderQrSvg } from './door-plate.service.js';
import { findHouseholdByQr } from './household.repository.js';
import { loadHouseholdInScope } from './household.service.js';

/**
 * What a stranger who scans a door plate sees: who looks after this grid and how to reach them;
 * never who lives there.
 */
export async function getPublicHousehold(ctx: SystemContext, code: string): Promise<PublicHousehold> {
  const household = await findHouseholdByQr(ctx.db, code);
  if (!household) throw notFound('not_found.door_plate');
  const names = await findGridAndStationNames(ctx.db, household.gridId, household.stationId);
  const [contact] = await findOfficerContacts(ctx.db, [household.orgPath]);
  return {
    community: household.community,
    gridName: names.grid ?? null,
    officerName: contact?.officerName ?? null,
    officerPhone: contact?.officerPhone ?? null,
    stationName: names.station ?? null,
  };
}

/** The door plate's QR code alone, for the household file page. */
export async function renderHouseholdQrSvg(ctx: ServiceContext, id: string, origin: string): Promise<string> {
  await authorize(ctx, 'household.read', 'household', id);
  const household = await loadHouseholdInScope(ctx, id, 'household.read');
  return renderQrSvg(doorPlateLink(origin, household.qrCode));
}
