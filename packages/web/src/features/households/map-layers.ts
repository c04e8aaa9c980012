import { RESIDENT_TAGS } from '@fengqiao/shared/rules';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';

/**
 * Household points on the home map: a clustered GeoJSON source, four circle layers and the cluster
 * counts as a symbol layer of generated images (no glyph server needed, no DOM per cluster).
 */
export const POINT_SOURCE = 'households';
export const CLUSTER_LAYER = 'households-cluster';
export const CLUSTER_TAG_LAYER = 'households-cluster-tag';
export const CLUSTER_COUNT_LAYER = 'households-cluster-count';
export const POINT_LAYER = 'households-point';
export const POINT_TAG_LAYER = 'households-point-tag';
export const POINT_LAYERS = [CLUSTER_LAYER, CLUSTER_TAG_LAYER, POINT_LAYER, POINT_TAG_LAYER];
/** The layers drawing one household each (a tagged household is drawn by both). */
export const SINGLE_POINT_LAYERS = [POINT_LAYER, POINT_TAG_LAYER];
/** Images named `<prefix><count>` are drawn on demand (see `countImage`). */
export const COUNT_IMAGE_PREFIX = 'fq-count-';

const POINT_COLOR = '#1677ff';
export const TAG_COLOR = '#d4380d';

/** `tags` is a bit mask: bit i set when a member has RESIDENT_TAGS[i] (expressions have no `&`). */
function hasTag(tag: string): ExpressionSpecification {
  const bit = 2 ** RESIDENT_TAGS.indexOf(tag as (typeof RESIDENT_TAGS)[number]);
  return ['==', ['%', ['floor', ['/', ['get', 'tags'], bit]], 2], 1];
}

/** The cluster property counting the points with a tag (one per tag, summed by MapLibre). */
export function tagCountProperty(tag: string): string {
  return `tag${RESIDENT_TAGS.indexOf(tag as (typeof RESIDENT_TAGS)[number])}`;
}

const clusterProperties = Object.fromEntries(
  RESIDENT_TAGS.map((tag) => [tagCountProperty(tag), ['+', ['case', hasTag(tag), 1, 0]]]),
) as GeoJSONSourceSpecification['clusterProperties'];

export function pointSource(): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterRadius: 40,
    clusterMaxZoom: 16,
    clusterProperties,
  };
}

const IS_CLUSTER: ExpressionSpecification = ['has', 'point_count'];
const NOTHING: FilterSpecification = ['==', ['literal', 1], 0];

/** Clusters with at least one household with the tag. */
export function clusterTagFilter(tag: string | null): FilterSpecification {
  if (!tag || !RESIDENT_TAGS.includes(tag as (typeof RESIDENT_TAGS)[number])) return NOTHING;
  return ['all', IS_CLUSTER, ['>', ['get', tagCountProperty(tag)], 0]];
}

/** Single households with the tag. */
export function pointTagFilter(tag: string | null): FilterSpecification {
  if (!tag) return NOTHING;
  return ['all', ['!', IS_CLUSTER], hasTag(tag)];
}

const clusterRadius: ExpressionSpecification = [
  'step',
  ['get', 'point_count'],
  13,
  10,
  16,
  100,
  21,
  1000,
  27,
];

/**
 * A tagged cluster draws a red disc inside the blue one, its area the share of households with the
 * tag, so density and share both stay readable.
 */
export function clusterTagRadius(tag: string | null): ExpressionSpecification {
  if (!tag || !RESIDENT_TAGS.includes(tag as (typeof RESIDENT_TAGS)[number])) return clusterRadius;
  return [
    'max',
    5,
    ['*', clusterRadius, ['sqrt', ['/', ['get', tagCountProperty(tag)], ['get', 'point_count']]]],
  ];
}

/** Clusters holding any household with the tag get an outline in the accent colour. */
export function clusterStroke(tag: string | null): {
  color: ExpressionSpecification | string;
  width: ExpressionSpecification | number;
} {
  if (!tag || !RESIDENT_TAGS.includes(tag as (typeof RESIDENT_TAGS)[number]))
    return { color: '#ffffff', width: 2 };
  const tagged: ExpressionSpecification = ['>', ['get', tagCountProperty(tag)], 0];
  return { color: ['case', tagged, TAG_COLOR, '#ffffff'], width: ['case', tagged, 3, 2] };
}

/**
 * The count on a cluster as an image (white digits with a soft shadow), for MapLibre's
 * `styleimagemissing`: text in a symbol layer would need a glyph server, which intranets lack.
 */
export function countImage(text: string, pixelRatio: number): ImageData | null {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return null;
  const font = `600 ${11 * pixelRatio}px system-ui, -apple-system, 'Segoe UI', sans-serif`;
  context.font = font;
  const width = Math.ceil(context.measureText(text).width + 4 * pixelRatio);
  const height = Math.ceil(15 * pixelRatio);
  canvas.width = width;
  canvas.height = height;
  context.font = font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.shadowColor = 'rgb(0 0 0 / 35%)';
  context.shadowBlur = 2 * pixelRatio;
  context.fillStyle = '#ffffff';
  context.fillText(text, width / 2, height / 2);
  return context.getImageData(0, 0, width, height);
}

/** The radius a rendered cluster or point covers, in pixels (as `clusterRadius` and the point circles). */
export function pointFootprint(properties: Record<string, unknown>): number {
  const count = Number(properties.point_count);
  if (!Number.isFinite(count) || count <= 0) return 7.5;
  return count < 10 ? 13 : count < 100 ? 16 : count < 1000 ? 21 : 27;
}

export function pointLayers(): LayerSpecification[] {
  return [
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: POINT_SOURCE,
      filter: IS_CLUSTER,
      paint: {
        'circle-color': POINT_COLOR,
        'circle-opacity': 0.85,
        'circle-radius': clusterRadius,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: CLUSTER_TAG_LAYER,
      type: 'circle',
      source: POINT_SOURCE,
      filter: NOTHING,
      paint: {
        'circle-color': TAG_COLOR,
        'circle-opacity': 0.95,
        'circle-radius': clusterRadius,
      },
    },
    {
      id: CLUSTER_COUNT_LAYER,
      type: 'symbol',
      source: POINT_SOURCE,
      filter: IS_CLUSTER,
      layout: {
        'icon-image': ['concat', COUNT_IMAGE_PREFIX, ['get', 'point_count_abbreviated']],
        'icon-allow-overlap': true,
        // Map-drawn grid labels keep clear of the whole bubble, not just its digits.
        'icon-ignore-placement': false,
        'icon-padding': ['max', 0, ['-', clusterRadius, 6]],
      },
    },
    {
      id: POINT_LAYER,
      type: 'circle',
      source: POINT_SOURCE,
      filter: ['!', IS_CLUSTER],
      paint: {
        'circle-color': POINT_COLOR,
        'circle-radius': 6,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: POINT_TAG_LAYER,
      type: 'circle',
      source: POINT_SOURCE,
      filter: NOTHING,
      paint: {
        'circle-color': TAG_COLOR,
        'circle-radius': 7.5,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ];
}
