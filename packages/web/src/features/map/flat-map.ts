import { type LngLatLike, MapLibreMap, NavigationControl } from 'maplibre-gl';
import type { RuntimeConfig } from '../../lib/config';
import { baseStyle } from './map-style';

export interface FlatMapOptions {
  center: LngLatLike;
  zoom: number;
  /** The boundary editor finishes a ring on double-click, so it turns the zoom off. */
  doubleClickZoom?: boolean;
}

/**
 * A north-up map with zoom buttons, as every map of the app is: no rotation or pitch (officers on a
 * phone rotate it by accident), attribution only when tiles are configured. Undefined when the
 * browser cannot draw it (no WebGL), for the caller to say so.
 */
export function createFlatMap(
  container: HTMLElement,
  config: RuntimeConfig,
  { center, zoom, doubleClickZoom = true }: FlatMapOptions,
): MapLibreMap | undefined {
  let map: MapLibreMap;
  try {
    map = new MapLibreMap({
      container,
      style: baseStyle(config),
      center,
      zoom,
      dragRotate: false,
      pitchWithRotate: false,
      doubleClickZoom,
      attributionControl: config.tileUrl ? { compact: true } : false,
    });
  } catch {
    return undefined;
  }
  map.touchZoomRotate.disableRotation();
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  return map;
}
