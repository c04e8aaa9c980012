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
let officerA: string;
let workerA: string;
let officerB: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officerA = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
  workerA = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
  officerB = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB })).cookie;
  for (const [key, street, room] of [
    ['fengxi12', '枫溪路', '12号'],
    ['fengxi2', '枫溪路', '2号'],
    ['xincun12', '新村路', '12号'],
  ] as const) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officerA },
      payload: { address: { community: tree.communityA.name, street, room }, lng: 120.205, lat: 29.605 },
    });
    expect(response.statusCode).toBe(201);
    ids[key] = response.json().household.id;
  }
});
afterAll(() => t.close());

async function findByAddress(cookie: string, address: string): Promise<string[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/households?address=${encodeURIComponent(address)}`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  return response.json().items.map((h: { id: string }) => h.id);
}

describe('finding households by address', () => {
  it('finds every household on a street from part of its name', async () => {
    expect((await findByAddress(officerA, '枫溪')).sort()).toEqual([ids.fengxi12, ids.fengxi2].sort());
  });

  it('keeps the pieces of village and street in the database, for the index, and never the door', async () => {
    const { rows } = await t.database.pool.query<{ place_grams: string[] }>(
      'select place_grams from households where id = $1',
      [ids.fengxi12],
    );
    const grams = rows[0]?.place_grams ?? [];
    expect(grams).toEqual(expect.arrayContaining(['枫', '溪', '枫溪', '溪路']));
    expect(grams.some((g) => /\d|号/.test(g))).toBe(false);
  });

  it("finds one door by its full address, typed with or without the village, but never by a number's part", async () => {
    expect(await findByAddress(officerA, `${tree.communityA.name}枫溪路12号`)).toEqual([ids.fengxi12]);
    expect(await findByAddress(workerA, '枫溪路 12号')).toEqual([ids.fengxi12]);
    // The door number is sealed: "2号" does not match "12号" and a bare number matches nothing.
    expect(await findByAddress(officerA, '枫溪路2号')).toEqual([ids.fengxi2]);
    expect(await findByAddress(officerA, '12号')).toEqual([]);
  });

  it("finds nothing of another officer's area, and audits the search without the door number", async () => {
    expect(await findByAddress(officerB, `${tree.communityA.name}枫溪路12号`)).toEqual([]);
    expect(await findByAddress(officerB, '枫溪')).toEqual([]);
    const audit = await t.system.db.execute<{ detail: { address: string; found: number } }>(
      sql`select detail from audit_log where action = 'household.search' order by seq desc limit 1`,
    );
    expect(audit.rows[0]?.detail).toEqual({ address: '枫溪', found: 0 });
    const withDoor = await t.system.db.execute<{ detail: { address: string } }>(
      sql`select detail from audit_log where action = 'household.search' and detail->>'address' like '%*%' limit 1`,
    );
    expect(withDoor.rows[0]?.detail.address).toMatch(/枫溪路\*号$/);
  });

  it('lists the households at one spot of the map by id, only those of the caller area', async () => {
    const list = async (cookie: string, ids: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/households?ids=${ids}`, headers: { cookie } });
    const both = await list(officerA, `${ids.fengxi12},${ids.xincun12}`);
    expect(
      both
        .json()
        .items.map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual([ids.fengxi12, ids.xincun12].sort());
    expect((await list(officerB, `${ids.fengxi12},${ids.xincun12}`)).json().items).toEqual([]);
    expect((await list(officerA, 'not-an-id')).statusCode).toBe(400);
  });
});
