import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export type Area = Polygon | MultiPolygon;

/** Properties of a grid feature as served by `/org-units/geojson`. */
export interface UnitFeatureProps {
  id: string;
  name: string;
  code: string;
  kind: string;
  parentId: string | null;
  /** Drawn as an outline only, without fill or label (a parent around its children). */
  outline?: boolean;
}

export type UnitFeature = Feature<Area, UnitFeatureProps>;
export type UnitCollection = FeatureCollection<Area, UnitFeatureProps>;

export type BBox = [west: number, south: number, east: number, north: number];

function polygonsOf(geometry: Area): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function isArea(value: unknown): value is Area {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  return (type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates);
}

/** The bounding box of all features, or null if there are no coordinates. */
export function bboxOf(features: readonly { geometry: Area | null }[]): BBox | null {
  let box: BBox | null = null;
  for (const f of features) {
    if (!f.geometry) continue;
    for (const polygon of polygonsOf(f.geometry)) {
      for (const ring of polygon) {
        for (const [lng, lat] of ring) {
          if (typeof lng !== 'number' || typeof lat !== 'number') continue;
          if (!box) box = [lng, lat, lng, lat];
          else
            box = [
              Math.min(box[0], lng),
              Math.min(box[1], lat),
              Math.max(box[2], lng),
              Math.max(box[3], lat),
            ];
        }
      }
    }
  }
  return box;
}

/** Signed area and centroid of a ring (shoelace formula, planar; fine at grid scale). */
function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  area /= 2;
  if (area === 0) return { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 };
  return { area, x: cx / (6 * area), y: cy / (6 * area) };
}

/** Where to put a label: the centroid of the largest polygon's outer ring. */
export function labelPoint(geometry: Area): [number, number] | null {
  let best: { area: number; x: number; y: number } | null = null;
  for (const polygon of polygonsOf(geometry)) {
    const outer = polygon[0];
    if (!outer || outer.length < 3) continue;
    const c = ringCentroid(outer);
    if (!best || Math.abs(c.area) > Math.abs(best.area)) best = c;
  }
  return best ? [best.x, best.y] : null;
}

export type ParsedBoundary =
  | { ok: true; geometry: Area | null }
  | { ok: false; reason: 'json' | 'type'; message: string };

/** Reads pasted GeoJSON: a Polygon/MultiPolygon, or a Feature / one-feature FeatureCollection of one. */
export function parseBoundary(text: string): ParsedBoundary {
  if (!text.trim()) return { ok: true, geometry: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: 'json', message: err instanceof Error ? err.message : String(err) };
  }
  const obj = value as { type?: string; geometry?: unknown; features?: { geometry?: unknown }[] };
  let candidate: unknown = value;
  if (obj?.type === 'Feature') candidate = obj.geometry;
  else if (obj?.type === 'FeatureCollection' && obj.features?.length === 1)
    candidate = obj.features[0]?.geometry;
  if (!isArea(candidate)) return { ok: false, reason: 'type', message: '' };
  return { ok: true, geometry: { type: candidate.type, coordinates: candidate.coordinates } as Area };
}

export function emptyCollection(): UnitCollection {
  return { type: 'FeatureCollection', features: [] };
}
