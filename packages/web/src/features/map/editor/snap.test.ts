import { describe, expect, it } from 'vitest';
import { properCrossing } from './problems';
import type { Ring } from './shape';
import { snapVertex } from './snap';

/** A screen of 100 pixels per degree, y growing downwards. */
const project = ([lng, lat]: [number, number]) => ({ x: lng * 100, y: -lat * 100 });
const neighbour: Ring = [
  [1, 0],
  [2, 0],
  [2, 1],
  [1, 1],
];

describe('snapping onto neighbouring grids', () => {
  it('takes the exact coordinate of a neighbour vertex within the tolerance', () => {
    const snapped = snapVertex({ x: 104, y: -97 }, [1.04, 0.97], [neighbour], project);
    expect(snapped).toEqual({ at: [1, 1], to: 'vertex' });
  });

  it('prefers a vertex to an edge that is nearer', () => {
    const snapped = snapVertex({ x: 101, y: -92 }, [1.01, 0.92], [neighbour], project);
    expect(snapped.to).toBe('vertex');
  });

  it('lands on the neighbour edge, exactly on the stored straight line', () => {
    const snapped = snapVertex({ x: 96, y: -40 }, [0.96, 0.4], [neighbour], project);
    expect(snapped.to).toBe('edge');
    expect(snapped.at[0]).toBeCloseTo(1, 12);
    expect(snapped.at[1]).toBeCloseTo(0.4, 12);
    // On the edge, not across it: no proper crossing with an edge leaving from there.
    expect(properCrossing(snapped.at, [0, 0.4], [1, 0], [1, 1])).toBeNull();
  });

  it('interpolates along a slanted edge in degrees', () => {
    const slanted: Ring = [
      [0, 0],
      [2, 1],
      [0, 1],
    ];
    const { at, to } = snapVertex({ x: 100, y: -55 }, [1, 0.55], [slanted], project);
    expect(to).toBe('edge');
    // On the line y = x / 2.
    expect(at[1]).toBeCloseTo(at[0] / 2, 12);
  });

  it('leaves the vertex where it is when nothing is near', () => {
    expect(snapVertex({ x: 50, y: -50 }, [0.5, 0.5], [neighbour], project)).toEqual({
      at: [0.5, 0.5],
      to: null,
    });
  });

  it('uses the tolerance given', () => {
    expect(snapVertex({ x: 85, y: -50 }, [0.85, 0.5], [neighbour], project, 20).to).toBe('edge');
    expect(snapVertex({ x: 85, y: -50 }, [0.85, 0.5], [neighbour], project, 10).to).toBeNull();
  });
});
