import { describe, expect, it } from 'vitest';
import {
  type GeoJsonPolygon,
  pointInPolygon,
  polygonBBox,
  polygonCentroid,
  validateGridPolygon,
} from '../geo/polygon-validation.js';
import { buildDemoStation, DEFAULT_DEMO_SEED, type DemoOrgNode, flattenDemoOrg } from './demo-station.js';

const ROLE_CODES = [
  'station_chief',
  'command_room',
  'community_officer',
  'auxiliary',
  'grid_worker',
  'mediator',
  'volunteer',
  'department_staff',
  'system_admin',
  'security_admin',
  'audit_admin',
];

/** Approximate area in km², good enough at this scale; a fixed reference latitude keeps sums comparable. */
function areaKm2(polygon: GeoJsonPolygon): number {
  const ring = (polygon.coordinates[0] ?? []).map(([x, y]) => [x - 120.285, y - 29.665] as const);
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i] as readonly [number, number];
    const [x1, y1] = ring[i + 1] as readonly [number, number];
    sum += x0 * y1 - x1 * y0;
  }
  return (Math.abs(sum) / 2) * 110.95 * 110.95 * Math.cos((29.665 * Math.PI) / 180);
}

const demo = buildDemoStation();
const nodes = flattenDemoOrg(demo.root);
const ofKind = (kind: DemoOrgNode['kind']) => nodes.filter((n) => n.kind === kind);
const communities = ofKind('community');
const grids = ofKind('grid');

describe('buildDemoStation: organisation', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    expect(buildDemoStation()).toEqual(demo);
    expect(buildDemoStation(DEFAULT_DEMO_SEED)).toEqual(demo);
    expect(buildDemoStation(7)).toEqual(buildDemoStation(7));
    expect(buildDemoStation(7)).not.toEqual(demo);
    expect(demo.seed).toBe(20261127);
  });

  it('has bureau → station → 16 communities → 35 grids', () => {
    expect(demo.root).toMatchObject({ name: '诸暨市公安局', kind: 'bureau' });
    expect(ofKind('station')).toHaveLength(1);
    expect(ofKind('station')[0]?.name).toBe('枫桥派出所');
    expect(communities).toHaveLength(16);
    expect(grids).toHaveLength(35);
    for (const c of communities) expect(c.children?.length).toBeGreaterThanOrEqual(2);
    for (const c of communities) expect(c.children?.length).toBeLessThanOrEqual(3);
  });

  it('names 15 villages and one 社区, with grids named after them', () => {
    expect(communities.filter((c) => c.name.endsWith('村'))).toHaveLength(15);
    expect(communities.filter((c) => c.name.endsWith('社区')).map((c) => c.name)).toEqual(['枫桥社区']);
    expect(communities[0]?.name).toBe('枫源村');
    expect(grids[0]?.name).toBe('枫源村第一网格');
    for (const c of communities) {
      for (const g of c.children ?? []) expect(g.name).toMatch(new RegExp(`^${c.name}第[一二三]网格$`));
    }
  });

  it('uses unique codes that fit the org-code pattern and nest under their parent', () => {
    const codes = nodes.map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    for (const c of communities)
      for (const g of c.children ?? []) expect(g.code.startsWith(`${c.code}-`)).toBe(true);
  });
});

describe('buildDemoStation: geography', () => {
  it('gives every station, community and grid a valid polygon', () => {
    for (const node of nodes.filter((n) => n.kind !== 'bureau')) {
      expect(node.boundary, node.name).toBeDefined();
      expect(validateGridPolygon(node.boundary), node.name).toMatchObject({ ok: true });
    }
  });

  it('covers about 60 km² around Fengqiao', () => {
    const station = ofKind('station')[0]?.boundary as GeoJsonPolygon;
    const area = areaKm2(station);
    expect(area).toBeGreaterThan(50);
    expect(area).toBeLessThan(70);
    const [minLng, minLat, maxLng, maxLat] = polygonBBox(station);
    expect(minLng).toBeLessThan(120.285);
    expect(maxLng).toBeGreaterThan(120.285);
    expect(minLat).toBeLessThan(29.665);
    expect(maxLat).toBeGreaterThan(29.665);
    expect(pointInPolygon(120.285, 29.665, station)).toBe(true);
  });

  it('tiles the station with communities and each community with its grids', () => {
    const station = ofKind('station')[0]?.boundary as GeoJsonPolygon;
    const communityTotal = communities.reduce((s, c) => s + areaKm2(c.boundary as GeoJsonPolygon), 0);
    expect(communityTotal).toBeCloseTo(areaKm2(station), 6);
    for (const c of communities) {
      const gridTotal = (c.children ?? []).reduce((s, g) => s + areaKm2(g.boundary as GeoJsonPolygon), 0);
      expect(gridTotal).toBeCloseTo(areaKm2(c.boundary as GeoJsonPolygon), 6);
    }
  });

  it('has no overlapping grids: each centroid lies only in its own grid and community', () => {
    for (const grid of grids) {
      const [lng, lat] = polygonCentroid(grid.boundary as GeoJsonPolygon);
      const containing = grids.filter((g) => pointInPolygon(lng, lat, g.boundary as GeoJsonPolygon));
      expect(containing.map((g) => g.code)).toEqual([grid.code]);
      const owners = communities.filter((c) => pointInPolygon(lng, lat, c.boundary as GeoJsonPolygon));
      expect(owners).toHaveLength(1);
      expect(grid.code.startsWith(`${owners[0]?.code}-`)).toBe(true);
    }
  });

  it('keeps grids a plausible size (roughly 1–3 km² each)', () => {
    for (const grid of grids) {
      const area = areaKm2(grid.boundary as GeoJsonPolygon);
      expect(area).toBeGreaterThan(0.5);
      expect(area).toBeLessThan(4);
    }
  });

  it('does not alias vertex arrays between polygons', () => {
    const fresh = buildDemoStation();
    const [community] = flattenDemoOrg(fresh.root).filter((n) => n.kind === 'community');
    const first = community?.children?.[0]?.boundary?.coordinates[0]?.[0] as [number, number];
    first[0] = 0;
    expect(fresh).not.toEqual(demo);
    const untouched = flattenDemoOrg(fresh.root).filter((n) => n !== community?.children?.[0]);
    for (const node of untouched) {
      for (const [lng] of node.boundary?.coordinates[0] ?? []) expect(lng).not.toBe(0);
    }
  });

  it('stays valid and non-overlapping for other seeds', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const all = flattenDemoOrg(buildDemoStation(seed).root);
      const seedGrids = all.filter((n) => n.kind === 'grid');
      for (const node of all.filter((n) => n.boundary)) {
        expect(validateGridPolygon(node.boundary).ok, `seed ${seed} ${node.name}`).toBe(true);
      }
      for (const grid of seedGrids) {
        const [lng, lat] = polygonCentroid(grid.boundary as GeoJsonPolygon);
        const hits = seedGrids.filter((g) => pointInPolygon(lng, lat, g.boundary as GeoJsonPolygon));
        expect(hits, `seed ${seed} ${grid.name}`).toHaveLength(1);
      }
    }
  });
});

describe('buildDemoStation: staff', () => {
  const byUsername = new Map(demo.staff.map((s) => [s.username, s]));
  const withRole = (role: string) => demo.staff.filter((s) => s.roles.includes(role as never));
  const stationCode = ofKind('station')[0]?.code;

  it('has the expected head-count per role', () => {
    expect(withRole('station_chief')).toHaveLength(1);
    expect(withRole('command_room')).toHaveLength(2);
    expect(withRole('community_officer')).toHaveLength(16);
    expect(withRole('auxiliary')).toHaveLength(35);
    expect(withRole('grid_worker')).toHaveLength(35);
    expect(withRole('mediator')).toHaveLength(3);
    expect(withRole('volunteer')).toHaveLength(5);
    expect(withRole('department_staff')).toHaveLength(2);
    for (const role of ['system_admin', 'security_admin', 'audit_admin'])
      expect(withRole(role)).toHaveLength(1);
    expect(demo.staff).toHaveLength(102);
  });

  it('uses only known role codes, unique ASCII usernames and unique Chinese names', () => {
    for (const s of demo.staff) {
      for (const role of s.roles) expect(ROLE_CODES).toContain(role);
      expect(s.username).toMatch(/^[a-z][a-z0-9]*$/);
      expect(s.displayName).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    }
    expect(new Set(demo.staff.map((s) => s.username)).size).toBe(demo.staff.length);
    expect(new Set(demo.staff.map((s) => s.displayName)).size).toBe(demo.staff.length);
  });

  it('keeps the printed demo logins stable', () => {
    expect(byUsername.get('chief')).toMatchObject({ roles: ['station_chief'], scopeCode: stationCode });
    expect(byUsername.get('command01')).toMatchObject({ roles: ['command_room'], scopeCode: stationCode });
    expect(byUsername.get('officer01')).toMatchObject({
      roles: ['community_officer'],
      scopeCode: communities[0]?.code,
    });
    expect(byUsername.get('gridworker01')).toMatchObject({
      roles: ['grid_worker'],
      scopeCode: grids[0]?.code,
    });
    expect(byUsername.get('sysadmin')).toMatchObject({ roles: ['system_admin'], scopeCode: stationCode });
    expect(byUsername.get('secadmin')).toMatchObject({ roles: ['security_admin'], scopeCode: stationCode });
    expect(byUsername.get('auditor')).toMatchObject({ roles: ['audit_admin'], scopeCode: stationCode });
  });

  it('scopes officers to their community and grid staff to their grid', () => {
    const officerScopes = withRole('community_officer').map((s) => s.scopeCode);
    expect(officerScopes).toEqual(communities.map((c) => c.code));
    expect(withRole('auxiliary').map((s) => s.scopeCode)).toEqual(grids.map((g) => g.code));
    expect(withRole('grid_worker').map((s) => s.scopeCode)).toEqual(grids.map((g) => g.code));
  });

  it('points every scope and org code at a real org unit', () => {
    const codes = new Set(nodes.map((n) => n.code));
    for (const s of demo.staff) {
      expect(codes.has(s.scopeCode), s.username).toBe(true);
      expect(codes.has(s.orgCode), s.username).toBe(true);
    }
  });
});
