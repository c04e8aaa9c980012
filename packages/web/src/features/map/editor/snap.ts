import type { Ring } from './shape';

export interface Pixel {
  x: number;
  y: number;
}

/** Where a vertex lands, and what it was caught by. */
export interface Snapped {
  at: [number, number];
  to: 'vertex' | 'edge' | null;
}

/** How near, in screen pixels, a neighbour's vertex or edge must be to catch a vertex. */
export const SNAP_PIXELS = 10;

function distance(a: Pixel, b: Pixel): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** How far along a→b (0…1) the point nearest to p lies, on the screen. */
function along(p: Pixel, a: Pixel, b: Pixel): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  if (length2 === 0) return 0;
  return Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
}

/**
 * Snaps a vertex being placed or dragged onto the neighbouring grids: onto a neighbour's vertex
 * (its exact coordinate) when one is within `tolerance` pixels, else onto the nearest neighbour edge
 * within `tolerance`, else it stays at `free`. Distances are measured on the screen, but the point on
 * an edge is interpolated in longitude/latitude, so it lies on the straight edge as stored (the
 * server's checks are planar in degrees) and the grids meet without a sliver.
 */
export function snapVertex(
  pointer: Pixel,
  free: [number, number],
  neighbours: readonly Ring[],
  project: (at: [number, number]) => Pixel,
  tolerance = SNAP_PIXELS,
): Snapped {
  let best: { at: [number, number]; d: number } | null = null;
  const screens = neighbours.map((ring) => ring.map(project));
  neighbours.forEach((ring, r) => {
    ring.forEach((vertex, i) => {
      const d = distance(pointer, screens[r]?.[i] as Pixel);
      if (d <= tolerance && (!best || d < best.d)) best = { at: [vertex[0], vertex[1]], d };
    });
  });
  if (best) return { at: (best as { at: [number, number] }).at, to: 'vertex' };
  neighbours.forEach((ring, r) => {
    const screen = screens[r] ?? [];
    ring.forEach((a, i) => {
      const j = (i + 1) % ring.length;
      const b = ring[j] as [number, number];
      const sa = screen[i] as Pixel;
      const sb = screen[j] as Pixel;
      const t = along(pointer, sa, sb);
      const d = distance(pointer, { x: sa.x + t * (sb.x - sa.x), y: sa.y + t * (sb.y - sa.y) });
      if (d <= tolerance && (!best || d < best.d))
        best = { at: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], d };
    });
  });
  if (best) return { at: (best as { at: [number, number] }).at, to: 'edge' };
  return { at: free, to: null };
}
