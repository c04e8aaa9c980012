import { describe, expect, it } from 'vitest';
import { householdsAmong, listInsteadOfZoom, pixelSpan, STACK_PX } from './point-stack';

const BUILDING: [number, number] = [120.23456, 29.71234];

describe('households drawn on one spot', () => {
  it('measures a metre as about 2 px at zoom 17 and 62 px at zoom 22, near Zhuji (512 px tiles)', () => {
    const metreEast: [number, number] = [
      BUILDING[0] + 360 / 40_075_017 / Math.cos((BUILDING[1] * Math.PI) / 180),
      BUILDING[1],
    ];
    expect(pixelSpan([BUILDING, metreEast], 17)).toBeCloseTo(1.93, 2);
    expect(pixelSpan([BUILDING, metreEast], 22)).toBeCloseTo(61.7, 1);
    expect(pixelSpan([BUILDING], 22)).toBe(0);
    expect(pixelSpan([], 22)).toBe(0);
  });

  it('lists a cluster whose households share one point instead of zooming into it', () => {
    const coordinates = [BUILDING, BUILDING, BUILDING];
    expect(listInsteadOfZoom({ coordinates, expansionZoom: 17, zoom: 15, maxZoom: 22 })).toBe(true);
  });

  it('lists flats a few metres apart that would still draw as one dot where the cluster splits', () => {
    const flats: [number, number][] = [BUILDING, [BUILDING[0] + 0.00003, BUILDING[1] - 0.00002]];
    expect(pixelSpan(flats, 17)).toBeLessThanOrEqual(STACK_PX);
    expect(listInsteadOfZoom({ coordinates: flats, expansionZoom: 17, zoom: 16, maxZoom: 22 })).toBe(true);
  });

  it('zooms into a cluster of houses that come apart, unless the map cannot zoom further', () => {
    const houses: [number, number][] = [BUILDING, [BUILDING[0] + 0.002, BUILDING[1]]];
    expect(listInsteadOfZoom({ coordinates: houses, expansionZoom: 15, zoom: 13, maxZoom: 22 })).toBe(false);
    expect(listInsteadOfZoom({ coordinates: houses, expansionZoom: 15, zoom: 13, maxZoom: 14 })).toBe(true);
    expect(listInsteadOfZoom({ coordinates: houses, expansionZoom: 15, zoom: 14, maxZoom: 14 })).toBe(true);
  });

  it('takes each household under the pointer once, topmost first, and no clusters', () => {
    const hits = [
      { properties: { id: 'b', tags: 4 } }, // tag layer
      { properties: { id: 'b', tags: 4 } }, // plain layer
      { properties: { id: 'a', tags: 0 } },
      { properties: { cluster_id: 7, point_count: 3 } },
      { properties: null },
    ];
    expect(householdsAmong(hits)).toEqual([
      { id: 'b', tags: 4 },
      { id: 'a', tags: 0 },
    ]);
  });
});
