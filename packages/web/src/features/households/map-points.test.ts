import { describe, expect, it } from 'vitest';
import {
  CLUSTER_LAYER,
  CLUSTER_TAG_LAYER,
  clusterTagFilter,
  POINT_TAG_LAYER,
  pointTagFilter,
} from './map-layers';
import { householdPointLayer } from './map-points';

describe('the households the home map is given', () => {
  it('sets the tag highlight only on layers the source draws', () => {
    const ids = new Set(householdPointLayer.layers().map((l) => l.id));
    const { filters, paint } = householdPointLayer.highlight('低保');
    for (const [layer] of [...filters, ...paint]) expect(ids.has(layer)).toBe(true);
    expect(filters).toEqual([
      [CLUSTER_TAG_LAYER, clusterTagFilter('低保')],
      [POINT_TAG_LAYER, pointTagFilter('低保')],
    ]);
    expect(paint.map(([layer, property]) => `${layer}:${property}`)).toEqual([
      `${CLUSTER_TAG_LAYER}:circle-radius`,
      `${CLUSTER_LAYER}:circle-stroke-color`,
      `${CLUSTER_LAYER}:circle-stroke-width`,
    ]);
  });

  it('clears the highlight with no tag chosen', () => {
    const { filters, paint } = householdPointLayer.highlight(null);
    expect(filters).toEqual([
      [CLUSTER_TAG_LAYER, clusterTagFilter(null)],
      [POINT_TAG_LAYER, pointTagFilter(null)],
    ]);
    expect(paint.find(([, property]) => property === 'circle-stroke-color')?.[2]).toBe('#ffffff');
  });

  it('reaches clicks on clusters and on single households, and draws the cluster counts', () => {
    expect(householdPointLayer.clickLayers).toEqual(
      expect.arrayContaining([...householdPointLayer.singleLayers]),
    );
    expect(householdPointLayer.clickLayers).toContain(CLUSTER_LAYER);
    expect(householdPointLayer.imagePrefix).toBe('fq-count-');
  });
});
