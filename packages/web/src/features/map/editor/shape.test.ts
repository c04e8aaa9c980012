import { describe, expect, it } from 'vitest';
import {
  areaOf,
  insertVertex,
  midpoints,
  moveVertex,
  removePart,
  removeVertex,
  type Shape,
  shapeOf,
} from './shape';

const square: Shape = [
  [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
  ],
];

describe('the editable shape of a boundary', () => {
  it('opens rings when read and closes them when stored', () => {
    const polygon = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(shapeOf(polygon)).toEqual(square);
    expect(areaOf(square)).toEqual(polygon);
  });

  it('stores several parts as a MultiPolygon and none as null', () => {
    const triangle: Shape = [
      [
        [
          [5, 5],
          [6, 5],
          [6, 6],
        ],
      ],
    ];
    const two = [...square, ...triangle];
    const area = areaOf(two);
    expect(area?.type).toBe('MultiPolygon');
    expect(area?.coordinates).toHaveLength(2);
    expect(shapeOf(area)).toEqual(two);
    expect(areaOf([])).toBeNull();
    expect(shapeOf(null)).toEqual([]);
  });

  it('inserts a vertex after the edge it was dragged from', () => {
    const next = insertVertex(square, 0, 0, 3, [-0.5, 0.5]);
    expect(next[0]?.[0]).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [-0.5, 0.5],
    ]);
    expect(insertVertex(square, 0, 0, 1, [1.5, 0.5])[0]?.[0]?.[2]).toEqual([1.5, 0.5]);
  });

  it('moves one vertex and leaves the original untouched', () => {
    const next = moveVertex(square, { part: 0, ring: 0, index: 2 }, [2, 2]);
    expect(next[0]?.[0]?.[2]).toEqual([2, 2]);
    expect(square[0]?.[0]?.[2]).toEqual([1, 1]);
  });

  it('removes a vertex but never leaves a ring of fewer than three', () => {
    const triangle = removeVertex(square, { part: 0, ring: 0, index: 0 });
    expect(triangle?.[0]?.[0]).toEqual([
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
    expect(triangle && removeVertex(triangle, { part: 0, ring: 0, index: 0 })).toBeNull();
    expect(removeVertex(square, { part: 0, ring: 0, index: 9 })).toBeNull();
  });

  it('removes a whole part', () => {
    expect(removePart([...square, ...square], 1)).toEqual(square);
  });

  it('puts a midpoint handle on every edge, the closing one included', () => {
    expect(midpoints(square[0]?.[0] ?? [])).toEqual([
      [0.5, 0],
      [1, 0.5],
      [0.5, 1],
      [0, 0.5],
    ]);
  });
});
