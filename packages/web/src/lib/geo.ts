import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

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

/** Area of a ring (shoelace formula, planar; fine at grid scale). */
function ringArea(ring: Position[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice / 2);
}

/** How close to the best spot a label must be, as a share of the polygon's larger side. */
const LABEL_PRECISION = 1 / 200;

/**
 * Where to put a label: the point of the largest polygon farthest from its edges (polylabel), so it
 * lies inside even an L- or U-shaped grid, where a centroid can fall outside.
 */
export function labelPoint(geometry: Area): [number, number] | null {
  let largest: { polygon: Position[][]; area: number } | null = null;
  for (const polygon of polygonsOf(geometry)) {
    const outer = polygon[0];
    if (!outer || outer.length < 3) continue;
    const area = ringArea(outer);
    if (!largest || area > largest.area) largest = { polygon, area };
  }
  if (!largest) return null;
  const outer = largest.polygon[0] ?? [];
  const xs = outer.map((p) => p[0] ?? 0);
  const ys = outer.map((p) => p[1] ?? 0);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const [x, y] = polylabel(largest.polygon, span * LABEL_PRECISION);
  return [x, y];
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
