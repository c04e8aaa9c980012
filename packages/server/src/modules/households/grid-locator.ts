import { type GridBoundary, pointInPolygon, polygonBBox } from '../../lib/geo/polygon-validation.js';

export interface LocatableGrid {
  id: string;
  path: string;
  boundary: unknown;
}

/** Finds the grid a point falls in; the bounding boxes skip most polygons before the exact test. */
export function createGridLocator(grids: LocatableGrid[]) {
  const prepared = grids.map((g) => {
    const shape = g.boundary as GridBoundary;
    return { id: g.id, path: g.path, shape, bbox: polygonBBox(shape) };
  });
  return (lng: number, lat: number): { id: string; path: string } | null => {
    for (const g of prepared) {
      const [minLng, minLat, maxLng, maxLat] = g.bbox;
      if (lng < minLng || lng > maxLng || lat < minLat || lat > maxLat) continue;
      if (pointInPolygon(lng, lat, g.shape)) return { id: g.id, path: g.path };
    }
    return null;
  };
}
