import type { OrgUnit } from '@fengqiao/shared';
import { describe, expect, it } from 'vitest';
import { buildOrgIndex } from '../../lib/org-tree';
import { countScope, shownScopeLevels } from './scope-counts';

const unit = (id: string, kind: OrgUnit['kind'], parentId: string | null): OrgUnit =>
  ({ id, kind, parentId, code: id, name: `名${id}` }) as OrgUnit;

const station = [
  unit('s', 'station', 'bureau-outside'),
  unit('c1', 'community', 's'),
  unit('c2', 'community', 's'),
  unit('g1', 'grid', 'c1'),
  unit('g2', 'grid', 'c1'),
  unit('g3', 'grid', 'c2'),
];

describe('the home page count cards', () => {
  it('shows stations, communities and grids for a station or bureau account', () => {
    expect(shownScopeLevels(station)).toEqual(['stations', 'communities', 'grids']);
    expect(shownScopeLevels([unit('b', 'bureau', null), ...station])).toEqual([
      'stations',
      'communities',
      'grids',
    ]);
  });

  it('shows no station card to a village officer, and only grids to a grid worker', () => {
    const village = station.filter((u) => ['c1', 'g1', 'g2'].includes(u.id));
    expect(shownScopeLevels(village)).toEqual(['communities', 'grids']);
    expect(shownScopeLevels([unit('g1', 'grid', 'c1')])).toEqual(['grids']);
  });

  it('takes the highest root when the scope lists several', () => {
    const grids = [unit('g1', 'grid', 'c1'), unit('g4', 'grid', 'c9')];
    expect(shownScopeLevels(grids)).toEqual(['grids']);
    expect(shownScopeLevels([...grids, unit('c9', 'community', 's')])).toEqual(['communities', 'grids']);
  });

  it('shows every level while the scope is still loading', () => {
    expect(shownScopeLevels([])).toEqual(['stations', 'communities', 'grids']);
  });

  it('counts the units of the selected subtree', () => {
    const index = buildOrgIndex(station);
    expect(countScope(index, station, null)).toEqual({ stations: 1, communities: 2, grids: 3 });
    expect(countScope(index, station, 'c1')).toEqual({ stations: 0, communities: 1, grids: 2 });
  });
});
