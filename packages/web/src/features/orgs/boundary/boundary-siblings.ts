import type { OrgUnit } from '@fengqiao/shared';
import type { UnitCollection } from '../../../lib/geo';

/** The other units of the same kind under the same parent: the neighbours a boundary snaps to. */
export function siblingsOf(unit: OrgUnit, all: UnitCollection | undefined): UnitCollection | undefined {
  if (!all) return undefined;
  return {
    type: 'FeatureCollection',
    features: all.features.filter(
      (f) => f.properties.id !== unit.id && f.properties.parentId === unit.parentId,
    ),
  };
}
