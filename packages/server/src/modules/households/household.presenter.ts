import type { HouseholdEvent, HouseholdSummary } from '@fengqiao/shared';
import type { Actor } from '../../security/actor.js';
import type { ServiceContext } from '../../security/context.js';
import type { Keys } from '../../security/secret-key.js';
import {
  formatAddress,
  openAddress,
  presentName,
  type Viewer,
  viewerOf,
  visibleTags,
} from '../residents/index.js';
import { mayReadDoor } from './household.policy.js';
import type { HouseholdEventRow, HouseholdSummaryRow } from './household.repository.js';

/** Who looks at a household summary: what they may see of its people, and of its door. */
export interface HouseholdViewer extends Viewer {
  actor: Pick<Actor, 'roles' | 'scopePath'>;
  keys: Keys;
}

export const householdViewerOf = (ctx: ServiceContext): HouseholdViewer => ({
  ...viewerOf(ctx),
  actor: ctx.actor,
  keys: ctx.keys,
});

export function presentHouseholdSummary(row: HouseholdSummaryRow, viewer: HouseholdViewer): HouseholdSummary {
  return {
    id: row.id,
    gridId: row.gridId,
    gridName: row.gridName,
    outsideGrid: row.gridId === null,
    community: row.community,
    addressMasked: row.addressMasked,
    address: mayReadDoor(viewer.actor, row)
      ? formatAddress(openAddress(viewer.keys, row.addressSealed))
      : null,
    lng: row.lng,
    lat: row.lat,
    residentCount: row.residentCount,
    headName:
      row.headName && row.headBirthDate ? presentName(row.headName, row.headBirthDate, viewer) : row.headName,
    tags: visibleTags(row.tags, viewer),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentHouseholdEvent(row: HouseholdEventRow): HouseholdEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorName: row.actorName,
    kind: row.kind,
    summary: row.summary,
    changes: row.changes ?? null,
  };
}
