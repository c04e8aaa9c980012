import { Alert } from 'antd';
import { type GeoJSONSource, type MapLibreMap, Marker } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runtimeConfig } from '../../../lib/config';
import { bboxOf, emptyCollection, type UnitCollection } from '../../../lib/geo';
import { createFlatMap } from '../flat-map';
import { AREA_SOURCE, FILL_LAYER, LINE_LAYER } from '../map-style';
import type { MapContainerElement } from './area-map';

export interface PointPickerProps {
  /** data-testid of the map container; it gets `data-ready` once it takes clicks. */
  testId: string;
  /** The point in the map's system (WGS-84, as stored and drawn), or null for none yet. */
  value: [number, number] | null;
  /** A click on the map or the marker dropped after dragging, rounded to 6 decimals (≈0.1 m). */
  onPick: (lng: number, lat: number) => void;
  /** Grids drawn for orientation (intranets often have no base tiles). */
  areas?: UnitCollection;
  height?: number | string;
}

const DEFAULT_CENTER: [number, number] = [120.24, 29.71];
const round6 = (n: number) => Number(n.toFixed(6));

/** A map to put a point on: click places the marker, dragging it moves it. */
export function PointPicker({ testId, value, onPick, areas, height = 280 }: PointPickerProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const onPickRef = useRef(onPick);
  onPickRef.current = onPick;
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const config = useRef(runtimeConfig()).current;
  const initial = useRef(value).current;

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once; later values move the marker
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createFlatMap(container, config, {
      center: initial ?? DEFAULT_CENTER,
      zoom: initial ? 16 : 11,
    });
    if (!map) {
      setFailed(true);
      return;
    }
    map.on('load', () => {
      map.addSource(AREA_SOURCE, { type: 'geojson', data: emptyCollection() });
      map.addLayer({
        id: FILL_LAYER,
        type: 'fill',
        source: AREA_SOURCE,
        paint: { 'fill-color': '#1d4f91', 'fill-opacity': 0.08 },
      });
      map.addLayer({
        id: LINE_LAYER,
        type: 'line',
        source: AREA_SOURCE,
        paint: { 'line-color': '#1d4f91', 'line-width': 1, 'line-opacity': 0.7 },
      });
      setReady(true);
    });
    map.on('click', (event) => onPickRef.current(round6(event.lngLat.lng), round6(event.lngLat.lat)));
    mapRef.current = map;
    (container as MapContainerElement).maplibreMap = map;
    return () => {
      markerRef.current?.remove();
      markerRef.current = null;
      (container as MapContainerElement).maplibreMap = undefined;
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, []);

  // Grids for orientation; the view fits them only when there is no point to show.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fitting looks at the first value only
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !areas) return;
    (map.getSource(AREA_SOURCE) as GeoJSONSource | undefined)?.setData(areas);
    const box = bboxOf(areas.features);
    if (box && !initial) map.fitBounds(box, { padding: 24, duration: 0, maxZoom: 16 });
  }, [ready, areas]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    if (!markerRef.current) {
      const marker = new Marker({ draggable: true, color: '#e8590c' }).setLngLat(value).addTo(map);
      marker.getElement().dataset.testid = `${testId}-marker`;
      marker.on('dragend', () => {
        const at = marker.getLngLat();
        onPickRef.current(round6(at.lng), round6(at.lat));
      });
      markerRef.current = marker;
    } else markerRef.current.setLngLat(value);
    if (!map.getBounds().contains(value)) map.easeTo({ center: value, duration: 300 });
  }, [value, ready, testId]);

  return (
    <div style={{ position: 'relative', height, borderRadius: 8, overflow: 'hidden' }}>
      <div
        ref={containerRef}
        data-testid={testId}
        data-ready={ready || undefined}
        style={{ position: 'absolute', inset: 0, cursor: 'crosshair' }}
      />
      {failed ? (
        <Alert
          type="warning"
          showIcon
          title={t('map.unsupported')}
          style={{ position: 'absolute', inset: 16 }}
        />
      ) : null}
    </div>
  );
}

export default PointPicker;
