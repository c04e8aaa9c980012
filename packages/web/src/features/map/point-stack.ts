/**
 * Household points drawn on top of one another (flats in one building share a point, or lie a few
 * metres apart): which households a click reaches, and whether a cluster can still be split by
 * zooming in or must be listed instead.
 */

/** A household on the map: its id and the bit mask of its tags (see `HouseholdPointProps`). */
export interface StackedPoint {
  id: string;
  tags: number;
}

/**
 * Points closer than this many pixels at the zoom a cluster expands to draw as one dot (the dots
 * are 12–15 px wide), so zooming in would not tell them apart.
 */
export const STACK_PX = 6;

/** Leaves fetched at most to decide whether a cluster is one stack; bigger clusters are zoomed into. */
export const STACK_LEAF_LIMIT = 500;

/** MapLibre's world is 512 px wide at zoom 0. */
const TILE_PX = 512;

function worldPixel(lng: number, lat: number, zoom: number): [number, number] {
  const scale = TILE_PX * 2 ** zoom;
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return [((lng + 180) / 360) * scale, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale];
}

/** The larger side, in pixels at `zoom`, of the box around the points (0 for one point or none). */
export function pixelSpan(points: readonly (readonly [number, number])[], zoom: number): number {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [lng, lat] of points) {
    const [x, y] = worldPixel(lng, lat, zoom);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return points.length ? Math.max(maxX - minX, maxY - minY) : 0;
}

/**
 * Whether a cluster's households should be listed rather than zoomed into: they share one point
 * (or lie within a dot of one another) at the zoom the cluster splits at, or that zoom is beyond
 * the map's maximum, or the map is already at its maximum.
 */
export function listInsteadOfZoom(options: {
  coordinates: readonly (readonly [number, number])[];
  expansionZoom: number;
  zoom: number;
  maxZoom: number;
}): boolean {
  const { coordinates, expansionZoom, zoom, maxZoom } = options;
  if (zoom >= maxZoom || expansionZoom > maxZoom) return true;
  return pixelSpan(coordinates, expansionZoom) <= STACK_PX;
}

/**
 * The distinct households among rendered features under the pointer, topmost first (a tagged
 * household is drawn twice, by the plain and the tag layer; clusters are left out).
 */
export function householdsAmong(features: readonly { properties: unknown }[]): StackedPoint[] {
  const seen = new Map<string, StackedPoint>();
  for (const feature of features) {
    const props = feature.properties as { id?: unknown; tags?: unknown; cluster_id?: unknown } | null;
    if (!props || props.cluster_id !== undefined || typeof props.id !== 'string') continue;
    if (!seen.has(props.id)) seen.set(props.id, { id: props.id, tags: Number(props.tags) || 0 });
  }
  return [...seen.values()];
}
