import { RESIDENT_TAGS } from '@fengqiao/shared';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
} from 'maplibre-gl';

/** Household points on the home map: a clustered GeoJSON source and four circle layers. */
export const POINT_SOURCE = 'households';
export const CLUSTER_LAYER = 'households-cluster';
export const CLUSTER_TAG_LAYER = 'households-cluster-tag';
export const POINT_LAYER = 'households-point';
export const POINT_TAG_LAYER = 'households-point-tag';
export const POINT_LAYERS = [CLUSTER_LAYER, CLUSTER_TAG_LAYER, POINT_LAYER, POINT_TAG_LAYER];

const POINT_COLOR = '#1677ff';
export const TAG_COLOR = '#d4380d';

/** `tags` is "a,b,c": a tag matches as a whole item, never as part of another. */
function hasTag(tag: string): ExpressionSpecification {
  return ['in', `,${tag},`, ['concat', ',', ['get', 'tags'], ',']];
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

/** Counts are HTML markers drawn by the map component (no remote glyphs needed). */
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
