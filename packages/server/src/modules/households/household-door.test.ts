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
let officerA: string;
let workerA: string;
let workerB: string;
let chief: string;
let householdId: string;

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officerA = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
  workerA = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
  workerB = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridB })).cookie;
  chief = (await createSignedInUser(t, { roles: ['station_chief'], org: tree.station })).cookie;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: { cookie: officerA },
    payload: {
      address: { community: '甲村', street: '桥头', building: '3幢', unit: '2单元', room: '101室' },
      lng: 120.205,
      lat: 29.605,
    },
  });
  expect(created.statusCode).toBe(201);
  householdId = created.json().household.id;
});
afterAll(() => t.close());

describe("the door in one's own grids", () => {
  it("shows the grid's own officer and grid worker the door, in the list and the file", async () => {
    for (const cookie of [officerA, workerA]) {
      const list = await get(cookie, '/api/v1/households');
      expect(list.json().items).toEqual([
        expect.objectContaining({
          id: householdId,
          addressMasked: '甲村桥头****',
          address: '甲村桥头3幢2单元101室',
        }),
      ]);
      const file = await get(cookie, `/api/v1/households/${householdId}`);
      expect(file.json().household.address).toBe('甲村桥头3幢2单元101室');
    }
  });

  it('keeps the door masked for the station chief', async () => {
    const list = await get(chief, '/api/v1/households');
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: householdId, addressMasked: '甲村桥头****', address: null }),
    ]);
    const file = await get(chief, `/api/v1/households/${householdId}`);
    expect(file.json().household).toMatchObject({ addressMasked: '甲村桥头****', address: null });
  });

  it('does not show the household at all to the worker of another grid', async () => {
    expect((await get(workerB, '/api/v1/households')).json().items).toEqual([]);
    expect((await get(workerB, `/api/v1/households/${householdId}`)).statusCode).toBe(404);
  });
});
