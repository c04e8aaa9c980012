import {
  cross,
  type GeoJsonMultiPolygon,
  type GeoJsonPolygon,
  type GridBoundary,
  type LinearRing,
  type Position,
  ringSignedArea,
  segmentsIntersect,
} from './polygon-geometry.js';

export type {
  BBox,
  GeoJsonMultiPolygon,
  GeoJsonPolygon,
  GridBoundary,
  Position,
} from './polygon-geometry.js';
export { pointInPolygon, polygonBBox, polygonCentroid } from './polygon-geometry.js';

/** Where on the map an error is, for marking it: the spot, and the two clashing edges (0-based, edge i from vertex i). */
export interface PolygonErrorLocation {
  coordinate?: [number, number];
  segments?: [number, number];
}

export interface PolygonError {
  path: string;
  message: string;
  location?: PolygonErrorLocation;
}

export type PolygonValidationResult =
  | { ok: true; polygon: GridBoundary }
  | { ok: false; errors: PolygonError[] };

const MAX_ERRORS = 50;
/** Enough to trace any grid or village by hand or from a survey; bounds the work of the checks. */
export const MAX_POLYGON_VERTICES = 5_000;
const MAX_VERTICES = 20_000;
/** A ring crossing itself thousands of times needs no more than this to be understood. */
const MAX_CLASHES = 1_000;
// About 0.01 m² at this latitude: anything smaller is a line, not an area.
const MIN_RING_AREA_DEG2 = 1e-12;

class ErrorList {
  readonly items: PolygonError[] = [];
  add(path: string, message: string, location?: PolygonErrorLocation): void {
    if (this.items.length < MAX_ERRORS)
      this.items.push(location ? { path, message, location } : { path, message });
  }
  get full(): boolean {
    return this.items.length >= MAX_ERRORS;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns a 2-D copy of the position, or null after recording why it is unusable. */
function readPosition(value: unknown, path: string, errors: ErrorList): Position | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    errors.add(path, '坐标点必须是 [经度, 纬度] 数组');
    return null;
  }
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
    errors.add(path, '坐标点的经纬度必须是有限数字');
    return null;
  }
  const [lng, lat] = value as number[] as Position;
  let ok = true;
  if (lng < -180 || lng > 180) {
    errors.add(path, `经度 ${lng} 超出范围（-180 至 180）`);
    ok = false;
  }
  if (lat < -90 || lat > 90) {
    errors.add(path, `纬度 ${lat} 超出范围（-90 至 90）`);
    ok = false;
  }
  return ok ? [lng, lat] : null;
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** The clash of segments i < j of a ring (as edges i and j), or null when they only meet as neighbours should. */
function segmentClash(ring: LinearRing, i: number, j: number, n: number): 'overlap' | 'cross' | null {
  const a = ring[i] as Position;
  const b = ring[i + 1] as Position;
  const c = ring[j] as Position;
  const d = ring[j + 1] as Position;
  if (j === i + 1 || (i === 0 && j === n - 1)) {
    // Neighbours always share a vertex; they only clash if the second doubles back over the first.
    const [p, shared, q] = j === i + 1 ? [a, b, d] : [c, a, b];
    const back = (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]);
    return cross(p, shared, q) === 0 && back > 0 ? 'overlap' : null;
  }
  return segmentsIntersect(a, b, c, d) ? 'cross' : null;
}

/**
 * Where clashing edges i and j meet: the crossing of their lines, or for edges in line (one doubling
 * back or lying along the other) a vertex of one on the other.
 */
function clashPoint(ring: LinearRing, i: number, j: number): [number, number] {
  const a = ring[i] as Position;
  const b = ring[i + 1] as Position;
  const c = ring[j] as Position;
  const d = ring[j + 1] as Position;
  const denominator = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  if (denominator !== 0) {
    const t = cross(c, d, a) / (cross(c, d, a) - cross(c, d, b));
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  const shared = [a, b].find((p) => samePosition(p, c) || samePosition(p, d));
  return [...(shared ?? c)] as [number, number];
}

/**
 * Sort and sweep: segments in order of their west end, each tested only against those whose
 * longitude span overlaps its own and then only when the latitude spans overlap too. A boundary of
 * 5,000 vertices takes a few milliseconds instead of the 12.5 million pair tests of the plain scan.
 */
function checkSelfIntersection(ring: LinearRing, path: string, errors: ErrorList): void {
  const n = ring.length - 1; // segment i runs from ring[i] to ring[i + 1]
  const west = new Float64Array(n);
  const east = new Float64Array(n);
  const south = new Float64Array(n);
  const north = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    west[i] = Math.min(a[0], b[0]);
    east[i] = Math.max(a[0], b[0]);
    south[i] = Math.min(a[1], b[1]);
    north[i] = Math.max(a[1], b[1]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (p, q) => (west[p] as number) - (west[q] as number),
  );
  const clashes: Array<[number, number, 'overlap' | 'cross']> = [];
  for (let k = 0; k < n && clashes.length < MAX_CLASHES; k++) {
    const s = order[k] as number;
    for (let m = k + 1; m < n; m++) {
      const t = order[m] as number;
      if ((west[t] as number) > (east[s] as number)) break;
      if ((south[t] as number) > (north[s] as number) || (north[t] as number) < (south[s] as number))
        continue;
      const [i, j] = s < t ? [s, t] : [t, s];
      const clash = segmentClash(ring, i, j, n);
      if (clash) clashes.push([i, j, clash]);
    }
  }
  // Reported in ring order, as a walk along the edges would find them.
  clashes.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [i, j, clash] of clashes) {
    errors.add(
      `${path}[${j}]`,
      `多边形的边自相交：第${i + 1}条边与第${j + 1}条边${clash === 'overlap' ? '重叠' : '相交'}`,
      { coordinate: clashPoint(ring, i, j), segments: [i, j] },
    );
  }
}

function readRing(value: unknown, path: string, errors: ErrorList): LinearRing | null {
  if (!Array.isArray(value) || (value.length > 0 && !value.some(Array.isArray))) {
    errors.add(path, '多边形的环必须是坐标点数组，请检查 coordinates 的嵌套层级');
    return null;
  }
  if (value.length < 4) {
    errors.add(path, '多边形的环至少需要4个坐标点（首尾相同）');
    return null;
  }
  const ring: LinearRing = [];
  value.forEach((raw, i) => {
    const position = readPosition(raw, `${path}[${i}]`, errors);
    if (position) ring.push(position);
  });
  if (ring.length !== value.length) return null;

  if (!samePosition(ring[0] as Position, ring[ring.length - 1] as Position)) {
    errors.add(`${path}[${ring.length - 1}]`, '多边形的环未闭合：首尾坐标必须相同');
    return null;
  }
  let duplicates = false;
  for (let i = 1; i < ring.length; i++) {
    if (samePosition(ring[i - 1] as Position, ring[i] as Position)) {
      errors.add(`${path}[${i}]`, '多边形的环存在连续重复的坐标点');
      duplicates = true;
    }
  }
  if (duplicates) return null;
  const before = errors.items.length;
  checkSelfIntersection(ring, path, errors);
  // A bow-tie also has zero net area, so only call it degenerate when the edges are clean.
  if (errors.items.length === before && Math.abs(ringSignedArea(ring)) < MIN_RING_AREA_DEG2) {
    errors.add(path, '多边形的环面积过小，近乎为零');
  }
  return ring;
}

function readPolygonRings(value: unknown, path: string, errors: ErrorList): LinearRing[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    errors.add(path, '多边形至少需要一个外环');
    return null;
  }
  const rings = value.map((raw, i) => readRing(raw, `${path}[${i}]`, errors));
  return rings.every((r): r is LinearRing => r !== null) ? rings : null;
}

/** Positions of one polygon's rings, without descending further (the rings are checked after). */
function polygonVertexCount(rings: unknown): number {
  if (!Array.isArray(rings)) return 0;
  let count = 0;
  // A closed ring repeats its first position at the end: that is not another vertex.
  for (const ring of rings) if (Array.isArray(ring)) count += Math.max(ring.length - 1, 0);
  return count;
}

/** The limits on size, checked before any geometry: 5,000 vertices a polygon, 20,000 in all. */
function checkSize(type: 'Polygon' | 'MultiPolygon', coordinates: unknown[]): PolygonError[] {
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  const paths = type === 'Polygon' ? ['coordinates'] : coordinates.map((_, i) => `coordinates[${i}]`);
  const counts = polygons.map(polygonVertexCount);
  const errors = counts.flatMap((count, i) =>
    count > MAX_POLYGON_VERTICES
      ? [
          {
            path: paths[i] as string,
            message: `网格边界最多 ${MAX_POLYGON_VERTICES} 个顶点（此多边形有 ${count} 个），请简化边界`,
          },
        ]
      : [],
  );
  const total = counts.reduce((a, b) => a + b, 0);
  if (errors.length === 0 && total > MAX_VERTICES) {
    errors.push({ path: 'coordinates', message: `坐标点过多：最多允许${MAX_VERTICES}个，请简化边界` });
  }
  return errors.slice(0, MAX_ERRORS);
}

/**
 * Validates a grid boundary drawn or uploaded by a user and returns a clean 2-D copy
 * (altitudes and foreign members dropped). Does not check that holes lie inside the outer ring.
 */
export function validateGridPolygon(geojson: unknown): PolygonValidationResult {
  const errors = new ErrorList();
  if (!isRecord(geojson))
    return { ok: false, errors: [{ path: '', message: '边界必须是 GeoJSON 几何对象' }] };
  const { type, coordinates } = geojson;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { ok: false, errors: [{ path: 'type', message: '几何类型必须是 Polygon 或 MultiPolygon' }] };
  }
  if (!Array.isArray(coordinates)) {
    return { ok: false, errors: [{ path: 'coordinates', message: 'coordinates 必须是数组' }] };
  }
  const sizeErrors = checkSize(type, coordinates);
  if (sizeErrors.length > 0) return { ok: false, errors: sizeErrors };

  if (type === 'Polygon') {
    const rings = readPolygonRings(coordinates, 'coordinates', errors);
    if (rings && errors.items.length === 0) {
      const polygon: GeoJsonPolygon = { type, coordinates: rings };
      return { ok: true, polygon };
    }
    return { ok: false, errors: errors.items };
  }

  if (coordinates.length === 0) errors.add('coordinates', 'MultiPolygon 至少需要一个多边形');
  const polygons = coordinates.map((raw, i) => readPolygonRings(raw, `coordinates[${i}]`, errors));
  if (errors.items.length === 0 && polygons.every((p): p is LinearRing[] => p !== null)) {
    const polygon: GeoJsonMultiPolygon = { type, coordinates: polygons };
    return { ok: true, polygon };
  }
  return { ok: false, errors: errors.items };
}
