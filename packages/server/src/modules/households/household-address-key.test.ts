import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  generateIdCard,
  importHouseholdFile,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';
import { addressKeyIndexOf } from '../residents/index.js';
import { backfillAddressKeyIndexes } from './address-key-backfill.js';

let t: TestApp;
let tree: OrgTree;
let officerA: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officerA = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: officerA }, payload: payload as object });

/** A door in grid A (the factory's 0.01° square at 120.2, 29.6). */
const createAt = (address: Record<string, string>) =>
  call('POST', '/api/v1/households', { address, lng: 120.205, lat: 29.605 });

const householdCount = async () =>
  Number((await t.database.pool.query('select count(*) from households')).rows[0].count);

describe('one household per door, however its address is typed', () => {
  it('refuses by hand a second household at the same door typed another way, as an exact duplicate', async () => {
    const first = await createAt({
      community: '甲村',
      street: '西路',
      building: '3幢',
      unit: '1单元',
      room: '301室',
    });
    expect(first.statusCode).toBe(201);
    const exact = await createAt({
      community: '甲村',
      street: '西路',
      building: '3幢',
      unit: '1单元',
      room: '301室',
    });
    const spelled = await createAt({
      community: '甲村',
      street: '西路',
      building: '3号楼',
      unit: '1 单元',
      room: '301',
    });
    for (const refused of [exact, spelled]) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('household_exists');
    }
    // Moving another household to that door is refused the same way; re-typing its own address is not.
    const other = (
      await createAt({ community: '甲村', street: '西路', building: '4幢', room: '101' })
    ).json();
    const move = await call('PATCH', `/api/v1/households/${other.household.id}`, {
      address: { community: '甲村', street: '西路', building: '3号楼', unit: '1单元', room: '301' },
    });
    expect(move.statusCode).toBe(409);
    expect(move.json().code).toBe('household_exists');
    const retype = await call('PATCH', `/api/v1/households/${other.household.id}`, {
      address: { community: '甲村', street: '西路', building: '4号楼', room: '101室' },
    });
    expect(retype.statusCode).toBe(200);
  });

  it('imports a row at "3号楼 1单元 301" into the household filed at "3幢1单元301室"', async () => {
    const filed = await createAt({
      community: '甲村',
      street: '南路',
      building: '3幢',
      unit: '1单元',
      room: '301室',
    });
    expect(filed.statusCode).toBe(201);
    const before = await householdCount();
    const file = [
      '村/社区,街路巷/门牌地址,楼栋,单元,门牌号/房号,经度,纬度,姓名,身份证号,联系电话,与户主关系,户籍类型,标签',
      `甲村,南路,3号楼,1单元,301,120.205,29.605,陈三,${generateIdCard('330681', '1970-03-03', 71)},,户主,户籍,`,
    ].join('\r\n');
    const job = await importHouseholdFile(t, officerA, file, 'mode=commit');
    expect(job.status).toBe('succeeded');
    expect(job.report.written).toMatchObject({
      householdsCreated: 0,
      householdsMatched: 1,
      residentsCreated: 1,
    });
    expect(await householdCount()).toBe(before);
    const people = await call('GET', `/api/v1/households/${filed.json().household.id}`);
    expect(people.json().residents.map((r: { name: string }) => r.name)).toEqual(['陈三']);
  });

  it('backfills the key index of rows filed before it, and does nothing the second time', async () => {
    const filed = await createAt({ community: '甲村', street: '北路', building: '7栋', room: '202号' });
    const id = filed.json().household.id;
    await t.database.pool.query('update households set address_key_index = null where id = $1', [id]);

    expect(await backfillAddressKeyIndexes(t.system.db, t.system.keys)).toBe(1);
    const { rows } = await t.database.pool.query('select address_key_index from households where id = $1', [
      id,
    ]);
    expect(rows[0].address_key_index).toBe(
      addressKeyIndexOf(t.system.keys, { community: '甲村', street: '北路', building: '7号楼', room: '202' }),
    );
    expect(await backfillAddressKeyIndexes(t.system.db, t.system.keys)).toBe(0);
    expect(
      Number(
        (await t.database.pool.query('select count(*) from households where address_key_index is null'))
          .rows[0].count,
      ),
    ).toBe(0);
  });
});
