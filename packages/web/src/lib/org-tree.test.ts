import type { OrgUnit } from '@fengqiao/shared';
import { describe, expect, it } from 'vitest';
import { ancestorIds, buildOrgIndex, subtreeIds, toTreeData } from './org-tree';

const unit = (id: string, kind: OrgUnit['kind'], parentId: string | null, code = id): OrgUnit =>
  ({ id, kind, parentId, code, name: `名${id}` }) as OrgUnit;

// A station with two communities (listed out of order), grids under one, and a grid whose
// community is outside the caller's scope.
const UNITS = [
  unit('g2', 'grid', 'c1', '002'),
  unit('c2', 'community', 's', 'B'),
  unit('g1', 'grid', 'c1', '001'),
  unit('s', 'station', null),
  unit('c1', 'community', 's', 'A'),
  unit('orphan', 'grid', 'elsewhere'),
];

describe('the org tree of the user’s scope', () => {
  it('hangs each unit under its parent, ordered by kind then code; units without a listed parent are roots', () => {
    const index = buildOrgIndex(UNITS);
    expect(index.roots.map((n) => n.unit.id)).toEqual(['s', 'orphan']);
    expect(index.byId.get('s')?.children.map((n) => n.unit.id)).toEqual(['c1', 'c2']);
    expect(index.byId.get('c1')?.children.map((n) => n.unit.id)).toEqual(['g1', 'g2']);
    expect(index.byId.size).toBe(UNITS.length);
  });

  it('collects a unit and everything under it, and the path down to it', () => {
    const index = buildOrgIndex(UNITS);
    expect([...subtreeIds(index, 'c1')].sort()).toEqual(['c1', 'g1', 'g2']);
    expect([...subtreeIds(index, 'g1')]).toEqual(['g1']);
    expect([...subtreeIds(index, 'unknown')]).toEqual([]);
    expect(ancestorIds(index, 'g2')).toEqual(['s', 'c1']);
    expect(ancestorIds(index, 's')).toEqual([]);
    expect(ancestorIds(index, 'orphan')).toEqual([]);
  });

  it('does not loop on a cycle in bad data', () => {
    const index = buildOrgIndex([unit('a', 'grid', 'b'), unit('b', 'grid', 'a')]);
    expect(ancestorIds(index, 'a').length).toBeLessThanOrEqual(2);
    expect(subtreeIds(index, 'a').size).toBeLessThanOrEqual(2);
  });

  it('gives antd’s Tree its keys, titles and leaves', () => {
    const [station] = toTreeData(buildOrgIndex(UNITS).roots);
    expect(station).toMatchObject({ key: 's', value: 's', title: '名s', isLeaf: false });
    expect(station?.children?.[1]).toEqual({
      key: 'c2',
      value: 'c2',
      title: '名c2',
      isLeaf: true,
      children: undefined,
    });
  });
});
