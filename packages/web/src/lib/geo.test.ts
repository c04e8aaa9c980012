import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPoint } from './geo';

/** Ray casting: is the point inside the ring? */
function insideRing([x, y]: [number, number], ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insidePolygon(point: [number, number], polygon: Position[][]): boolean {
  const [outer, ...holes] = polygon;
  return !!outer && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole));
}

/** The area-weighted centroid of a ring, what the labels used before. */
function centroid(ring: Position[]): [number, number] {
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
  return [cx / (3 * area), cy / (3 * area)];
}

/** A village grid near Zhuji in units of 0.001°, moved and scaled into degrees. */
const at = (points: [number, number][]): Position[] =>
  points.map(([x, y]) => [120.24 + x * 0.001, 29.71 + y * 0.001]);

// A U: two arms on a common base, with the notch between the arms open to the north.
const U_RING = at([
  [0, 0],
  [3, 0],
  [3, 3],
  [2, 3],
  [2, 1],
  [1, 1],
  [1, 3],
  [0, 3],
  [0, 0],
]);

describe('where a grid name is drawn', () => {
  it("puts a U-shaped grid's label inside the grid, where its centroid falls in the notch", () => {
    const grid: Polygon = { type: 'Polygon', coordinates: [U_RING] };
    expect(insidePolygon(centroid(U_RING), grid.coordinates)).toBe(false);
    const label = labelPoint(grid);
    expect(label).not.toBeNull();
    expect(insidePolygon(label as [number, number], grid.coordinates)).toBe(true);
  });

  it('keeps the label out of a hole in the grid (a lake or a factory yard outside it)', () => {
    const outer = at([
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ]);
    const hole = at([
      [1, 1],
      [1, 3],
      [3, 3],
      [3, 1],
      [1, 1],
    ]);
    const label = labelPoint({ type: 'Polygon', coordinates: [outer, hole] }) as [number, number];
    expect(insidePolygon(label, [outer, hole])).toBe(true);
  });

  it('labels the largest part of a grid made of several', () => {
    const island = at([
      [10, 10],
      [10.5, 10],
      [10.5, 10.5],
      [10, 10.5],
      [10, 10],
    ]);
    const label = labelPoint({ type: 'MultiPolygon', coordinates: [[island], [U_RING]] }) as [number, number];
    expect(insidePolygon(label, [U_RING])).toBe(true);
  });

  it('has no label for a grid without a usable ring', () => {
    expect(labelPoint({ type: 'Polygon', coordinates: [] })).toBeNull();
    expect(labelPoint({ type: 'MultiPolygon', coordinates: [[[[120, 29]]]] })).toBeNull();
  });
});
