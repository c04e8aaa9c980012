import type { Problem } from '@fengqiao/shared';
import type { Area } from '../../../lib/geo';
import type { BoundaryProblem } from '../../map';

/** `boundary.coordinates[1][0][3]` → [1, 0, 3]. */
function indicesOf(field: string): number[] {
  return [...field.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/**
 * The server's boundary errors placed on the submitted shape: the part and ring from the field path
 * (a Polygon's path has no part index), the spot from the error's location, else the vertex the path
 * names.
 */
export function boundaryProblems(problem: Problem, area: Area | null): BoundaryProblem[] {
  return (problem.errors ?? [])
    .filter((e) => e.field.startsWith('boundary'))
    .map((e) => {
      const indices = indicesOf(e.field);
      const [part, ring, vertex] = area?.type === 'MultiPolygon' ? indices : [0, ...indices];
      const polygons = area ? (area.type === 'Polygon' ? [area.coordinates] : area.coordinates) : [];
      const named = vertex === undefined ? undefined : polygons[part ?? 0]?.[ring ?? 0]?.[vertex];
      const coordinate = e.location?.coordinate ?? named;
      const at =
        coordinate && coordinate.length >= 2
          ? ([coordinate[0], coordinate[1]] as [number, number])
          : undefined;
      const segments = e.location?.segments;
      return {
        message: e.message,
        part,
        ring,
        ...(at ? { at } : {}),
        ...(segments && segments.length === 2
          ? { edges: [segments[0], segments[1]] as [number, number] }
          : {}),
      };
    });
}
