import type { GeoJsonPolygon, Position } from '../geo/polygon-validation.js';
import type { SeededRandom } from '../random/seeded-random.js';

export interface LayoutOptions {
  centre: Position;
  widthKm: number;
  heightKm: number;
  cols: number;
  rows: number;
  /** Grids per cell, row-major from the south-west cell; each must be 1, 2 or 3. */
  gridsPerCell: readonly number[];
}

export interface CellLayout {
  boundary: GeoJsonPolygon;
  grids: GeoJsonPolygon[];
}

export interface JurisdictionLayout {
  boundary: GeoJsonPolygon;
  cells: CellLayout[];
}

const KM_PER_DEG_LAT = 110.95;

// Six decimals is ~0.1 m; rounding each shared vertex once keeps neighbouring polygons exactly matched.
function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function point(lng: number, lat: number): Position {
  return [round6(lng), round6(lat)];
}

/** Copies each position so polygons sharing a vertex never alias the same array. */
function closed(ring: Position[]): GeoJsonPolygon {
  const copy = ring.map(([lng, lat]): Position => [lng, lat]);
  return { type: 'Polygon', coordinates: [[...copy, [...(copy[0] as Position)]]] };
}

function at<T>(rows: T[][], i: number, j: number): T {
  return (rows[i] as T[])[j] as T;
}

/**
 * Lays out a jittered lattice of cells (communities) and cuts each cell into grids with spokes
 * from a jittered centre to its edge midpoints. Neighbouring cells are built from the very same
 * vertices, so the cells tile the area without gaps or overlaps.
 */
export function layoutJurisdiction(rng: SeededRandom, options: LayoutOptions): JurisdictionLayout {
  const { centre, cols, rows } = options;
  const kmPerDegLng = KM_PER_DEG_LAT * Math.cos((centre[1] * Math.PI) / 180);
  const cellW = options.widthKm / kmPerDegLng / cols;
  const cellH = options.heightKm / KM_PER_DEG_LAT / rows;
  const minLng = centre[0] - (cellW * cols) / 2;
  const minLat = centre[1] - (cellH * rows) / 2;
  const jitter = (size: number, share: number) => rng.float(-share, share) * size;

  // Interior lattice vertices move freely; those on the outer boundary only wobble a little.
  const corners: Position[][] = [];
  for (let i = 0; i <= cols; i++) {
    const column: Position[] = [];
    for (let j = 0; j <= rows; j++) {
      const dx = jitter(cellW, i > 0 && i < cols ? 0.2 : 0.06);
      const dy = jitter(cellH, j > 0 && j < rows ? 0.2 : 0.06);
      column.push(point(minLng + i * cellW + dx, minLat + j * cellH + dy));
    }
    corners.push(column);
  }
  const midpoint = (a: Position, b: Position, normal: Position): Position => {
    const t = 0.5 + rng.float(-0.12, 0.12);
    const off = rng.float(-0.1, 0.1);
    return point(a[0] + (b[0] - a[0]) * t + normal[0] * off, a[1] + (b[1] - a[1]) * t + normal[1] * off);
  };
  const southMids: Position[][] = []; // [i][j]: edge from corner (i,j) east to (i+1,j)
  for (let i = 0; i < cols; i++) {
    const column: Position[] = [];
    for (let j = 0; j <= rows; j++)
      column.push(midpoint(at(corners, i, j), at(corners, i + 1, j), [0, cellH]));
    southMids.push(column);
  }
  const westMids: Position[][] = []; // [i][j]: edge from corner (i,j) north to (i,j+1)
  for (let i = 0; i <= cols; i++) {
    const column: Position[] = [];
    for (let j = 0; j < rows; j++)
      column.push(midpoint(at(corners, i, j), at(corners, i, j + 1), [cellW, 0]));
    westMids.push(column);
  }

  const cells: CellLayout[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      // Counter-clockwise from the south-west corner; odd positions are edge midpoints.
      const cycle: Position[] = [
        at(corners, i, j),
        at(southMids, i, j),
        at(corners, i + 1, j),
        at(westMids, i + 1, j),
        at(corners, i + 1, j + 1),
        at(southMids, i, j + 1),
        at(corners, i, j + 1),
        at(westMids, i, j),
      ];
      const gridCount = options.gridsPerCell[cells.length] ?? 1;
      cells.push({ boundary: closed(cycle), grids: splitCell(rng, cycle, gridCount, cellW, cellH) });
    }
  }
  return { boundary: outerBoundary(corners, southMids, westMids, cols, rows), cells };
}

function splitCell(rng: SeededRandom, cycle: Position[], count: number, cellW: number, cellH: number) {
  if (count === 1) return [closed(cycle)];
  if (count !== 2 && count !== 3) throw new RangeError(`a cell can hold 1 to 3 grids, not ${count}`);
  const sum = cycle.filter((_, k) => k % 2 === 0).reduce((s, p) => [s[0] + p[0], s[1] + p[1]], [0, 0]);
  const hub = point(sum[0] / 4 + rng.float(-0.08, 0.08) * cellW, sum[1] / 4 + rng.float(-0.08, 0.08) * cellH);
  const first = rng.int(0, 3);
  const spokes = count === 2 ? [first, first + 2] : [first, first + 1, first + 2];
  return spokes.map((spoke, k) => {
    const from = 2 * spoke + 1;
    const to = 2 * (spokes[(k + 1) % spokes.length] as number) + 1;
    const length = (((to - from) % 8) + 8) % 8;
    const arc = Array.from({ length: length + 1 }, (_, n) => cycle[(from + n) % 8] as Position);
    return closed([...arc, hub]);
  });
}

function outerBoundary(
  corners: Position[][],
  southMids: Position[][],
  westMids: Position[][],
  cols: number,
  rows: number,
): GeoJsonPolygon {
  const ring: Position[] = [];
  for (let i = 0; i < cols; i++) ring.push(at(corners, i, 0), at(southMids, i, 0));
  for (let j = 0; j < rows; j++) ring.push(at(corners, cols, j), at(westMids, cols, j));
  for (let i = cols; i > 0; i--) ring.push(at(corners, i, rows), at(southMids, i - 1, rows));
  for (let j = rows; j > 0; j--) ring.push(at(corners, 0, j), at(westMids, 0, j - 1));
  return closed(ring);
}
