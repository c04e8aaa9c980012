import { describe, expect, it } from 'vitest';
import { homeOutsideGrids, mayPlaceIn, mayReadDoor, placeHousehold } from './household.policy.js';

const grid = { id: 'g1', path: '/s/c1/g1/' };

describe('household policy', () => {
  it('files a household in the grid its point falls in', () => {
    expect(placeHousehold(grid, { placerScope: '/s/' })).toEqual({ gridId: 'g1', orgPath: '/s/c1/g1/' });
    expect(placeHousehold(grid, { leftGridPath: '/s/c2/g9/' })).toEqual({
      gridId: 'g1',
      orgPath: '/s/c1/g1/',
    });
  });

  it("files a household placed outside every grid under the placer's own scope", () => {
    expect(placeHousehold(null, { placerScope: '/s/c1/' })).toEqual({ gridId: null, orgPath: '/s/c1/' });
  });

  it('keeps a household its grid moved away from under that grid’s community', () => {
    expect(homeOutsideGrids({ leftGridPath: '/s/c1/g1/' })).toBe('/s/c1/');
    expect(placeHousehold(null, { leftGridPath: '/s/c1/g1/' })).toEqual({ gridId: null, orgPath: '/s/c1/' });
  });

  it("allows a point only in a grid of the placer's area, or outside every grid", () => {
    expect(mayPlaceIn('/s/c1/', grid)).toBe(true);
    expect(mayPlaceIn('/s/', grid)).toBe(true);
    expect(mayPlaceIn('/s/c2/', grid)).toBe(false);
    expect(mayPlaceIn('/s/c2/', null)).toBe(true);
  });

  describe('the door', () => {
    const inGrid = { gridId: 'g1', orgPath: '/b/s/c1/g1/' };
    const officerOf = (scopePath: string) => ({ roles: ['community_officer' as const], scopePath });

    it("shows the door to the community's officer and the grid's own worker", () => {
      expect(mayReadDoor(officerOf('/b/s/c1/'), inGrid)).toBe(true);
      expect(mayReadDoor({ roles: ['grid_worker'], scopePath: '/b/s/c1/g1/' }, inGrid)).toBe(true);
    });

    it('masks it for wider scopes, even an officer role scoped to the station', () => {
      expect(mayReadDoor({ roles: ['station_chief'], scopePath: '/b/s/' }, inGrid)).toBe(false);
      expect(mayReadDoor(officerOf('/b/s/'), inGrid)).toBe(false);
      expect(mayReadDoor(officerOf('/b/'), inGrid)).toBe(false);
    });

    it('masks it for other roles of the same grid and for other grids', () => {
      expect(mayReadDoor({ roles: ['volunteer'], scopePath: '/b/s/c1/g1/' }, inGrid)).toBe(false);
      expect(mayReadDoor({ roles: ['grid_worker'], scopePath: '/b/s/c1/g2/' }, inGrid)).toBe(false);
      expect(mayReadDoor(officerOf('/b/s/c2/'), inGrid)).toBe(false);
    });

    it('masks a household outside every grid, whoever looks', () => {
      expect(mayReadDoor(officerOf('/b/s/c1/'), { gridId: null, orgPath: '/b/s/c1/' })).toBe(false);
    });
  });
});
