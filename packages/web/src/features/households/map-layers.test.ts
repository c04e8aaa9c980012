import { RESIDENT_TAGS } from '@fengqiao/shared/rules';
import {
  featureFilter,
  expression as styleExpression,
  validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_LAYER,
  clusterStroke,
  clusterTagFilter,
  clusterTagRadius,
  POINT_LAYERS,
  POINT_SOURCE,
  pointLayers,
  pointSource,
  pointTagFilter,
  tagCountProperty,
} from './map-layers';

const bits = (...tags: string[]) =>
  tags.reduce((mask, tag) => mask | (1 << RESIDENT_TAGS.indexOf(tag as (typeof RESIDENT_TAGS)[number])), 0);

/** Whether MapLibre's own filter evaluation draws a feature with `properties`. */
function draws(filter: FilterSpecification, properties: Record<string, unknown>): boolean {
  return featureFilter(filter).filter({ zoom: 14 }, { type: 1, properties } as never);
}

function evaluate(value: unknown, properties: Record<string, unknown>): unknown {
  const parsed = styleExpression.createExpression(value);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 14 }, { type: 1, properties } as never);
}

describe('the households’ map layers', () => {
  it('are a valid MapLibre style over one clustered source', () => {
    const style = {
      version: 8,
      sources: { [POINT_SOURCE]: pointSource() },
      layers: pointLayers(),
    };
    expect(validateStyleMin(style as never)).toEqual([]);
    expect(pointSource().cluster).toBe(true);
    const ids = pointLayers().map((l) => l.id);
    for (const id of POINT_LAYERS) expect(ids).toContain(id);
  });

  it('draws in the accent colour the single households that have the chosen tag', () => {
    const filter = pointTagFilter('低保');
    expect(draws(filter, { tags: bits('低保') })).toBe(true);
    expect(draws(filter, { tags: bits('空巢老人', '低保', '反诈App已安装') })).toBe(true);
    expect(draws(filter, { tags: bits('空巢老人', '残疾人') })).toBe(false);
    expect(draws(filter, { tags: 0 })).toBe(false);
    expect(draws(filter, { tags: bits('低保'), point_count: 3 })).toBe(false);
  });

  it('marks the clusters that hold at least one household with the tag', () => {
    const key = tagCountProperty('重点关注');
    const filter = clusterTagFilter('重点关注');
    expect(draws(filter, { point_count: 12, [key]: 1 })).toBe(true);
    expect(draws(filter, { point_count: 12, [key]: 0 })).toBe(false);
    expect(draws(filter, { tags: bits('重点关注') })).toBe(false);
  });

  it('highlights nothing without a tag, or with a tag it does not know', () => {
    for (const tag of [null, '不存在']) {
      expect(draws(clusterTagFilter(tag), { point_count: 5, tag0: 5 })).toBe(false);
      expect(clusterStroke(tag)).toEqual({ color: '#ffffff', width: 2 });
    }
    expect(draws(pointTagFilter(null), { tags: 127 })).toBe(false);
  });

  it('sizes a cluster’s red disc by the share of tagged households in it', () => {
    const key = tagCountProperty('独居老人');
    const radius = clusterTagRadius('独居老人');
    expect(evaluate(radius, { point_count: 100, [key]: 100 })).toBeCloseTo(21);
    expect(evaluate(radius, { point_count: 100, [key]: 25 })).toBeCloseTo(10.5);
    expect(evaluate(radius, { point_count: 100, [key]: 1 })).toBe(5);
    expect(evaluate(clusterTagRadius(null), { point_count: 5 })).toBe(13);
  });

  it('outlines tagged clusters in the accent colour, thicker', () => {
    const key = tagCountProperty('留守儿童');
    const stroke = clusterStroke('留守儿童');
    expect(evaluate(stroke.width, { point_count: 4, [key]: 2 })).toBe(3);
    expect(evaluate(stroke.width, { point_count: 4, [key]: 0 })).toBe(2);
    expect(pointLayers().find((l) => l.id === CLUSTER_LAYER)?.type).toBe('circle');
  });
});
