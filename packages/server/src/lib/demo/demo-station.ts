import type { Role } from '@fengqiao/shared';
import type { GeoJsonPolygon, Position } from '../geo/polygon-validation.js';
import { createSeededRandom, type SeededRandom } from '../random/seeded-random.js';
import {
  DEMO_TOWN_COMMUNITY,
  DEMO_VILLAGES,
  DEPARTMENT_TITLES,
  GIVEN_NAMES,
  GRID_ORDINALS,
  MEDIATOR_TITLES,
  SURNAMES,
} from './demo-names.js';
import { layoutJurisdiction } from './jurisdiction-layout.js';

export type DemoOrgKind = 'bureau' | 'station' | 'community' | 'grid';

export interface DemoOrgNode {
  code: string;
  name: string;
  kind: DemoOrgKind;
  children?: DemoOrgNode[];
  boundary?: GeoJsonPolygon;
}

export interface DemoStaff {
  username: string;
  displayName: string;
  roles: Role[];
  /** Org code whose subtree the user may act on. */
  scopeCode: string;
  /** Org code the user belongs to. */
  orgCode: string;
  /** Position shown beside the name, e.g. 社区民警 or 驻所律师. */
  title: string;
  /** The number printed on door plates: officers and grid workers only. */
  workPhone?: string;
}

export interface DemoStation {
  seed: number;
  /** All coordinates are WGS-84. */
  centre: Position;
  root: DemoOrgNode;
  staff: DemoStaff[];
}

export const DEFAULT_DEMO_SEED = 20261127;
export const DEMO_CENTRE: Position = [120.285, 29.665];
const BUREAU_CODE = '330681';
const STATION_CODE = `${BUREAU_CODE}-FQ`;
const COLS = 4;
const ROWS = 4;
// Row-major cell that holds the town-centre community; the villages fill the others in order.
const TOWN_CELL = 6;
const TOTAL_GRIDS = 35;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function createNamer(rng: SeededRandom): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

/** Pure and deterministic: the same seed always yields a deep-equal jurisdiction and staff list. */
export function buildDemoStation(seed = DEFAULT_DEMO_SEED): DemoStation {
  const rng = createSeededRandom(seed);
  const communityNames = [...DEMO_VILLAGES, DEMO_TOWN_COMMUNITY];
  const cellCount = COLS * ROWS;
  const threeGridCommunities = new Set(
    rng.shuffle(communityNames.map((_, k) => k)).slice(0, TOTAL_GRIDS - 2 * communityNames.length),
  );
  // cellOfCommunity[k] is the lattice cell of community k.
  const cellOfCommunity = communityNames.map((_, k) =>
    k === communityNames.length - 1 ? TOWN_CELL : k < TOWN_CELL ? k : k + 1,
  );
  const gridsPerCell = Array.from({ length: cellCount }, () => 2);
  cellOfCommunity.forEach((cell, k) => {
    if (threeGridCommunities.has(k)) gridsPerCell[cell] = 3;
  });
  const layout = layoutJurisdiction(rng, {
    centre: DEMO_CENTRE,
    widthKm: 8.2,
    heightKm: 7.3,
    cols: COLS,
    rows: ROWS,
    gridsPerCell,
  });

  const communities: DemoOrgNode[] = communityNames.map((name, k) => {
    const code = `${STATION_CODE}-${pad2(k + 1)}`;
    const cell = layout.cells[cellOfCommunity[k] as number];
    if (!cell) throw new Error(`layout has no cell for ${name}`);
    return {
      code,
      name,
      kind: 'community',
      boundary: cell.boundary,
      children: cell.grids.map((boundary, g) => ({
        code: `${code}-${pad2(g + 1)}`,
        name: `${name}${GRID_ORDINALS[g]}网格`,
        kind: 'grid',
        boundary,
      })),
    };
  });
  const station: DemoOrgNode = {
    code: STATION_CODE,
    name: '枫桥派出所',
    kind: 'station',
    boundary: layout.boundary,
    children: communities,
  };
  const root: DemoOrgNode = { code: BUREAU_CODE, name: '诸暨市公安局', kind: 'bureau', children: [station] };

  return { seed, centre: DEMO_CENTRE, root, staff: buildStaff(rng, communities) };
}

function buildStaff(rng: SeededRandom, communities: DemoOrgNode[]): DemoStaff[] {
  const nextName = createNamer(rng);
  const staff: DemoStaff[] = [];
  const add = (username: string, role: Role, title: string, scopeCode: string, workPhone?: string): void => {
    staff.push({
      username,
      displayName: nextName(),
      roles: [role],
      scopeCode,
      orgCode: scopeCode,
      title,
      workPhone,
    });
  };

  add('chief', 'station_chief', '所长', STATION_CODE);
  for (let n = 1; n <= 2; n++) add(`command${pad2(n)}`, 'command_room', '综合指挥室民警', STATION_CODE);
  // Work phones count up from a fixed base, so the seeded names and places stay as they were.
  const workPhone = (base: number, k: number) => String(base + k + 1);
  communities.forEach((community, k) => {
    add(
      `officer${pad2(k + 1)}`,
      'community_officer',
      '社区民警',
      community.code,
      workPhone(13_805_750_000, k),
    );
  });
  const grids = communities.flatMap((c) => c.children ?? []);
  for (const [k, grid] of grids.entries()) add(`auxiliary${pad2(k + 1)}`, 'auxiliary', '辅警', grid.code);
  for (const [k, grid] of grids.entries())
    add(`gridworker${pad2(k + 1)}`, 'grid_worker', '网格员', grid.code, workPhone(15_905_750_000, k));
  for (const [k, title] of MEDIATOR_TITLES.entries())
    add(`mediator${pad2(k + 1)}`, 'mediator', title, STATION_CODE);
  for (let n = 1; n <= 5; n++) {
    const community = communities[(n - 1) % communities.length] as DemoOrgNode;
    add(`volunteer${pad2(n)}`, 'volunteer', '平安义警', community.code);
  }
  for (const [k, title] of DEPARTMENT_TITLES.entries()) {
    add(`dept${pad2(k + 1)}`, 'department_staff', title, STATION_CODE);
  }
  add('sysadmin', 'system_admin', '系统管理员', STATION_CODE);
  add('secadmin', 'security_admin', '安全管理员', STATION_CODE);
  add('auditor', 'audit_admin', '审计管理员', STATION_CODE);
  return staff;
}

/** Depth-first list of every node, parents before children. */
export function flattenDemoOrg(root: DemoOrgNode): DemoOrgNode[] {
  return [root, ...(root.children ?? []).flatMap(flattenDemoOrg)];
}
