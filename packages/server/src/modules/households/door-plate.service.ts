import { type DoorPlate, type DoorPlateSheet, MAX_DOOR_PLATES } from '@fengqiao/shared';
import QRCode from 'qrcode';
import type { ServiceContext } from '../../security/context.js';
import { authorize } from '../../security/policy.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import { formatAddress, openAddress } from '../residents/index.js';
import { findOfficerContacts } from '../users/index.js';
import {
  countDoorPlateRows,
  type DoorPlateRow,
  findDoorPlateRow,
  listDoorPlateRows,
} from './door-plate.repository.js';
import { scopedPattern } from './household.policy.js';
import { loadHouseholdInScope } from './household.service.js';

/** What a plate's QR code links to: the household file for staff, the public page for others. */
export function doorPlateLink(origin: string, qrCode: string): string {
  return `${origin}/h/${qrCode}`;
}

export function renderQrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

/**
 * The plates of one household or of one batch of the households under a unit, ready to print: full
 * address, grid, officer and phone, QR code. One audit row names the unit and how many addresses
 * were shown.
 */
export async function listDoorPlates(
  ctx: ServiceContext,
  query: { orgUnitId?: string; householdId?: string; batch?: number },
  origin: string,
): Promise<DoorPlateSheet> {
  await authorize(ctx, 'household.door_plate', 'household', query.householdId);
  const batch = query.batch ?? 1;
  let rows: DoorPlateRow[];
  let total: number;
  if (query.householdId) {
    await loadHouseholdInScope(ctx, query.householdId, 'household.door_plate');
    rows = batch === 1 ? [(await findDoorPlateRow(ctx.db, query.householdId)) as DoorPlateRow] : [];
    total = 1;
  } else {
    const pattern = await scopedPattern(ctx, query.orgUnitId);
    total = await countDoorPlateRows(ctx.db, pattern);
    rows = await listDoorPlateRows(ctx.db, pattern, (batch - 1) * MAX_DOOR_PLATES, MAX_DOOR_PLATES);
  }

  const contacts = new Map(
    (await findOfficerContacts(ctx.db, [...new Set(rows.map((r) => r.orgPath))])).map((c) => [c.orgPath, c]),
  );
  await recordAudit(ctx.db, ctx.keys.audit, {
    actor: auditActorOf(ctx.actor),
    action: 'household.door_plates',
    objectType: query.householdId ? 'household' : 'org_unit',
    objectId: query.householdId ?? query.orgUnitId ?? ctx.actor.scopeOrgId,
    result: 'ok',
    ip: ctx.ip,
    detail: { count: rows.length, batch, total },
  });

  const items: DoorPlate[] = await Promise.all(
    rows.map(async (row) => {
      const contact = contacts.get(row.orgPath);
      return {
        householdId: row.id,
        address: formatAddress(openAddress(ctx.keys, row.addressSealed)),
        community: row.community,
        gridName: row.gridName,
        officerName: contact?.officerName ?? null,
        officerPhone: contact?.officerPhone ?? null,
        qrSvg: await renderQrSvg(doorPlateLink(origin, row.qrCode)),
      };
    }),
  );
  // Within a village and street, door numbers read in numeric order (2号 before 10号).
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  items.sort((a, b) => collator.compare(a.address, b.address));
  return { items, total, batch, batches: Math.max(1, Math.ceil(total / MAX_DOOR_PLATES)) };
}
