import { describe, expect, it } from 'vitest';
import { overlapPoints, selfCrossings, strictlyInside } from './problems';
import type { Ring } from './shape';

const square: Ring = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
];

describe('problems marked on the map while drawing', () => {
  it('finds where a bow-tie crosses itself, with both edges', () => {
    const bowTie: Ring = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
    ];
    const [crossing, ...rest] = selfCrossings(bowTie);
    expect(rest).toHaveLength(0);
    expect(crossing?.edges).toEqual([0, 2]);
    expect(crossing?.at[0]).toBeCloseTo(0.5, 12);
    expect(crossing?.at[1]).toBeCloseTo(0.5, 12);
  });

  it('finds nothing in a simple ring', () => {
    expect(selfCrossings(square)).toEqual([]);
  });

  it('counts a point on an edge as not inside', () => {
    expect(strictlyInside([0.5, 0.5], square)).toBe(true);
    expect(strictlyInside([1, 0.5], square)).toBe(false);
    expect(strictlyInside([0, 0], square)).toBe(false);
    expect(strictlyInside([2, 0.5], square)).toBe(false);
  });

  it('does not call grids sharing an edge overlapping', () => {
    const east: Ring = [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ];
    expect(overlapPoints([[square]], [east])).toEqual([]);
    // A vertex placed on the neighbour's edge (snapped) touches it only.
    const touching: Ring = [
      [0, 0],
      [1, 0],
      [1, 0.5],
      [1, 1],
      [0, 1],
    ];
    expect(overlapPoints([[touching]], [east])).toEqual([]);
  });

  it('marks where a grid reaches into its neighbour', () => {
    const east: Ring = [
      [0.8, 0.2],
      [2, 0.2],
      [2, 0.8],
      [0.8, 0.8],
    ];
    const points = overlapPoints([[square]], [east]);
    expect(points).toContainEqual([0.8, 0.2]);
    expect(points).toContainEqual([0.8, 0.8]);
    expect(points.some(([x, y]) => Math.abs(x - 1) < 1e-12 && Math.abs(y - 0.2) < 1e-12)).toBe(true);
  });
});
