import type { Role } from '@fengqiao/shared';
import { prefixPattern } from '../../db/like-pattern.js';
import type { ServiceContext } from '../../security/context.js';
import { assertInScope } from '../../security/policy.js';
import { findOrgUnit } from '../orgs/index.js';

// Where a household is filed and who may file it there. Hand entry, import, the bulk writer and the
// re-placement after a grid's boundary moved all decide here.

export interface GridAt {
  id: string;
  path: string;
}

/** Where a household is filed: its grid, or none (outside every grid, 待核实) and a path above the grids. */
export interface Placement {
  gridId: string | null;
  orgPath: string;
}

/** A point may be filed in a grid of the placer's own area only; outside every grid is anyone's. */
export const mayPlaceIn = (scopePath: string, grid: GridAt | null) =>
  !grid || grid.path.startsWith(scopePath);

/** Who puts a household outside every grid, which decides where it is filed then. */
export type OutsideGridsBy =
  /** An officer filing or moving it by hand, or importing it: under their own scope. */
  | { placerScope: string }
  /** Its grid's boundary moved away from it: under the community the grid lies in, visible there still. */
  | { leftGridPath: string };

/** The path a household outside every grid is filed under. */
export function homeOutsideGrids(by: OutsideGridsBy): string {
  if ('placerScope' in by) return by.placerScope;
  return by.leftGridPath.split('/').slice(0, -2).join('/').concat('/');
}

/** The one decision: the grid the point falls in, else outside every grid under `homeOutsideGrids`. */
export function placeHousehold(grid: GridAt | null, outside: OutsideGridsBy): Placement {
  return grid
    ? { gridId: grid.id, orgPath: grid.path }
    : { gridId: null, orgPath: homeOutsideGrids(outside) };
}

/** The path of the caller's subtree, or of a unit inside it when one is asked for. */
export async function scopedPath(ctx: ServiceContext, orgUnitId?: string): Promise<string> {
  if (!orgUnitId) return ctx.actor.scopePath;
  const unit = await findOrgUnit(ctx.db, orgUnitId);
  await assertInScope(ctx, unit?.path, 'household.read', 'org_unit', orgUnitId, 'not_found.org_unit');
  return (unit as NonNullable<typeof unit>).path;
}

/** The SQL scope of the register's lists (households and people): the scoped path as a LIKE pattern. */
export async function scopedPattern(ctx: ServiceContext, orgUnitId?: string): Promise<string> {
  return prefixPattern(await scopedPath(ctx, orgUnitId));
}

/** Who works a grid door by door: they see the door of its households, not only the village. */
const DOOR_ROLES: readonly Role[] = ['community_officer', 'grid_worker'];

/** The community a grid lies in: its path without the grid's own step. */
const communityPathOf = (gridPath: string) => gridPath.split('/').slice(0, -2).join('/').concat('/');

/**
 * The responsible officer and the grid worker see the door (street number, building, unit, room) of
 * households in their own grids: the grid lies in their scope, and their scope is that grid or its
 * community. Wider scopes (the chief, the command room, the bureau) and households outside every grid
 * keep the village-and-street mask.
 */
export function mayReadDoor(
  actor: { roles: readonly Role[]; scopePath: string },
  household: { gridId: string | null; orgPath: string },
): boolean {
  if (household.gridId === null || !actor.roles.some((role) => DOOR_ROLES.includes(role))) return false;
  return (
    household.orgPath.startsWith(actor.scopePath) &&
    actor.scopePath.startsWith(communityPathOf(household.orgPath))
  );
}
