import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  createTestUser,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';
import { findOrgUnit } from './org-unit-lookup.service.js';

let t: TestApp;
let tree: OrgTree;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
});
afterAll(() => t.close());

const detail = async (id: string, cookie: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/org-units/${id}`, headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return response.json();
};

describe("a unit's detail", () => {
  it("names the parent of an officer's own village although the parent is outside their scope", async () => {
    const officer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
    const village = await detail(tree.communityA.id, officer.cookie);
    expect(village.parentName).toBe(tree.station.name);
    const station = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org-units/${tree.station.id}`,
      headers: { cookie: officer.cookie },
    });
    expect(station.statusCode).toBe(404);
    expect((await detail(tree.gridA.id, officer.cookie)).parentName).toBe(tree.communityA.name);
  });

  it('says why 删除 would be refused, as the delete itself answers, and nothing when it would succeed', async () => {
    const admin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.communityB });
    expect((await detail(tree.communityB.id, admin.cookie)).undeletableReason).toBe('org_unit_is_scope_root');
    const create = async (code: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/org-units',
          headers: { cookie: admin.cookie },
          payload: { parentId: tree.communityB.id, kind: 'grid', code, name: `乙村${code}网格` },
        })
      ).json().id as string;
    const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
    const empty = await create(`D${suffix}`);
    expect((await detail(empty, admin.cookie)).undeletableReason).toBeNull();
    const staffed = await create(`U${suffix}`);
    const unit = await findOrgUnit(t.system.db, staffed);
    if (!unit) throw new Error('the new grid was not created');
    await createTestUser(t.system, { roles: ['grid_worker'], org: unit });
    expect((await detail(staffed, admin.cookie)).undeletableReason).toBe('org_unit_not_empty');

    const stationAdmin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.station });
    const village = await detail(tree.communityB.id, stationAdmin.cookie);
    expect(village.undeletableReason).toBe('org_unit_not_empty');
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/org-units/${tree.communityB.id}`,
      headers: { cookie: stationAdmin.cookie },
    });
    expect(refused.json().code).toBe(village.undeletableReason);
  });
});
