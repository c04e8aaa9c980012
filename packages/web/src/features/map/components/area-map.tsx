import { Alert, Spin } from 'antd';
import type { FeatureCollection, Point } from 'geojson';
import { type GeoJSONSource, type MapLayerMouseEvent, type MapLibreMap, Marker, Popup } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runtimeConfig } from '../../../lib/config';
import { type BBox, bboxOf, emptyCollection, labelPoint, type UnitCollection } from '../../../lib/geo';
import { i18n } from '../../../lib/i18n';
import { strictlyInside } from '../editor/problems';
import { type Ring, shapeOf } from '../editor/shape';
import { createFlatMap } from '../flat-map';
import {
  AREA_SOURCE,
  areaLayers,
  FILL_LAYER,
  HIGHLIGHT_FILL_LAYER,
  idFilter,
  SELECTED_LINE_LAYER,
} from '../map-style';
import type { MapPointLayer, PointStack, StackCloseReason } from '../point-layer';
import { householdsAmong, listInsteadOfZoom, STACK_LEAF_LIMIT, type StackedPoint } from '../point-stack';

/** Points for a `MapPointLayer`: each feature's properties carry at least its `id` and `tags`. */
export type MapPoints = FeatureCollection<Point>;

export interface AreaMapProps {
  /** data-testid of the container; it also gets `data-grid-count` once the features are drawn. */
  testId: string;
  data: UnitCollection | undefined;
  /** Features drawn with an accent outline (the selected unit, or the grids under it). */
  highlightIds?: readonly string[];
  /** Changing this key fits the view to the highlighted features (or to all when none). */
  focusKey?: string | null;
  onSelect?: (id: string) => void;
  height?: number | string;
  /**
   * How points are drawn, from the feature that shows them; read once, when the map is created.
   * Without it the map draws areas only.
   */
  pointLayer?: MapPointLayer;
  /** Points, clustered; the container gets `data-household-count` once they are drawn. */
  points?: MapPoints;
  /** The points are still being fetched: a loading sign shows over the map until they are drawn. */
  pointsLoading?: boolean;
  /** Passed to `pointLayer.highlight`: the points it matches are drawn in the accent colour. */
  highlight?: string | null;
  /**
   * A click on one point. Several points on one spot (flats of one building), or a cluster of them
   * that zooming in cannot split, open `pointLayer.renderStack` instead.
   */
  onPointSelect?: (id: string) => void;
}

/** The container element carries its map, for end-to-end tests and the browser console. */
export type MapContainerElement = HTMLDivElement & { maplibreMap?: MapLibreMap };

/** Initial view before data arrives: Zhuji, Zhejiang, home of the Fengqiao experience. */
const DEFAULT_CENTER: [number, number] = [120.24, 29.71];

function createPopup(name: string, code: string): HTMLElement {
  const root = document.createElement('div');
  root.className = 'fq-map-popup';
  const title = document.createElement('strong');
  title.textContent = name;
  const line = document.createElement('div');
  line.textContent = `${i18n.t('map.code')}${i18n.t('common.colon')}${code}`;
  root.append(title, line);
  return root;
}

function pointsBBox(points: MapPoints): BBox | null {
  let box: BBox | null = null;
  for (const f of points.features) {
    const [lng, lat] = f.geometry.coordinates;
    if (typeof lng !== 'number' || typeof lat !== 'number') continue;
    box = box
      ? [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)]
      : [lng, lat, lng, lat];
  }
  return box;
}

/**
 * A clicked cluster: the households to list when zooming in cannot split it (they share one spot,
 * or the map can zoom no further), or null after zooming in as before.
 */
async function openCluster(
  map: MapLibreMap,
  sourceId: string,
  clusterId: number,
  pointCount: number,
  at: [number, number],
): Promise<StackedPoint[] | null> {
  const source = map.getSource(sourceId) as GeoJSONSource;
  const expansionZoom = await source.getClusterExpansionZoom(clusterId);
  if (pointCount > 0 && pointCount <= STACK_LEAF_LIMIT) {
    const leaves = await source.getClusterLeaves(clusterId, pointCount, 0);
    const coordinates = leaves.flatMap((leaf) =>
      leaf.geometry.type === 'Point' ? [leaf.geometry.coordinates as [number, number]] : [],
    );
    const stacked = listInsteadOfZoom({
      coordinates,
      expansionZoom,
      zoom: map.getZoom(),
      maxZoom: map.getMaxZoom(),
    });
    if (stacked) return householdsAmong(leaves);
  }
  map.easeTo({ center: at, zoom: Math.min(expansionZoom, 18) });
  return null;
}

/** An HTML label and the screen-independent facts its placement needs. */
interface PlacedLabel {
  marker: Marker;
  /** The grid's bounding box: a label wider than its grid on screen is left out at that zoom. */
  box: BBox;
  /** The grid's outer rings: a label moved off its best spot must stay inside. */
  outlines: Ring[];
}

type ScreenBox = { x0: number; y0: number; x1: number; y1: number };

const overlap = (a: ScreenBox, b: ScreenBox) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/**
 * Where a label may go, in label widths and heights from its best spot: there first, then the
 * nearest free spot of a few rows above and below.
 */
const LABEL_SHIFTS: readonly [number, number][] = [-1.2, -0.6, 0, 0.6, 1.2]
  .flatMap((sx) => [-5.6, -4.2, -2.8, -1.4, 0, 1.4, 2.8, 4.2, 5.6].map((sy) => [sx, sy] as [number, number]))
  .sort((a, b) => Math.hypot(a[0] * 4, a[1]) - Math.hypot(b[0] * 4, b[1]));

/** What the drawn points and clusters cover on the screen: labels must not hide them. */
function pointObstacles(map: MapLibreMap, pointLayer: MapPointLayer | undefined): ScreenBox[] {
  if (!pointLayer || !map.getSource(pointLayer.sourceId)) return [];
  const layers = pointLayer.clickLayers.filter((id) => map.getLayer(id));
  if (!layers.length) return [];
  return map.queryRenderedFeatures({ layers }).flatMap((feature) => {
    if (feature.geometry.type !== 'Point') return [];
    const { x, y } = map.project(feature.geometry.coordinates as [number, number]);
    const r = (pointLayer.footprint?.(feature.properties ?? {}) ?? 8) + 2;
    return [{ x0: x - r, y0: y - r, x1: x + r, y1: y + r }];
  });
}

/**
 * Greedy label placement, larger grids first: a label moves off its best spot (staying inside its
 * grid) when it would cover a point, a cluster or a label already shown, and is hidden when no spot
 * is free or when it is wider than its grid at this zoom (fewer labels when zoomed out).
 */
function declutter(map: MapLibreMap, labels: readonly PlacedLabel[], obstacles: readonly ScreenBox[]): void {
  const placed: ScreenBox[] = [];
  for (const { marker, box, outlines } of labels) {
    const element = marker.getElement();
    const { x, y } = map.project(marker.getLngLat());
    const width = element.offsetWidth;
    const height = element.offsetHeight;
    const gridWidth = Math.abs(map.project([box[2], box[1]]).x - map.project([box[0], box[1]]).x);
    let shown: [number, number] | null = null;
    if (gridWidth >= width * 0.6) {
      for (const [sx, sy] of LABEL_SHIFTS) {
        const dx = sx * width;
        const dy = sy * height;
        const cx = x + dx;
        const cy = y + dy;
        const screen = {
          x0: cx - width / 2 - 2,
          y0: cy - height / 2 - 2,
          x1: cx + width / 2 + 2,
          y1: cy + height / 2 + 2,
        };
        if (obstacles.some((o) => overlap(screen, o)) || placed.some((p) => overlap(screen, p))) continue;
        // Moved off its best spot, the whole label must lie inside its grid.
        const corners: [number, number][] = [
          [screen.x0, screen.y0],
          [screen.x1, screen.y0],
          [screen.x0, screen.y1],
          [screen.x1, screen.y1],
        ];
        const inside = corners.every((corner) => {
          const at = map.unproject(corner);
          return outlines.some((ring) => strictlyInside([at.lng, at.lat], ring));
        });
        if ((dx || dy) && !inside) continue;
        placed.push(screen);
        shown = [dx, dy];
        break;
      }
    }
    if (shown) marker.setOffset(shown);
    element.style.visibility = shown ? 'visible' : 'hidden';
    element.dataset.hidden = shown ? 'false' : 'true';
  }
}

/** Features by the area of their bounding box, largest first (planar degrees; only the order counts). */
function bySize<T extends { geometry: Parameters<typeof bboxOf>[0][number]['geometry'] }>(
  features: readonly T[],
) {
  const size = (f: T) => {
    const b = bboxOf([f]);
    return b ? (b[2] - b[0]) * (b[3] - b[1]) : 0;
  };
  return [...features].map((f) => ({ f, s: size(f) })).sort((a, b) => b.s - a.s);
}

/** The data with `labelRank` (0 for the largest grid): map-drawn labels of larger grids are placed first. */
function ranked(data: UnitCollection): UnitCollection {
  const rank = new Map(bySize(data.features).map(({ f }, i) => [f, i]));
  return {
    ...data,
    features: data.features.map((f) => ({
      ...f,
      properties: { ...f.properties, labelRank: rank.get(f) ?? 0 },
    })),
  };
}

/**
 * Org-unit polygons on MapLibre GL: semi-transparent fill, outline, names (HTML markers unless
 * glyphs are configured), fit to the data, popup and `onSelect` on click.
 */
export function AreaMap({
  testId,
  data,
  highlightIds,
  focusKey,
  onSelect,
  height = 480,
  pointLayer: pointLayerProp,
  points,
  highlight = null,
  onPointSelect,
  pointsLoading = false,
}: AreaMapProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markersRef = useRef<PlacedLabel[]>([]);
  const [drawnPoints, setDrawnPoints] = useState<MapPoints | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onPointSelectRef = useRef(onPointSelect);
  onPointSelectRef.current = onPointSelect;
  const [pointCount, setPointCount] = useState<number | null>(null);
  const clickedRef = useRef<string | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const [drawnCount, setDrawnCount] = useState<number | null>(null);
  const [stack, setStack] = useState<PointStack | null>(null);
  const config = useRef(runtimeConfig()).current;
  const pointLayer = useRef(pointLayerProp).current;
  const clickLayers = pointLayer?.clickLayers ?? [];

  // Create the map once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: config and the point layer are fixed for the page's life
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createFlatMap(container, config, { center: DEFAULT_CENTER, zoom: 9 });
    if (!map) {
      setFailed(true);
      return;
    }
    map.on('load', () => {
      map.addSource(AREA_SOURCE, { type: 'geojson', data: emptyCollection() });
      for (const layer of areaLayers(config)) map.addLayer(layer);
      if (pointLayer) {
        map.addSource(pointLayer.sourceId, pointLayer.source());
        for (const layer of pointLayer.layers()) map.addLayer(layer);
      }
      setReady(true);
    });
    // Images such as cluster counts are drawn the first time one is needed ("1.2k" and the like).
    map.on('styleimagemissing', ({ id }: { id: string }) => {
      const prefix = pointLayer?.imagePrefix;
      if (!prefix || !pointLayer.image || !id.startsWith(prefix) || map.hasImage(id)) return;
      const pixelRatio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 3);
      const image = pointLayer.image(id.slice(prefix.length), pixelRatio);
      if (image) map.addImage(id, image, { pixelRatio });
    });
    map.on('click', (event) => {
      setStack(null);
      if (!pointLayer || !map.getSource(pointLayer.sourceId)) return;
      const hit = map.queryRenderedFeatures(event.point, { layers: [...pointLayer.clickLayers] })[0];
      if (!hit) return;
      const { x, y } = event.point;
      const props = hit.properties as { cluster_id?: number; point_count?: number };
      if (props.cluster_id !== undefined && hit.geometry.type === 'Point') {
        const at = hit.geometry.coordinates as [number, number];
        void openCluster(map, pointLayer.sourceId, props.cluster_id, props.point_count ?? 0, at)
          .then((households) => {
            if (households) setStack({ households, x, y });
          })
          .catch(() => undefined);
        return;
      }
      // Every household drawn under the pointer, not just the topmost dot.
      const households = householdsAmong(
        map.queryRenderedFeatures(event.point, { layers: [...pointLayer.singleLayers] }),
      );
      const only = households[0];
      if (households.length > 1) setStack({ households, x, y });
      else if (only) onPointSelectRef.current?.(only.id);
    });
    // The list points at a spot of the map; once the map moves it would point elsewhere.
    map.on('movestart', () => setStack(null));
    for (const layer of clickLayers) {
      map.on('mouseenter', layer, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
      });
    }
    map.on('click', FILL_LAYER, (event: MapLayerMouseEvent) => {
      // A point or cluster on top of the grid takes the click.
      if (clickLayers.length && map.queryRenderedFeatures(event.point, { layers: [...clickLayers] }).length)
        return;
      const props = event.features?.[0]?.properties as
        | { id?: string; name?: string; code?: string }
        | undefined;
      if (!props?.id) return;
      new Popup({ closeButton: true, maxWidth: '240px' })
        .setLngLat(event.lngLat)
        .setDOMContent(createPopup(props.name ?? '', props.code ?? ''))
        .addTo(map);
      clickedRef.current = props.id;
      onSelectRef.current?.(props.id);
    });
    map.on('mouseenter', FILL_LAYER, () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', FILL_LAYER, () => {
      map.getCanvas().style.cursor = '';
    });
    mapRef.current = map;
    (container as MapContainerElement).maplibreMap = map;
    return () => {
      for (const label of markersRef.current) label.marker.remove();
      markersRef.current = [];
      (container as MapContainerElement).maplibreMap = undefined;
      map.remove();
      mapRef.current = null;
      setStack(null);
      setReady(false);
    };
  }, []);

  // Draw the data, label it and fit the view; report the count once the map has rendered it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: glyph config is fixed
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !data) return;
    (map.getSource(AREA_SOURCE) as GeoJSONSource | undefined)?.setData(ranked(data));
    for (const label of markersRef.current) label.marker.remove();
    markersRef.current = [];
    if (!config.glyphsUrl) {
      for (const { f: feature } of bySize(data.features)) {
        if (feature.properties?.outline) continue;
        const at = feature.geometry ? labelPoint(feature.geometry) : null;
        const box = bboxOf([feature]);
        if (!at || !box) continue;
        const element = document.createElement('div');
        element.className = 'fq-map-label';
        element.textContent = feature.properties?.name ?? '';
        const marker = new Marker({ element, anchor: 'center' }).setLngLat(at).addTo(map);
        markersRef.current.push({
          marker,
          box,
          outlines: shapeOf(feature.geometry).map((part) => part[0] ?? []),
        });
      }
    }
    const box = bboxOf(data.features);
    if (box) map.fitBounds(box, { padding: 32, duration: 0, maxZoom: 16 });
    let cancelled = false;
    map.once('idle', () => {
      if (!cancelled) setDrawnCount(data.features.length);
    });
    map.triggerRepaint();
    return () => {
      cancelled = true;
    };
  }, [data, ready]);

  // Household points: draw them, fit to them when there are no grids to fit to, report the count.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fitting only looks at whether grids exist
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !points || !pointLayer) return;
    setStack(null);
    (map.getSource(pointLayer.sourceId) as GeoJSONSource | undefined)?.setData(points);
    if (!data || !bboxOf(data.features)) {
      const box = pointsBBox(points);
      if (box) map.fitBounds(box, { padding: 48, duration: 0, maxZoom: 16 });
    }
    let cancelled = false;
    map.once('idle', () => {
      if (cancelled) return;
      setPointCount(points.features.length);
      setDrawnPoints(points);
    });
    map.triggerRepaint();
    return () => {
      cancelled = true;
    };
  }, [points, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !pointLayer) return;
    const { filters, paint } = pointLayer.highlight(highlight);
    for (const [layer, property, value] of paint) map.setPaintProperty(layer, property, value);
    for (const [layer, filter] of filters) map.setFilter(layer, filter);
  }, [highlight, ready, pointLayer]);

  // Highlight, and fit to the highlighted features when the focus changes from outside the map.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const ids = highlightIds ?? [];
    map.setFilter(HIGHLIGHT_FILL_LAYER, idFilter(ids));
    map.setFilter(SELECTED_LINE_LAYER, idFilter(ids));
  }, [highlightIds, ready]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refit only when the focus key changes
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !data || focusKey === undefined) return;
    if (focusKey !== null && clickedRef.current === focusKey) return;
    clickedRef.current = null;
    const wanted = new Set(highlightIds ?? []);
    const features = wanted.size ? data.features.filter((f) => wanted.has(f.properties.id)) : data.features;
    const box = bboxOf(features.length ? features : data.features);
    if (box) map.fitBounds(box, { padding: 48, maxZoom: 16, duration: 400 });
  }, [focusKey, ready, data]);

  // Hide HTML labels that would overlap others or the points (MapLibre places its own symbol
  // labels, see map-style). Clusters change as the map settles after a move, hence `idle`.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when new markers or points are drawn
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || config.glyphsUrl) return;
    const update = () => declutter(map, markersRef.current, pointObstacles(map, pointLayer));
    update();
    map.on('idle', update);
    return () => {
      map.off('idle', update);
    };
  }, [ready, drawnCount, drawnPoints, config.glyphsUrl]);

  const pointsPending = !!pointLayer && !failed && (pointsLoading || (!!points && drawnPoints !== points));

  return (
    <div style={{ position: 'relative', height, borderRadius: 8, overflow: 'hidden' }}>
      <div
        ref={containerRef}
        data-testid={testId}
        data-grid-count={drawnCount ?? undefined}
        data-household-count={pointCount ?? undefined}
        style={{ position: 'absolute', inset: 0 }}
      />
      {failed ? (
        <Alert
          type="warning"
          showIcon
          title={t('map.unsupported')}
          style={{ position: 'absolute', inset: 16 }}
        />
      ) : null}
      {pointLayer?.renderStack(stack, (reason: StackCloseReason) => {
        setStack(null);
        // Back to the map for keyboard users (once the list and its focus trap are gone); a
        // click elsewhere keeps its own focus.
        if (reason === 'keyboard') requestAnimationFrame(() => mapRef.current?.getCanvas().focus());
      })}
      {pointsPending && ready && data ? (
        <div className="fq-map-points-loading" data-testid={`${testId}-points-loading`} role="status">
          <Spin size="small" />
          <span>{t('map.pointsLoading')}</span>
        </div>
      ) : null}
      {!failed && (!ready || !data) ? (
        <Spin
          description={t('map.loading')}
          style={{ position: 'absolute', top: '45%', left: 0, right: 0 }}
        />
      ) : null}
    </div>
  );
}

export default AreaMap;
