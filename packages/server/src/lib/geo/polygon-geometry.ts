/** [lng, lat] in WGS-84 degrees, GeoJSON order. */
export type Position = [number, number];
export type LinearRing = Position[];

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: LinearRing[];
}

export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: LinearRing[][];
}

export type GridBoundary = GeoJsonPolygon | GeoJsonMultiPolygon;

/** [minLng, minLat, maxLng, maxLat], the GeoJSON bbox order. */
export type BBox = [number, number, number, number];

function polygonsOf(shape: GridBoundary): LinearRing[][] {
  return shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
}

/** Sign tells the turn direction of a→b→c: > 0 left, < 0 right, 0 collinear. */
export function cross(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function onSegment(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Closed-segment intersection test, touching and collinear overlap included. */
export function segmentsIntersect(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = Math.sign(cross(q1, q2, p1));
  const d2 = Math.sign(cross(q1, q2, p2));
  const d3 = Math.sign(cross(p1, p2, q1));
  const d4 = Math.sign(cross(p1, p2, q2));
  if (d1 !== d2 && d3 !== d4 && d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return true;
  if (d1 === 0 && onSegment(q1, q2, p1)) return true;
  if (d2 === 0 && onSegment(q1, q2, p2)) return true;
  if (d3 === 0 && onSegment(p1, p2, q1)) return true;
  if (d4 === 0 && onSegment(p1, p2, q2)) return true;
  return false;
}

/** Shoelace area in square degrees; positive for counter-clockwise rings. */
export function ringSignedArea(ring: LinearRing): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

function pointInRing(lng: number, lat: number, ring: LinearRing): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Ray casting; a point inside a hole is outside. Points exactly on an edge may go either way. */
export function pointInPolygon(lng: number, lat: number, shape: GridBoundary): boolean {
  return polygonsOf(shape).some(
    ([outer, ...holes]) =>
      outer !== undefined && pointInRing(lng, lat, outer) && !holes.some((h) => pointInRing(lng, lat, h)),
  );
}

export function polygonBBox(shape: GridBoundary): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(shape)) {
    // Holes lie inside the outer ring, so only outer rings can extend the box.
    for (const [lng, lat] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lng);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lng);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

/** Area-weighted planar centroid (holes subtracted); for small areas the lng/lat distortion is negligible. */
export function polygonCentroid(shape: GridBoundary): Position {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygonsOf(shape)) {
    polygon.forEach((ring, index) => {
      // Outer rings add and holes subtract, whatever their winding.
      const sign = Math.sign(ringSignedArea(ring)) * (index === 0 ? 1 : -1);
      for (let i = 0; i < ring.length - 1; i++) {
        const [x0, y0] = ring[i] as Position;
        const [x1, y1] = ring[i + 1] as Position;
        const f = (x0 * y1 - x1 * y0) * sign;
        area += f / 2;
        cx += (x0 + x1) * f;
        cy += (y0 + y1) * f;
      }
    });
  }
  if (area === 0) return vertexAverage(shape);
  return [cx / (6 * area), cy / (6 * area)];
}

function vertexAverage(shape: GridBoundary): Position {
  let n = 0;
  let x = 0;
  let y = 0;
  for (const polygon of polygonsOf(shape)) {
    for (const [lng, lat] of polygon[0] ?? []) {
      x += lng;
      y += lat;
      n++;
    }
  }
  return n === 0 ? [Number.NaN, Number.NaN] : [x / n, y / n];
}
