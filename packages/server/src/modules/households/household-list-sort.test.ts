import { HOUSEHOLD_SORTS, type HouseholdSummary } from '@fengqiao/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  generateIdCard,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';

let t: TestApp;
let tree: OrgTree;
let officerA: string;
let chief: string;
let seq = 500;

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (cookie: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

async function household(cookie: string, room: string, point: [number, number], heads: string[]) {
  const created = await post(cookie, '/api/v1/households', {
    address: { community: point[0] < 120.25 ? '甲村' : '乙村', street: '新村路', room },
    lng: point[0],
    lat: point[1],
  });
  expect(created.statusCode).toBe(201);
  const id = created.json().household.id as string;
  for (const [i, name] of heads.entries()) {
    const added = await post(cookie, `/api/v1/households/${id}/residents`, {
      name,
      idCard: generateIdCard('330681', '1970-01-01', seq++),
      relation: i === 0 ? '户主' : '子女',
      residenceType: '户籍',
    });
    expect(added.statusCode).toBe(201);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officerA = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
  const officerB = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB }))
    .cookie;
  chief = (await createSignedInUser(t, { roles: ['station_chief'], org: tree.station })).cookie;
  // Ties on purpose: equal sizes, equal heads' names, one grid for most, no head for some.
  const inA: [number, number] = [120.205, 29.605];
  await household(officerA, '1号', inA, ['张三', '李四']);
  await household(officerA, '2号', inA, ['张三']);
  await household(officerA, '3号', inA, []);
  await household(officerA, '4号', inA, ['王五', '赵六']);
  await household(officerA, '5号', inA, []);
  await household(officerA, '6号', [120.25, 29.65], ['钱七']);
  await household(officerB, '7号', [120.305, 29.605], ['孙八']);
  await household(officerB, '8号', [120.305, 29.605], []);
});
afterAll(() => t.close());

async function pageThrough(cookie: string, query: string, limit: number) {
  const seen: HouseholdSummary[] = [];
  let cursor: string | null = null;
  do {
    const url = `/api/v1/households?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await get(cookie, url);
    expect(response.statusCode).toBe(200);
    const page = response.json();
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

const keyOf: Record<(typeof HOUSEHOLD_SORTS)[number], (h: HouseholdSummary) => string | number> = {
  updatedAt: (h) => Date.parse(h.updatedAt),
  residentCount: (h) => h.residentCount,
  gridName: (h) => h.gridName ?? '',
  headName: (h) => h.headName ?? '',
};

describe('the household list: totals and sorting', () => {
  it('gives the exact total in the caller’s scope, whatever the page', async () => {
    const chiefs = (await get(chief, '/api/v1/households?limit=2')).json();
    expect(chiefs).toMatchObject({ total: 8, totalExact: true });
    expect(chiefs.items).toHaveLength(2);
    expect((await get(officerA, '/api/v1/households?limit=2')).json()).toMatchObject({
      total: 6,
      totalExact: true,
    });
    const filtered = (await get(chief, '/api/v1/households?outsideGrid=true')).json();
    expect(filtered).toMatchObject({ total: 1, totalExact: true });
  });

  for (const sort of HOUSEHOLD_SORTS) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through the list by ${sort} ${order} without gaps or repeats, ties included`, async () => {
        const whole = await pageThrough(chief, `sort=${sort}&order=${order}`, 200);
        expect(whole).toHaveLength(8);
        const sign = order === 'asc' ? 1 : -1;
        for (let i = 1; i < whole.length; i++) {
          const [a, b] = [whole[i - 1] as HouseholdSummary, whole[i] as HouseholdSummary];
          const [ka, kb] = [keyOf[sort](a), keyOf[sort](b)];
          if (ka === kb) expect(sign * (a.id < b.id ? -1 : 1)).toBe(-1);
          else if (typeof ka === 'number') expect(sign * ((ka as number) - (kb as number))).toBeLessThan(0);
        }
        const paged = await pageThrough(chief, `sort=${sort}&order=${order}`, 3);
        expect(paged.map((h) => h.id)).toEqual(whole.map((h) => h.id));
      });
    }
  }

  it('orders sizes as numbers, largest first when asked', async () => {
    const sizes = (await pageThrough(chief, 'sort=residentCount&order=desc', 200)).map(
      (h) => h.residentCount,
    );
    expect(sizes).toEqual([2, 2, 1, 1, 1, 0, 0, 0]);
  });

  it('refuses a cursor made under another sort', async () => {
    const first = (await get(chief, '/api/v1/households?limit=2&sort=gridName&order=asc')).json();
    const other = await get(
      chief,
      `/api/v1/households?limit=2&sort=headName&order=asc&cursor=${first.nextCursor}`,
    );
    expect(other.statusCode).toBe(400);
    expect(other.json().code).toBe('invalid_cursor');
  });
});
