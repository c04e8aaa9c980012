import type { OrgUnit } from '@fengqiao/shared';
import { type Area, isArea, type UnitCollection, type UnitFeature } from '../../lib/geo';

function featureOf(unit: OrgUnit, geometry: Area): UnitFeature {
  return {
    type: 'Feature',
    geometry,
    properties: { id: unit.id, name: unit.name, code: unit.code, kind: unit.kind, parentId: unit.parentId },
  };
}

/**
 * The unit's own boundary and its children's, for the detail map. Child boundaries come from the
 * tree list, or from the grid GeoJSON when the list leaves them out.
 */
export function unitAndChildren(
  unit: OrgUnit,
  children: readonly OrgUnit[],
  grids: UnitCollection | undefined,
): UnitCollection {
  const features: UnitFeature[] = [];
  const gridById = new Map((grids?.features ?? []).map((f) => [f.properties.id, f]));
  if (isArea(unit.boundary)) features.push(featureOf(unit, unit.boundary));
  else {
    const own = gridById.get(unit.id);
    if (own) features.push(own);
  }
  const own = features[0];
  for (const child of children) {
    if (isArea(child.boundary)) features.push(featureOf(child, child.boundary));
    else {
      const grid = gridById.get(child.id);
      if (grid) features.push(grid);
    }
  }
  if (own && features.length > 1) own.properties = { ...own.properties, outline: true };
  return { type: 'FeatureCollection', features };
}

/** One unit drawn alone (the boundary editor's preview). */
export function singleUnit(unit: OrgUnit, geometry: Area | null): UnitCollection {
  return { type: 'FeatureCollection', features: geometry ? [featureOf(unit, geometry)] : [] };
}
