import { describe, expect, it } from 'vitest';
import {
  type GeoJsonMultiPolygon,
  type GeoJsonPolygon,
  pointInPolygon,
  polygonBBox,
  polygonCentroid,
  ringSignedArea,
  segmentsIntersect,
} from './polygon-geometry.js';

const square: GeoJsonPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ],
  ],
};

const squareWithHole: GeoJsonPolygon = {
  type: 'Polygon',
  coordinates: [
    ...square.coordinates,
    [
      [1, 1],
      [1, 3],
      [3, 3],
      [3, 1],
      [1, 1],
    ],
  ],
};

const twoSquares: GeoJsonMultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    square.coordinates,
    [
      [
        [10, 10],
        [12, 10],
        [12, 12],
        [10, 12],
        [10, 10],
      ],
    ],
  ],
};

describe('segmentsIntersect', () => {
  it('detects proper crossings and rejects disjoint segments', () => {
    expect(segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [0, 1], [1, 1])).toBe(false);
    expect(segmentsIntersect([0, 0], [1, 1], [2, 2], [3, 0])).toBe(false);
  });

  it('counts touching and collinear overlap as intersecting', () => {
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [1, 5])).toBe(true);
    expect(segmentsIntersect([0, 0], [2, 0], [1, 0], [3, 0])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [2, 0], [3, 0])).toBe(false);
  });
});

describe('ringSignedArea', () => {
  it('is positive counter-clockwise and negative clockwise', () => {
    const ring = square.coordinates[0] ?? [];
    expect(ringSignedArea(ring)).toBe(16);
    expect(ringSignedArea([...ring].reverse())).toBe(-16);
  });
});

describe('pointInPolygon', () => {
  it('handles a simple polygon', () => {
    expect(pointInPolygon(2, 2, square)).toBe(true);
    expect(pointInPolygon(5, 2, square)).toBe(false);
    expect(pointInPolygon(-1, -1, square)).toBe(false);
  });

  it('treats points in a hole as outside', () => {
    expect(pointInPolygon(2, 2, squareWithHole)).toBe(false);
    expect(pointInPolygon(0.5, 0.5, squareWithHole)).toBe(true);
    expect(pointInPolygon(3.5, 2, squareWithHole)).toBe(true);
  });

  it('handles MultiPolygon parts', () => {
    expect(pointInPolygon(2, 2, twoSquares)).toBe(true);
    expect(pointInPolygon(11, 11, twoSquares)).toBe(true);
    expect(pointInPolygon(7, 7, twoSquares)).toBe(false);
  });

  it('handles concave shapes', () => {
    const u: GeoJsonPolygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    expect(pointInPolygon(1.5, 2, u)).toBe(false);
    expect(pointInPolygon(0.5, 2, u)).toBe(true);
    expect(pointInPolygon(1.5, 0.5, u)).toBe(true);
  });
});

describe('polygonBBox', () => {
  it('covers all outer rings', () => {
    expect(polygonBBox(square)).toEqual([0, 0, 4, 4]);
    expect(polygonBBox(twoSquares)).toEqual([0, 0, 12, 12]);
  });
});

describe('polygonCentroid', () => {
  it('finds the centre of symmetric shapes regardless of winding', () => {
    expect(polygonCentroid(square)).toEqual([2, 2]);
    const cw: GeoJsonPolygon = {
      type: 'Polygon',
      coordinates: [[...(square.coordinates[0] ?? [])].reverse()],
    };
    expect(polygonCentroid(cw)).toEqual([2, 2]);
    expect(polygonCentroid(squareWithHole)).toEqual([2, 2]);
  });

  it('weights by area and subtracts holes', () => {
    const [x, y] = polygonCentroid(twoSquares);
    // 16 units at (2,2) and 4 units at (11,11).
    expect(x).toBeCloseTo((16 * 2 + 4 * 11) / 20, 12);
    expect(y).toBeCloseTo((16 * 2 + 4 * 11) / 20, 12);
    const offCentreHole: GeoJsonPolygon = {
      type: 'Polygon',
      coordinates: [
        square.coordinates[0] ?? [],
        [
          [0, 0],
          [0, 4],
          [2, 4],
          [2, 0],
          [0, 0],
        ].map(([a, b]) => [(a as number) * 0.5 + 0.5, (b as number) * 0.5 + 1] as [number, number]),
      ],
    };
    expect(polygonCentroid(offCentreHole)[0]).toBeGreaterThan(2);
  });
});
