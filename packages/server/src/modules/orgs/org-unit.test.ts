import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countAuditRows,
  createOrgTree,
  createSignedInUser,
  createTestApp,
  createTestUser,
  type OrgTree,
  square,
  type TestApp,
} from '../../../test/factories.js';
import { findOrgUnit } from './org-unit-lookup.service.js';

let t: TestApp;
let tree: OrgTree;
let officerA: string;
let adminA: string;

async function adminCookie(scope: OrgTree[keyof OrgTree]): Promise<string> {
  return (await createSignedInUser(t, { roles: ['system_admin'], org: scope })).cookie;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officerA = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
  adminA = await adminCookie(tree.communityA);
});
afterAll(() => t.close());

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('org tree scope', () => {
  it('shows an officer only their own subtree, and their grids on the map', async () => {
    const tree1 = (await get('/api/v1/org-units/tree', officerA)).json();
    const ids = tree1.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual([tree.communityA.id, tree.gridA.id]);
    expect(tree1.items.map((u: { childCount: number }) => u.childCount)).toEqual([1, 0]);
    expect((await get(`/api/v1/org-units/${tree.communityA.id}`, officerA)).json().childCount).toBe(1);
    const geo = (await get('/api/v1/org-units/geojson', officerA)).json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f: { id: string }) => f.id)).toEqual([tree.gridA.id]);
  });

  it('answers 404 for units of another community, for reads and writes alike, and audits the denial', async () => {
    expect((await get(`/api/v1/org-units/${tree.gridB.id}`, officerA)).statusCode).toBe(404);
    expect((await get(`/api/v1/org-units/${tree.gridA.id}`, officerA)).statusCode).toBe(200);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org-units/${tree.gridB.id}`,
      headers: { cookie: adminA },
      payload: { name: '改名' },
    });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().code).toBe('not_found');
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: adminA },
      payload: { parentId: tree.communityB.id, kind: 'grid', code: 'B-02', name: '乙村第二网格' },
    });
    expect(create.statusCode).toBe(404);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/org-units/${tree.gridB.id}`,
      headers: { cookie: adminA },
    });
    expect(del.statusCode).toBe(404);
    const { rows } = await t.database.pool.query(
      "select 1 from audit_log where result = 'denied' and object_id = $1",
      [tree.gridB.id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });

  it('lets an officer read but not write', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org-units/${tree.gridA.id}`,
      headers: { cookie: officerA },
      payload: { name: '改名' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });
});

describe('org writes', () => {
  it('creates, renames, reshapes and deletes a grid, each write audited', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: adminA },
      payload: {
        parentId: tree.communityA.id,
        kind: 'grid',
        code: 'A-02',
        name: '甲村第二网格',
        boundary: square(120.21, 29.61),
      },
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ kind: 'grid', parentId: tree.communityA.id, stationId: tree.station.id });

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org-units/${unit.id}`,
      headers: { cookie: adminA },
      payload: { name: '甲村二组网格', boundary: square(120.215, 29.615) },
    });
    expect(renamed.json().name).toBe('甲村二组网格');
    expect(renamed.json().boundary.coordinates[0][0]).toEqual([120.215, 29.615]);

    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: adminA },
      payload: { parentId: tree.communityA.id, kind: 'grid', code: 'A-02', name: '重复' },
    });
    expect(duplicate.statusCode).toBe(409);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/org-units/${unit.id}`,
      headers: { cookie: adminA },
    });
    expect(removed.statusCode).toBe(204);
    const { rows } = await t.database.pool.query<{ action: string }>(
      "select action from audit_log where object_id = $1 and result = 'ok' order by seq",
      [unit.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['org.create', 'org.update', 'org.delete']);
  });

  it('answers a PATCH that changes nothing with the unit as it is, writing no audit row', async () => {
    const patch = (payload: unknown) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/org-units/${tree.gridA.id}`,
        headers: { cookie: adminA },
        payload: payload as object,
      });
    const before = await countAuditRows(t);
    const current = (await get(`/api/v1/org-units/${tree.gridA.id}`, adminA)).json();
    for (const payload of [{}, { name: current.name }, { name: current.name, boundary: current.boundary }]) {
      const response = await patch(payload);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(current);
    }
    expect(await countAuditRows(t)).toBe(before);
    // Something that does change is still written and audited.
    expect((await patch({ name: '甲村一号网格' })).json().name).toBe('甲村一号网格');
    expect(await countAuditRows(t)).toBe(before + 1);
    await patch({ name: current.name });
  });

  it('refuses to delete a unit that still has grids or people', async () => {
    const admin = await adminCookie(tree.station);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/org-units/${tree.communityA.id}`,
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('org_unit_not_empty');
  });

  it('refuses to delete a unit without children that people still belong to, and deletes an empty one', async () => {
    const admin = await adminCookie(tree.station);
    const create = async (code: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/org-units',
          headers: { cookie: admin },
          payload: { parentId: tree.communityB.id, kind: 'grid', code, name: `乙村${code}网格` },
        })
      ).json().id as string;
    const remove = (id: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/org-units/${id}`, headers: { cookie: admin } });
    const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
    const staffed = await create(`S${suffix}`);
    const unit = await findOrgUnit(t.system.db, staffed);
    if (!unit) throw new Error('the new grid was not created');
    await createTestUser(t.system, { roles: ['grid_worker'], org: unit });
    const refused = await remove(staffed);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('org_unit_not_empty');
    expect((await remove(await create(`E${suffix}`))).statusCode).toBe(204);
  });

  it('enforces the tree shape: only grids under a community', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie: adminA },
      payload: { parentId: tree.communityA.id, kind: 'station', code: 'X-1', name: '错误' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain('网格');
  });

  it('rejects open rings, self-intersections and out-of-range coordinates field by field', async () => {
    const bad = [
      {
        coordinates: [
          [
            [120.2, 29.6],
            [120.21, 29.6],
            [120.21, 29.61],
            [120.2, 29.61],
          ],
        ],
        expect: '闭合',
      },
      {
        coordinates: [
          [
            [120.2, 29.6],
            [120.21, 29.61],
            [120.21, 29.6],
            [120.2, 29.61],
            [120.2, 29.6],
          ],
        ],
        expect: '自相交',
      },
      {
        coordinates: [
          [
            [200, 29.6],
            [201, 29.6],
            [201, 30],
            [200, 29.6],
          ],
        ],
        expect: '经度',
      },
    ];
    for (const item of bad) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/org-units/${tree.gridA.id}`,
        headers: { cookie: adminA },
        payload: { boundary: { type: 'Polygon', coordinates: item.coordinates } },
      });
      expect(response.statusCode).toBe(422);
      const body = response.json();
      expect(body.code).toBe('invalid_boundary');
      expect(body.errors[0].field).toMatch(/^boundary\.coordinates/);
      expect(body.errors.map((e: { message: string }) => e.message).join()).toContain(item.expect);
      if (item.expect === '自相交') {
        // The problem says where, so the editor can mark the crossing on the map.
        const [crossing] = body.errors;
        expect(crossing.location.segments).toEqual([0, 2]);
        expect(crossing.location.coordinate[0]).toBeCloseTo(120.205, 9);
        expect(crossing.location.coordinate[1]).toBeCloseTo(29.605, 9);
      } else {
        expect(body.errors[0].location).toBeUndefined();
      }
    }
  });
});
