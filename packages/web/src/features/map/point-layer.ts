import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { ReactNode } from 'react';
import type { StackedPoint } from './point-stack';

/** Several points on one spot of the map, and where (in pixels inside the map) their list points to. */
export interface PointStack {
  households: readonly StackedPoint[];
  x: number;
  y: number;
}

/** How a stack's list was closed: by the keyboard or its close button, focus goes back to the map. */
export type StackCloseReason = 'keyboard' | 'outside';

/** A paint property the highlight sets: layer, property, value. */
export type PaintChange = readonly [layer: string, property: string, value: unknown];

/**
 * Points drawn over the areas, described by the feature that shows them (households on the home
 * map), so the map knows MapLibre and clicks, and nothing of what the points stand for.
 */
export interface MapPointLayer {
  /** The clustered GeoJSON source the points are set on. */
  sourceId: string;
  source: () => GeoJSONSourceSpecification;
  layers: () => LayerSpecification[];
  /** Layers a click or the pointer reaches: clusters and single points. */
  clickLayers: readonly string[];
  /** Layers drawing one point each (a point may be drawn by several). */
  singleLayers: readonly string[];
  /**
   * The radius in pixels a rendered point or cluster covers (from its properties), so grid labels
   * keep clear of it. Without it a point covers 8 pixels.
   */
  footprint?: (properties: Record<string, unknown>) => number;
  /** Images named `<imagePrefix>…` are drawn on demand by `image`, for MapLibre's `styleimagemissing`. */
  imagePrefix?: string;
  image?: (name: string, pixelRatio: number) => ImageData | null;
  /** The filters and paint that draw points matching `key` (null: none) in the accent colour. */
  highlight: (key: string | null) => {
    filters: readonly (readonly [layer: string, filter: FilterSpecification])[];
    paint: readonly PaintChange[];
  };
  /** The list shown when a click reaches several points on one spot (null: none open). */
  renderStack: (stack: PointStack | null, onClose: (reason: StackCloseReason) => void) => ReactNode;
}
