import type { Position } from 'geojson';
import type { Area } from '../../../lib/geo';

/** A ring as the editor holds it: open (the closing copy of the first vertex left off). */
export type Ring = [number, number][];
/** One polygon: its outer ring, then holes. */
export type Part = Ring[];
/** The whole boundary: one part for a Polygon, several for a MultiPolygon. */
export type Shape = Part[];

/** A vertex of the shape: part, ring of the part, index in the ring. */
export interface VertexRef {
  part: number;
  ring: number;
  index: number;
}

/** Fewer than this many vertices is not an area. */
export const MIN_RING_VERTICES = 3;

function openRing(ring: readonly Position[]): Ring {
  const points = ring.map((p) => [p[0] ?? 0, p[1] ?? 0] as [number, number]);
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  return points;
}

function closeRing(ring: Ring): Position[] {
  const first = ring[0];
  return first ? [...ring.map((p) => [p[0], p[1]]), [first[0], first[1]]] : [];
}

/** The editable shape of a stored boundary (null: nothing drawn yet). */
export function shapeOf(area: Area | null): Shape {
  if (!area) return [];
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.map((rings) => rings.map(openRing));
}

/** The boundary to store: a Polygon for one part, a MultiPolygon for several, null for none. */
export function areaOf(shape: Shape): Area | null {
  const parts = shape.filter((part) => (part[0]?.length ?? 0) > 0);
  if (!parts.length) return null;
  const polygons = parts.map((part) => part.map(closeRing));
  if (polygons.length === 1) return { type: 'Polygon', coordinates: polygons[0] ?? [] };
  return { type: 'MultiPolygon', coordinates: polygons };
}

function replaceRing(shape: Shape, part: number, ring: number, next: Ring): Shape {
  return shape.map((p, pi) => (pi === part ? p.map((r, ri) => (ri === ring ? next : r)) : p));
}

export function ringAt(shape: Shape, part: number, ring: number): Ring | undefined {
  return shape[part]?.[ring];
}

/** The shape with one vertex moved. */
export function moveVertex(shape: Shape, at: VertexRef, to: [number, number]): Shape {
  const ring = ringAt(shape, at.part, at.ring);
  if (!ring || at.index < 0 || at.index >= ring.length) return shape;
  return replaceRing(
    shape,
    at.part,
    at.ring,
    ring.map((p, i) => (i === at.index ? to : p)),
  );
}

/**
 * The shape with a vertex put on the edge from vertex `edge` to the next one (dragging the edge's
 * midpoint handle); the new vertex is at `edge + 1`.
 */
export function insertVertex(
  shape: Shape,
  part: number,
  ring: number,
  edge: number,
  at: [number, number],
): Shape {
  const current = ringAt(shape, part, ring);
  if (!current || edge < 0 || edge >= current.length) return shape;
  return replaceRing(shape, part, ring, [...current.slice(0, edge + 1), at, ...current.slice(edge + 1)]);
}

/**
 * The shape without a vertex, or null when the ring would stop being an area (fewer than three
 * vertices): the whole ring is removed with `removePart` or by clearing instead.
 */
export function removeVertex(shape: Shape, at: VertexRef): Shape | null {
  const ring = ringAt(shape, at.part, at.ring);
  if (!ring || at.index < 0 || at.index >= ring.length) return null;
  if (ring.length <= MIN_RING_VERTICES) return null;
  return replaceRing(
    shape,
    at.part,
    at.ring,
    ring.filter((_, i) => i !== at.index),
  );
}

/** The shape without one part (a polygon of a MultiPolygon). */
export function removePart(shape: Shape, part: number): Shape {
  return shape.filter((_, i) => i !== part);
}

/** The midpoint of each edge of a ring, edge i running from vertex i to vertex i + 1 (wrapping). */
export function midpoints(ring: Ring): [number, number][] {
  return ring.map((a, i) => {
    const b = ring[(i + 1) % ring.length] ?? a;
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  });
}
