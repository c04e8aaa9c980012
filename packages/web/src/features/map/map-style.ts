import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { RuntimeConfig } from '../../lib/config';

export const AREA_SOURCE = 'areas';
export const FILL_LAYER = 'areas-fill';
export const LINE_LAYER = 'areas-line';
export const HIGHLIGHT_FILL_LAYER = 'areas-highlight-fill';
export const SELECTED_LINE_LAYER = 'areas-selected-line';
export const LABEL_LAYER = 'areas-label';

const PRIMARY = '#1d4f91';
const ACCENT = '#e8590c';

/**
 * A style with no remote resources by default (intranets have no internet): a plain background,
 * plus a raster base layer only when a tile URL is configured.
 */
export function baseStyle(config: RuntimeConfig): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } }],
  };
  if (config.tileUrl) {
    style.sources.base = {
      type: 'raster',
      tiles: [config.tileUrl],
      tileSize: 256,
      attribution: config.tileAttribution,
    };
    style.layers.push({ id: 'base', type: 'raster', source: 'base' });
  }
  if (config.glyphsUrl) style.glyphs = config.glyphsUrl;
  return style;
}

/** A filter matching features whose `id` property is in `ids`. */
export function idFilter(ids: readonly string[]): FilterSpecification {
  return ['in', ['get', 'id'], ['literal', ids.length ? [...ids] : ['']]];
}

const OUTLINE_ONLY: ExpressionSpecification = ['==', ['get', 'outline'], true];

/** Fill, outline, highlight and selection layers over the area source. */
export function areaLayers(config: RuntimeConfig): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    {
      id: FILL_LAYER,
      type: 'fill',
      source: AREA_SOURCE,
      paint: { 'fill-color': PRIMARY, 'fill-opacity': ['case', OUTLINE_ONLY, 0, 0.18] },
    },
    {
      id: HIGHLIGHT_FILL_LAYER,
      type: 'fill',
      source: AREA_SOURCE,
      filter: idFilter([]),
      paint: { 'fill-color': ACCENT, 'fill-opacity': ['case', OUTLINE_ONLY, 0, 0.22] },
    },
    {
      id: LINE_LAYER,
      type: 'line',
      source: AREA_SOURCE,
      paint: { 'line-color': PRIMARY, 'line-width': 1.5, 'line-opacity': 0.9 },
    },
    {
      id: SELECTED_LINE_LAYER,
      type: 'line',
      source: AREA_SOURCE,
      filter: idFilter([]),
      paint: { 'line-color': ACCENT, 'line-width': 3 },
    },
  ];
  if (config.glyphsUrl) {
    layers.push({
      id: LABEL_LAYER,
      type: 'symbol',
      source: AREA_SOURCE,
      filter: ['!', OUTLINE_ONLY],
      // Placed after the cluster counts above it (which keep their place), larger grids first;
      // a label that does not fit is left out rather than drawn over another.
      layout: {
        'text-field': ['get', 'name'],
        'text-font': config.fontStack ?? ['Noto Sans Regular'],
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 10, 15, 13],
        'text-padding': 4,
        'symbol-sort-key': ['get', 'labelRank'],
        'text-allow-overlap': false,
        'text-ignore-placement': false,
      },
      paint: { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    });
  }
  return layers;
}
