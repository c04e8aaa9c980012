import type { OrgUnit } from '@fengqiao/shared';
import { saveBlob } from '../../../lib/download';
import type { Area } from '../../../lib/geo';

/** Downloads the boundary as a GeoJSON Feature named after the unit, for GIS tools and backups. */
export function downloadBoundary(unit: OrgUnit, area: Area): void {
  const feature = { type: 'Feature', properties: { name: unit.name, code: unit.code }, geometry: area };
  saveBlob(
    new Blob([JSON.stringify(feature, null, 2)], { type: 'application/geo+json' }),
    `${unit.code}.geojson`,
  );
}
