import type { Ring, Shape } from './shape';

type Point = [number, number];

/** Twice the signed area of the triangle a, b, c; near zero when they are in line. */
function orient(a: Point, b: Point, c: Point): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

// Below this (degrees², ≈1e-4 m²) three points count as in line: a vertex snapped onto an edge is
// on it up to floating-point rounding.
const IN_LINE = 1e-14;

function side(a: Point, b: Point, c: Point): -1 | 0 | 1 {
  const o = orient(a, b, c);
  return Math.abs(o) < IN_LINE ? 0 : o > 0 ? 1 : -1;
}

/** Where segments ab and cd cross each other properly (not merely touching), or null. */
export function properCrossing(a: Point, b: Point, c: Point, d: Point): Point | null {
  const s1 = side(a, b, c);
  const s2 = side(a, b, d);
  const s3 = side(c, d, a);
  const s4 = side(c, d, b);
  if (s1 === 0 || s2 === 0 || s3 === 0 || s4 === 0 || s1 === s2 || s3 === s4) return null;
  const t = orient(c, d, a) / (orient(c, d, a) - orient(c, d, b));
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

function edge(ring: Ring, i: number): [Point, Point] {
  return [ring[i] as Point, ring[(i + 1) % ring.length] as Point];
}

/** A place where a ring crosses itself: the two edges (0-based, edge i from vertex i) and the point. */
export interface Crossing {
  edges: [number, number];
  at: Point;
}

/**
 * Where a ring's edges cross (a bow-tie, a loop): what the server refuses as 自相交, found while
 * drawing so the spot can be marked at once. Quadratic, which suits hand-drawn rings.
 */
export function selfCrossings(ring: Ring, limit = 50): Crossing[] {
  const found: Crossing[] = [];
  const n = ring.length;
  for (let i = 0; i < n && found.length < limit; i++) {
    for (let j = i + 2; j < n && found.length < limit; j++) {
      if (i === 0 && j === n - 1) continue; // neighbours through the closing vertex
      const [a, b] = edge(ring, i);
      const [c, d] = edge(ring, j);
      const at = properCrossing(a, b, c, d);
      if (at) found.push({ edges: [i, j], at });
    }
  }
  return found;
}

/** Whether p lies strictly inside the ring (on an edge is not inside). */
export function strictlyInside(p: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0; i < ring.length; i++) {
    const [a, b] = edge(ring, i);
    if (
      side(a, b, p) === 0 &&
      p[0] >= Math.min(a[0], b[0]) - 1e-12 &&
      p[0] <= Math.max(a[0], b[0]) + 1e-12 &&
      p[1] >= Math.min(a[1], b[1]) - 1e-12 &&
      p[1] <= Math.max(a[1], b[1]) + 1e-12
    )
      return false;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0])
      inside = !inside;
  }
  return inside;
}

/**
 * Points showing where the shape's outer rings overlap a neighbouring grid: proper edge crossings,
 * and vertices of either lying strictly inside the other. Touching along shared (snapped) edges is
 * not an overlap.
 */
export function overlapPoints(shape: Shape, neighbours: readonly Ring[], limit = 50): Point[] {
  const found: Point[] = [];
  for (const part of shape) {
    const outer = part[0];
    if (!outer || outer.length < 3) continue;
    for (const other of neighbours) {
      if (other.length < 3) continue;
      for (const p of outer) if (strictlyInside(p, other)) found.push(p);
      for (const p of other) if (strictlyInside(p, outer)) found.push(p);
      for (let i = 0; i < outer.length; i++) {
        for (let j = 0; j < other.length; j++) {
          const [a, b] = edge(outer, i);
          const [c, d] = edge(other, j);
          const at = properCrossing(a, b, c, d);
          if (at) found.push(at);
        }
      }
      if (found.length >= limit) return found.slice(0, limit);
    }
  }
  return found;
}
