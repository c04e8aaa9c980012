import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { UnitCollection } from '../../../lib/geo';
import { midpoints, type Ring, type Shape, type VertexRef } from './shape';

export const NEIGHBOUR_SOURCE = 'edit-neighbours';
export const SHAPE_SOURCE = 'edit-shape';
export const HANDLE_SOURCE = 'edit-handles';
export const DRAWING_SOURCE = 'edit-drawing';
export const PROBLEM_SOURCE = 'edit-problems';
export const VERTEX_LAYER = 'edit-vertex';
export const MIDPOINT_LAYER = 'edit-midpoint';
export const EDITOR_SOURCES = [NEIGHBOUR_SOURCE, SHAPE_SOURCE, HANDLE_SOURCE, DRAWING_SOURCE, PROBLEM_SOURCE];

const ACCENT = '#e8590c';
const NEIGHBOUR = '#475569';
const ERROR = '#cf1322';
const WARNING = '#faad14';

type Collection = FeatureCollection<Geometry, Record<string, unknown>>;

function collection(features: Feature<Geometry, Record<string, unknown>>[]): Collection {
  return { type: 'FeatureCollection', features };
}

function closed(ring: Ring): [number, number][] {
  const first = ring[0];
  return first ? [...ring, first] : [];
}

/** The parts as polygons, each ring with at least three vertices. */
export function shapeFeatures(shape: Shape): Collection {
  return collection(
    shape.flatMap((part, index) => {
      const rings = part.filter((ring) => ring.length >= 3).map(closed);
      return rings.length
        ? [
            {
              type: 'Feature',
              properties: { part: index },
              geometry: { type: 'Polygon', coordinates: rings },
            },
          ]
        : [];
    }),
  );
}

/** A handle on every vertex (`kind: vertex`) and on every edge's midpoint (`kind: mid`). */
export function handleFeatures(shape: Shape, selected: VertexRef | null): Collection {
  const features: Feature<Geometry, Record<string, unknown>>[] = [];
  shape.forEach((part, p) => {
    part.forEach((ring, r) => {
      ring.forEach((at, i) => {
        const isSelected = selected?.part === p && selected.ring === r && selected.index === i;
        features.push({
          type: 'Feature',
          properties: { kind: 'vertex', part: p, ring: r, index: i, selected: isSelected },
          geometry: { type: 'Point', coordinates: at },
        });
      });
      midpoints(ring).forEach((at, i) => {
        features.push({
          type: 'Feature',
          properties: { kind: 'mid', part: p, ring: r, index: i },
          geometry: { type: 'Point', coordinates: at },
        });
      });
    });
  });
  return collection(features);
}

/** The ring being drawn, with a rubber band to the pointer. */
export function drawingFeatures(drawing: Ring | null, pointer: [number, number] | null): Collection {
  if (!drawing) return collection([]);
  const line = pointer ? [...drawing, pointer] : drawing;
  return collection([
    ...(line.length >= 2
      ? [
          {
            type: 'Feature' as const,
            properties: {},
            geometry: { type: 'LineString' as const, coordinates: line },
          },
        ]
      : []),
    ...drawing.map((at, i) => ({
      type: 'Feature' as const,
      properties: { first: i === 0 },
      geometry: { type: 'Point' as const, coordinates: at },
    })),
  ]);
}

/** A problem drawn on the map: a point, or an edge of the shape; errors in red, warnings in amber. */
export interface MapMark {
  level: 'error' | 'warning';
  at?: [number, number];
  edge?: [[number, number], [number, number]];
}

export function markFeatures(marks: readonly MapMark[]): Collection {
  return collection(
    marks.flatMap((mark) => [
      ...(mark.at
        ? [
            {
              type: 'Feature' as const,
              properties: { level: mark.level },
              geometry: { type: 'Point' as const, coordinates: mark.at },
            },
          ]
        : []),
      ...(mark.edge
        ? [
            {
              type: 'Feature' as const,
              properties: { level: mark.level },
              geometry: { type: 'LineString' as const, coordinates: mark.edge },
            },
          ]
        : []),
    ]),
  );
}

export function neighbourFeatures(neighbours: UnitCollection | undefined): UnitCollection {
  return neighbours ?? { type: 'FeatureCollection', features: [] };
}

const LEVEL_COLOR = ['match', ['get', 'level'], 'warning', WARNING, ERROR] as const;

export function editorLayers(): LayerSpecification[] {
  return [
    {
      id: 'edit-neighbour-fill',
      type: 'fill',
      source: NEIGHBOUR_SOURCE,
      paint: { 'fill-color': NEIGHBOUR, 'fill-opacity': 0.06 },
    },
    {
      id: 'edit-neighbour-line',
      type: 'line',
      source: NEIGHBOUR_SOURCE,
      paint: { 'line-color': NEIGHBOUR, 'line-width': 1.2, 'line-opacity': 0.6, 'line-dasharray': [3, 2] },
    },
    {
      id: 'edit-shape-fill',
      type: 'fill',
      source: SHAPE_SOURCE,
      paint: { 'fill-color': ACCENT, 'fill-opacity': 0.18 },
    },
    {
      id: 'edit-shape-line',
      type: 'line',
      source: SHAPE_SOURCE,
      paint: { 'line-color': ACCENT, 'line-width': 2.5 },
    },
    {
      id: 'edit-drawing-line',
      type: 'line',
      source: DRAWING_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': ACCENT, 'line-width': 2, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'edit-drawing-vertex',
      type: 'circle',
      source: DRAWING_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': ['case', ['get', 'first'], 7, 5],
        'circle-color': ['case', ['get', 'first'], ACCENT, '#ffffff'],
        'circle-stroke-color': ACCENT,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'edit-problem-line',
      type: 'line',
      source: PROBLEM_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': LEVEL_COLOR as never, 'line-width': 5, 'line-opacity': 0.85 },
    },
    {
      id: MIDPOINT_LAYER,
      type: 'circle',
      source: HANDLE_SOURCE,
      filter: ['==', ['get', 'kind'], 'mid'],
      paint: {
        'circle-radius': 4,
        'circle-color': '#ffffff',
        'circle-opacity': 0.85,
        'circle-stroke-color': ACCENT,
        'circle-stroke-width': 1,
      },
    },
    {
      id: VERTEX_LAYER,
      type: 'circle',
      source: HANDLE_SOURCE,
      filter: ['==', ['get', 'kind'], 'vertex'],
      paint: {
        'circle-radius': ['case', ['get', 'selected'], 7, 5.5],
        'circle-color': ['case', ['get', 'selected'], ACCENT, '#ffffff'],
        'circle-stroke-color': ACCENT,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'edit-problem-point',
      type: 'circle',
      source: PROBLEM_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': LEVEL_COLOR as never,
        'circle-stroke-width': 3,
      },
    },
  ];
}
