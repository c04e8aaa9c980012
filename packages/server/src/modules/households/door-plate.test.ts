import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';

let t: TestApp;
let tree: OrgTree;
let officerA: { id: string; cookie: string };
let workerA: string;
let officerB: string;
let commandRoom: string;
let sysadmin: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officerA = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
  workerA = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
  officerB = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB })).cookie;
  commandRoom = (await createSignedInUser(t, { roles: ['command_room'], org: tree.station })).cookie;
  sysadmin = (await createSignedInUser(t, { roles: ['system_admin'], org: tree.station })).cookie;
});
afterAll(() => t.close());

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, payload: payload as object });

async function createHouseholdInA(room: string) {
  const response = await call(officerA.cookie, 'POST', '/api/v1/households', {
    address: { community: '甲村', street: '新村路', room },
    lng: 120.205,
    lat: 29.605,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('door plates', () => {
  it("lets the system admin publish an officer's work phone, and refuses a malformed one", async () => {
    const bad = await call(sysadmin, 'PATCH', `/api/v1/users/${officerA.id}`, { workPhone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toContain('workPhone');
    const ok = await call(sysadmin, 'PATCH', `/api/v1/users/${officerA.id}`, { workPhone: '13805750001' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().workPhone).toBe('13805750001');
    const landline = await call(sysadmin, 'PATCH', `/api/v1/users/${officerA.id}`, {
      workPhone: '0575-87012345',
    });
    expect(landline.json().workPhone).toBe('0575-87012345');
    await call(sysadmin, 'PATCH', `/api/v1/users/${officerA.id}`, { workPhone: '13805750001' });
  });

  it('prints the full address, grid, officer, phone and QR code of every household in order, audited', async () => {
    const ten = await createHouseholdInA('10号');
    const two = await createHouseholdInA('2号');
    const response = await call(
      officerA.cookie,
      'GET',
      `/api/v1/households/door-plates?orgUnitId=${tree.communityA.id}`,
    );
    expect(response.statusCode).toBe(200);
    const sheet = response.json();
    expect(sheet).toMatchObject({ batch: 1, batches: 1, total: sheet.items.length });
    const ids = sheet.items.map((p: { householdId: string }) => p.householdId);
    expect(ids.indexOf(two.household.id)).toBeLessThan(ids.indexOf(ten.household.id));
    expect(
      sheet.items.find((p: { householdId: string }) => p.householdId === ten.household.id),
    ).toMatchObject({
      address: '甲村新村路10号',
      community: '甲村',
      gridName: '甲村第一网格',
      officerName: '测试用户',
      officerPhone: '13805750001',
    });
    expect(sheet.items[0].qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const audit = await t.system.db.execute<{ detail: { count: number }; object_id: string }>(sql`
      select detail, object_id from audit_log where action = 'household.door_plates' order by seq desc limit 1`);
    expect(audit.rows[0]).toMatchObject({
      object_id: tree.communityA.id,
      detail: { count: sheet.items.length, batch: 1, total: sheet.items.length },
    });
    const beyond = await call(
      officerA.cookie,
      'GET',
      `/api/v1/households/door-plates?orgUnitId=${tree.communityA.id}&batch=2`,
    );
    expect(beyond.json()).toMatchObject({ items: [], batch: 2, batches: 1 });
  });

  it('gives one plate for one household, and the same contact to the public page', async () => {
    const file = await createHouseholdInA('3号');
    const one = await call(workerA, 'GET', `/api/v1/households/door-plates?householdId=${file.household.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().items).toHaveLength(1);
    expect(one.json().items[0].address).toBe('甲村新村路3号');
    const open = await t.app.inject({ method: 'GET', url: `/api/v1/public/households/${file.qrCode}` });
    expect(open.json()).toMatchObject({ officerName: '测试用户', officerPhone: '13805750001' });
    expect(JSON.stringify(open.json())).not.toContain('3号');
  });

  it("answers 404 for another area's unit or household, and 403 to a role that may not print", async () => {
    const file = await createHouseholdInA('4号');
    expect(
      (await call(officerB, 'GET', `/api/v1/households/door-plates?orgUnitId=${tree.communityA.id}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await call(officerB, 'GET', `/api/v1/households/door-plates?householdId=${file.household.id}`))
        .statusCode,
    ).toBe(404);
    const own = (await call(officerB, 'GET', '/api/v1/households/door-plates')).json();
    expect(own.items).toEqual([]);
    const refused = await call(commandRoom, 'GET', '/api/v1/households/door-plates');
    expect(refused.statusCode).toBe(403);
  });
});
