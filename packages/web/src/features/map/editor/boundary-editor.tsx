import { Alert } from 'antd';
import type {
  GeoJSONSource,
  MapLayerMouseEvent,
  MapLayerTouchEvent,
  MapLibreMap,
  MapMouseEvent,
  MapTouchEvent,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runtimeConfig } from '../../../lib/config';
import { type Area, bboxOf, type UnitCollection } from '../../../lib/geo';
import type { MapContainerElement } from '../components/area-map';
import { createFlatMap } from '../flat-map';
import {
  DRAWING_SOURCE,
  drawingFeatures,
  EDITOR_SOURCES,
  editorLayers,
  HANDLE_SOURCE,
  handleFeatures,
  type MapMark,
  MIDPOINT_LAYER,
  markFeatures,
  NEIGHBOUR_SOURCE,
  neighbourFeatures,
  PROBLEM_SOURCE,
  SHAPE_SOURCE,
  shapeFeatures,
  VERTEX_LAYER,
} from './editor-layers';
import { EditorToolbar } from './editor-toolbar';
import { overlapPoints, selfCrossings } from './problems';
import {
  areaOf,
  insertVertex,
  MIN_RING_VERTICES,
  moveVertex,
  type Ring,
  removePart,
  removeVertex,
  type Shape,
  shapeOf,
  type VertexRef,
} from './shape';
import { SNAP_PIXELS, snapVertex } from './snap';

/** A problem the server found, placed by the field path of its error (`…coordinates[part][ring]…`). */
export interface BoundaryProblem {
  message: string;
  part?: number;
  ring?: number;
  /** The spot to mark (a vertex, or where two edges cross). */
  at?: [number, number];
  /** Edges of the ring (0-based, edge i from vertex i) to mark. */
  edges?: [number, number];
}

export interface BoundaryEditorProps {
  /** data-testid of the map container, which carries `data-vertex-count` and `data-drawing`. */
  testId: string;
  value: Area | null;
  onChange: (area: Area | null) => void;
  /** Neighbouring grids: drawn faintly, and vertices snap onto them. */
  neighbours?: UnitCollection;
  problems?: readonly BoundaryProblem[];
  height?: number | string;
}

const DEFAULT_CENTER: [number, number] = [120.24, 29.71];
const HISTORY_LIMIT = 100;
/** A click this near the last placed vertex is the second click of a double-click, not a new vertex. */
const SAME_SPOT_PIXELS = 4;

interface EditState {
  shape: Shape;
  history: Shape[];
  drawing: Ring | null;
  pointer: [number, number] | null;
  selected: VertexRef | null;
}

function ringsOf(collection: UnitCollection | undefined): Ring[] {
  return (collection?.features ?? []).flatMap((feature) => shapeOf(feature.geometry).flat());
}

function edgeOf(ring: Ring | undefined, i: number): [[number, number], [number, number]] | undefined {
  const a = ring?.[i];
  const b = ring?.[(i + 1) % ring.length];
  return a && b ? [a, b] : undefined;
}

/**
 * Draws and edits a boundary on the map: click to place vertices (double-click, Enter or a click
 * on the first vertex closes the ring), drag vertices, drag an edge's midpoint to add one,
 * right-click or Delete removes one, Ctrl+Z undoes, Esc cancels drawing. Vertices snap onto the
 * neighbouring grids' vertices and edges. Crossings and overlaps with neighbours are marked as
 * they appear, with the server's problems.
 */
export function BoundaryEditor({
  testId,
  value,
  onChange,
  neighbours,
  problems = [],
  height = 420,
}: BoundaryEditorProps) {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const [state, setState] = useState<EditState>(() => ({
    shape: shapeOf(value),
    history: [],
    drawing: null,
    pointer: null,
    selected: null,
  }));
  const stateRef = useRef(state);
  stateRef.current = state;
  const emittedRef = useRef<Area | null>(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const neighbourRings = useMemo(() => ringsOf(neighbours), [neighbours]);
  const neighbourRef = useRef(neighbourRings);
  neighbourRef.current = neighbourRings;
  const dragRef = useRef<{ at: VertexRef; before: Shape } | null>(null);
  const config = useRef(runtimeConfig()).current;

  const update = useCallback((change: (s: EditState) => Partial<EditState>) => {
    const next = { ...stateRef.current, ...change(stateRef.current) };
    stateRef.current = next;
    setState(next);
  }, []);

  /** A finished edit: remembered for undo and reported as the new boundary. */
  const commit = useCallback(
    (shape: Shape, before: Shape = stateRef.current.shape, extra: Partial<EditState> = {}) => {
      update((s) => ({ shape, history: [...s.history, before].slice(-HISTORY_LIMIT), ...extra }));
      const area = areaOf(shape);
      emittedRef.current = area;
      onChangeRef.current(area);
    },
    [update],
  );

  // A boundary from outside (typed GeoJSON, an imported file) replaces the drawing.
  useEffect(() => {
    if (value === emittedRef.current) return;
    emittedRef.current = value;
    update(() => ({ shape: shapeOf(value), history: [], drawing: null, pointer: null, selected: null }));
    const map = mapRef.current;
    const box = value ? bboxOf([{ geometry: value }]) : null;
    if (map && box) map.fitBounds(box, { padding: 48, duration: 0, maxZoom: 18 });
  }, [value, update]);

  const snapped = useCallback(
    (event: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }) => {
      const map = mapRef.current;
      const free: [number, number] = [event.lngLat.lng, event.lngLat.lat];
      if (!map) return free;
      return snapVertex(event.point, free, neighbourRef.current, (at) => map.project(at), SNAP_PIXELS).at;
    },
    [],
  );

  const finishDrawing = useCallback(() => {
    const { drawing, shape } = stateRef.current;
    if (!drawing) return;
    if (drawing.length < MIN_RING_VERTICES) {
      update(() => ({ drawing: null, pointer: null }));
      return;
    }
    commit([...shape, [drawing]], shape, { drawing: null, pointer: null });
  }, [commit, update]);

  const undo = useCallback(() => {
    const { drawing, history } = stateRef.current;
    if (drawing) {
      update(() =>
        drawing.length > 1 ? { drawing: drawing.slice(0, -1) } : { drawing: null, pointer: null },
      );
      return;
    }
    const previous = history[history.length - 1];
    if (!previous) return;
    update(() => ({ shape: previous, history: history.slice(0, -1), selected: null }));
    const area = areaOf(previous);
    emittedRef.current = area;
    onChangeRef.current(area);
  }, [update]);

  const removeSelected = useCallback(
    (at: VertexRef | null = stateRef.current.selected) => {
      if (!at) return;
      const next = removeVertex(stateRef.current.shape, at);
      if (next) commit(next, undefined, { selected: null });
    },
    [commit],
  );

  // Create the map once; the handlers read the current state from refs.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once for the editor's life
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = createFlatMap(container, config, {
      center: DEFAULT_CENTER,
      zoom: 12,
      doubleClickZoom: false,
    });
    if (!map) {
      setFailed(true);
      return;
    }
    map.on('load', () => {
      for (const id of EDITOR_SOURCES)
        map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const layer of editorLayers()) map.addLayer(layer);
      setReady(true);
    });

    const startDrag = (at: VertexRef, before: Shape) => {
      dragRef.current = { at, before };
      map.dragPan.disable();
      map.getCanvas().style.cursor = 'grabbing';
    };
    const vertexAt = (event: MapLayerMouseEvent | MapLayerTouchEvent): VertexRef | null => {
      const props = event.features?.[0]?.properties as
        | { part?: number; ring?: number; index?: number }
        | undefined;
      if (props?.part === undefined || props.ring === undefined || props.index === undefined) return null;
      return { part: props.part, ring: props.ring, index: props.index };
    };
    type PointerEvent = MapLayerMouseEvent | MapLayerTouchEvent;
    // A mouse's left button, or one finger (two fingers pinch the map).
    const primary = (event: PointerEvent) =>
      'button' in event.originalEvent
        ? event.originalEvent.button === 0
        : event.originalEvent.touches.length === 1;
    const grabVertex = (event: PointerEvent) => {
      if (stateRef.current.drawing || !primary(event)) return;
      const at = vertexAt(event);
      if (!at) return;
      event.preventDefault();
      update(() => ({ selected: at }));
      startDrag(at, stateRef.current.shape);
    };
    const grabMidpoint = (event: PointerEvent) => {
      if (stateRef.current.drawing || !primary(event)) return;
      if (map.queryRenderedFeatures(event.point, { layers: [VERTEX_LAYER] }).length) return;
      const edge = vertexAt(event);
      if (!edge) return;
      event.preventDefault();
      const before = stateRef.current.shape;
      const inserted = { ...edge, index: edge.index + 1 };
      update(() => ({
        shape: insertVertex(before, edge.part, edge.ring, edge.index, snapped(event)),
        selected: inserted,
      }));
      startDrag(inserted, before);
    };
    const move = (event: MapMouseEvent | MapTouchEvent) => {
      const drag = dragRef.current;
      if (drag) {
        update((s) => ({ shape: moveVertex(s.shape, drag.at, snapped(event)) }));
        return;
      }
      if (stateRef.current.drawing) update(() => ({ pointer: snapped(event) }));
    };
    const drop = () => {
      const drag = dragRef.current;
      if (!drag) return;
      dragRef.current = null;
      map.dragPan.enable();
      map.getCanvas().style.cursor = '';
      commit(stateRef.current.shape, drag.before);
    };
    map.on('mousedown', VERTEX_LAYER, grabVertex);
    map.on('touchstart', VERTEX_LAYER, grabVertex);
    map.on('mousedown', MIDPOINT_LAYER, grabMidpoint);
    map.on('touchstart', MIDPOINT_LAYER, grabMidpoint);
    map.on('mousemove', move);
    map.on('touchmove', move);
    map.on('mouseup', drop);
    map.on('touchend', drop);
    map.on('contextmenu', VERTEX_LAYER, (event) => {
      event.preventDefault();
      removeSelected(vertexAt(event));
    });
    map.on('click', (event) => {
      const { drawing } = stateRef.current;
      if (!drawing) {
        if (!map.queryRenderedFeatures(event.point, { layers: [VERTEX_LAYER] }).length)
          update(() => ({ selected: null }));
        return;
      }
      const first = drawing[0];
      const last = drawing[drawing.length - 1];
      if (first && drawing.length >= MIN_RING_VERTICES) {
        const p = map.project(first);
        if (Math.hypot(p.x - event.point.x, p.y - event.point.y) <= SNAP_PIXELS) {
          finishDrawing();
          return;
        }
      }
      if (last) {
        const p = map.project(last);
        if (Math.hypot(p.x - event.point.x, p.y - event.point.y) <= SAME_SPOT_PIXELS) return;
      }
      update((s) => ({ drawing: [...(s.drawing ?? []), snapped(event)] }));
    });
    map.on('dblclick', (event) => {
      if (!stateRef.current.drawing) return;
      event.preventDefault();
      finishDrawing();
    });
    for (const layer of [VERTEX_LAYER, MIDPOINT_LAYER]) {
      map.on('mouseenter', layer, () => {
        if (!dragRef.current && !stateRef.current.drawing) map.getCanvas().style.cursor = 'move';
      });
      map.on('mouseleave', layer, () => {
        if (!dragRef.current) map.getCanvas().style.cursor = '';
      });
    }
    mapRef.current = map;
    (container as MapContainerElement).maplibreMap = map;
    return () => {
      (container as MapContainerElement).maplibreMap = undefined;
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, []);

  // Fit once to the boundary, or to the neighbours when there is none yet.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first view is fitted
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const own = areaOf(stateRef.current.shape);
    const box = bboxOf(own ? [{ geometry: own }] : (neighbours?.features ?? []));
    if (box) map.fitBounds(box, { padding: 48, duration: 0, maxZoom: 18 });
  }, [ready, !!neighbours]);

  const marks = useMemo<MapMark[]>(() => {
    const found: MapMark[] = [];
    state.shape.forEach((part) => {
      for (const ring of part) {
        for (const crossing of selfCrossings(ring)) {
          found.push({ level: 'error', at: crossing.at });
          for (const e of crossing.edges) found.push({ level: 'error', edge: edgeOf(ring, e) });
        }
      }
    });
    for (const at of overlapPoints(state.shape, neighbourRings)) found.push({ level: 'warning', at });
    for (const problem of problems) {
      if (problem.at) found.push({ level: 'error', at: problem.at });
      const ring = state.shape[problem.part ?? 0]?.[problem.ring ?? 0];
      for (const e of problem.edges ?? []) found.push({ level: 'error', edge: edgeOf(ring, e) });
    }
    return found;
  }, [state.shape, neighbourRings, problems]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const set = (id: string, data: unknown) =>
      (map.getSource(id) as GeoJSONSource | undefined)?.setData(data as never);
    set(NEIGHBOUR_SOURCE, neighbourFeatures(neighbours));
    set(SHAPE_SOURCE, shapeFeatures(state.shape));
    set(HANDLE_SOURCE, handleFeatures(state.drawing ? [] : state.shape, state.selected));
    set(DRAWING_SOURCE, drawingFeatures(state.drawing, state.pointer));
    set(PROBLEM_SOURCE, markFeatures(marks));
  }, [ready, state, neighbours, marks]);

  function onKeyDown(event: KeyboardEvent) {
    const { drawing } = stateRef.current;
    let handled = true;
    if (event.key === 'Escape' && drawing) update(() => ({ drawing: null, pointer: null }));
    else if (event.key === 'Enter' && drawing) finishDrawing();
    else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') undo();
    else if ((event.key === 'Delete' || event.key === 'Backspace') && stateRef.current.selected)
      removeSelected();
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  const vertexCount = state.shape.reduce((n, part) => n + part.reduce((m, ring) => m + ring.length, 0), 0);
  const crossings = marks.filter((m) => m.level === 'error' && m.at).length;
  const overlaps = marks.filter((m) => m.level === 'warning').length;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys reach it from the focused map canvas
    <div onKeyDown={onKeyDown}>
      <EditorToolbar
        drawing={!!state.drawing}
        hasShape={state.shape.length > 0}
        canUndo={!!state.drawing || state.history.length > 0}
        selected={state.selected}
        onDraw={() => {
          update(() => ({ drawing: [], pointer: null, selected: null }));
          mapRef.current?.getCanvas().focus();
        }}
        onFinish={finishDrawing}
        onCancel={() => update(() => ({ drawing: null, pointer: null }))}
        onUndo={undo}
        onRemoveVertex={() => removeSelected()}
        onRemovePart={() => {
          const part = stateRef.current.selected?.part;
          if (part !== undefined)
            commit(removePart(stateRef.current.shape, part), undefined, { selected: null });
        }}
        onClear={() => commit([], undefined, { selected: null })}
      />
      <div style={{ position: 'relative', height, borderRadius: 8, overflow: 'hidden', marginTop: 8 }}>
        <div
          ref={containerRef}
          data-testid={testId}
          data-ready={ready || undefined}
          data-vertex-count={vertexCount}
          data-drawing={state.drawing ? state.drawing.length : undefined}
          style={{ position: 'absolute', inset: 0, cursor: state.drawing ? 'crosshair' : undefined }}
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
      {crossings ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={t('orgs.editor.crossings')}
          data-testid="boundary-crossings"
        />
      ) : null}
      {overlaps ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('orgs.editor.overlaps')}
          data-testid="boundary-overlaps"
        />
      ) : null}
    </div>
  );
}

export default BoundaryEditor;
