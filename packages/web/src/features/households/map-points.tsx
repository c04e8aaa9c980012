import { lazy, Suspense } from 'react';
import type { MapPointLayer } from '../map';
import {
  CLUSTER_LAYER,
  CLUSTER_TAG_LAYER,
  COUNT_IMAGE_PREFIX,
  clusterStroke,
  clusterTagFilter,
  clusterTagRadius,
  countImage,
  POINT_LAYERS,
  POINT_SOURCE,
  POINT_TAG_LAYER,
  pointFootprint,
  pointLayers,
  pointSource,
  pointTagFilter,
  SINGLE_POINT_LAYERS,
} from './map-layers';

// The list (antd's Drawer and Popover) loads with the map, not with the page that shows the map.
const StackedHouseholdsPopup = lazy(() =>
  import('./components/stacked-households').then((m) => ({ default: m.StackedHouseholdsPopup })),
);

/** Household points on the map: clustered, tagged households highlighted, a stack listed with links to files. */
export const householdPointLayer: MapPointLayer = {
  sourceId: POINT_SOURCE,
  source: pointSource,
  layers: pointLayers,
  clickLayers: POINT_LAYERS,
  singleLayers: SINGLE_POINT_LAYERS,
  footprint: pointFootprint,
  imagePrefix: COUNT_IMAGE_PREFIX,
  image: countImage,
  highlight: (tag) => {
    const stroke = clusterStroke(tag);
    return {
      filters: [
        [CLUSTER_TAG_LAYER, clusterTagFilter(tag)],
        [POINT_TAG_LAYER, pointTagFilter(tag)],
      ],
      paint: [
        [CLUSTER_TAG_LAYER, 'circle-radius', clusterTagRadius(tag)],
        [CLUSTER_LAYER, 'circle-stroke-color', stroke.color],
        [CLUSTER_LAYER, 'circle-stroke-width', stroke.width],
      ],
    };
  },
  renderStack: (stack, onClose) => (
    <Suspense fallback={null}>
      <StackedHouseholdsPopup stack={stack} onClose={onClose} />
    </Suspense>
  ),
};
