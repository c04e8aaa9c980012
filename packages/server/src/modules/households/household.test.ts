import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { RESIDENT_TAGS } from '@fengqiao/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countAuditRows,
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
let workerA: string;
let officerB: string;
let chief: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officerA = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
  workerA = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
  officerB = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB })).cookie;
  chief = (await createSignedInUser(t, { roles: ['station_chief'], org: tree.station })).cookie;
});
afterAll(() => t.close());

let seq = 100;
const idCard = (birth = '1960-05-01') => generateIdCard('330681', birth, seq++);

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, payload: payload as object });

/** A household inside grid A (the factory's grid A is the 0.01° square at 120.2, 29.6). */
async function createHouseholdInA(room: string, cookie = officerA) {
  const response = await call(cookie, 'POST', '/api/v1/households', {
    address: { community: '甲村', street: '新村路', room },
    lng: 120.205,
    lat: 29.605,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function addPerson(householdId: string, body: Record<string, unknown>, cookie = officerA) {
  return call(cookie, 'POST', `/api/v1/households/${householdId}/residents`, {
    relation: '户主',
    residenceType: '户籍',
    ...body,
  });
}

describe('households on the grid', () => {
  it('places a household in the grid its point falls in, and flags one outside every grid', async () => {
    const inGrid = await createHouseholdInA('1号');
    expect(inGrid.household).toMatchObject({
      gridId: tree.gridA.id,
      outsideGrid: false,
      addressMasked: '甲村新村路****',
    });
    expect(inGrid.history[0]).toMatchObject({ kind: 'household.create' });

    const outside = await call(officerA, 'POST', '/api/v1/households', {
      address: { community: '甲村', street: '山脚', room: '99号' },
      lng: 120.25,
      lat: 29.65,
    });
    expect(outside.statusCode).toBe(201);
    expect(outside.json().household).toMatchObject({ gridId: null, outsideGrid: true });
    const flagged = await call(officerA, 'GET', '/api/v1/households?outsideGrid=true');
    expect(flagged.json().items.map((h: { id: string }) => h.id)).toEqual([outside.json().household.id]);
  });

  it('converts GCJ-02 from phones to WGS-84 and refuses points outside China or in another officer area', async () => {
    const gcj = await call(officerA, 'POST', '/api/v1/households', {
      address: { community: '甲村', street: '新村路', room: '2号' },
      lng: 120.2095,
      lat: 29.6023,
      coordSystem: 'gcj02',
    });
    expect(gcj.statusCode).toBe(201);
    expect(gcj.json().household.lng).not.toBe(120.2095);
    const abroad = await call(officerA, 'POST', '/api/v1/households', {
      address: { community: '甲村', street: '新村路', room: '3号' },
      lng: 2.35,
      lat: 48.85,
    });
    expect(abroad.json().code).toBe('outside_china');
    const inB = await call(officerA, 'POST', '/api/v1/households', {
      address: { community: '乙村', street: '东路', room: '3号' },
      lng: 120.305,
      lat: 29.605,
    });
    expect(inB.statusCode).toBe(422);
    expect(inB.json().code).toBe('outside_scope');
  });

  it('answers 404 to another community officer for the household, its residents and its QR code', async () => {
    const file = await createHouseholdInA('5号');
    const person = (await addPerson(file.household.id, { name: '王建国', idCard: idCard() })).json();
    expect((await call(officerB, 'GET', `/api/v1/households/${file.household.id}`)).statusCode).toBe(404);
    expect((await call(officerB, 'PATCH', `/api/v1/residents/${person.id}`, { name: '改' })).statusCode).toBe(
      404,
    );
    expect((await call(officerB, 'POST', `/api/v1/residents/${person.id}/unmask`)).statusCode).toBe(404);
    expect((await call(officerB, 'GET', `/api/v1/households/by-qr/${file.qrCode}`)).statusCode).toBe(404);
    expect((await call(officerA, 'GET', `/api/v1/households/by-qr/${file.qrCode}`)).json()).toEqual({
      householdId: file.household.id,
    });
    const search = await call(officerB, 'GET', '/api/v1/residents?q=王建国');
    expect(search.json().items).toEqual([]);
  });
  it('answers a PATCH that changes nothing with the file as it is, writing no history row and no audit row', async () => {
    const file = await createHouseholdInA('15号');
    const url = `/api/v1/households/${file.household.id}`;
    const person = (
      await addPerson(file.household.id, { name: '周五', idCard: idCard('1970-07-07') })
    ).json();
    const current = (await call(officerA, 'GET', url)).json();
    const before = await countAuditRows(t);
    for (const payload of [
      {},
      { address: { community: '甲村', street: '新村路', room: '15号' } },
      {
        address: { community: '甲村', street: '新村路', building: '', room: '15号' },
        lng: 120.205,
        lat: 29.605,
      },
    ]) {
      const response = await call(officerA, 'PATCH', url, payload);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(current);
    }
    const resident = await call(officerA, 'PATCH', `/api/v1/residents/${person.id}`, {
      name: '周五',
      relation: '户主',
      residenceType: '户籍',
    });
    expect(resident.statusCode).toBe(200);
    expect(await countAuditRows(t)).toBe(before);

    const moved = await call(officerA, 'PATCH', url, { lng: 120.206, lat: 29.606 });
    expect(moved.json().history[0]).toMatchObject({ kind: 'household.update', summary: '修改位置' });
    expect(moved.json().history).toHaveLength(current.history.length + 1);
  });

  it('answers one of four identical households sent at once with 201 and the others with 409, in Chinese', async () => {
    const body = { address: { community: '甲村', street: '并发路', room: '1号' }, lng: 120.205, lat: 29.605 };
    const responses = await Promise.all(
      [1, 2, 3, 4].map(() => call(officerA, 'POST', '/api/v1/households', body)),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const conflict of responses.filter((r) => r.statusCode === 409)) {
      expect(conflict.headers['content-type']).toContain('application/problem+json');
      expect(conflict.json()).toMatchObject({ status: 409, code: 'household_exists' });
      expect(conflict.json().detail).toMatch(/已登记/);
    }
  });
});

describe('residents and personal data', () => {
  it('validates the ID checksum and derives birth date and sex', async () => {
    const file = await createHouseholdInA('6号');
    const bad = await addPerson(file.household.id, { name: '李四', idCard: '330681199001011235' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('invalid_id_card');
    expect(bad.json().errors[0].field).toBe('idCard');
    const good = await addPerson(file.household.id, {
      name: '李四',
      idCard: idCard('1990-01-01'),
      phone: '138 1234 5678',
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ name: '李四', phoneMasked: '138****5678', restricted: false });
    expect(good.json().idCardMasked).toMatch(/^330\*{11}\d{3}[\dX]$/);
    const duplicate = await addPerson(file.household.id, { name: '李四', idCard: good.json().idCardMasked });
    expect(duplicate.statusCode).toBe(422);
  });

  it('refuses the same ID number twice in a station', async () => {
    const a = await createHouseholdInA('7号');
    const b = await createHouseholdInA('8号');
    const number = idCard('1975-03-03');
    expect((await addPerson(a.household.id, { name: '赵一', idCard: number })).statusCode).toBe(201);
    const again = await addPerson(b.household.id, { name: '赵一', idCard: number });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('resident_exists');
  });

  it('keeps no plaintext ID number, phone or door address in the database', async () => {
    const file = await createHouseholdInA('88号');
    const number = idCard('1982-08-08');
    await addPerson(file.household.id, { name: '钱二', idCard: number, phone: '13912345678' });
    const dump = await t.database.pool.query(
      'select row_to_json(r)::text as j from residents r union all select row_to_json(h)::text from households h union all select row_to_json(a)::text from audit_log a union all select row_to_json(e)::text from household_events e',
    );
    const text = dump.rows.map((r) => r.j).join('\n');
    expect(text).not.toContain(number);
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('新村路88号');
  });

  it('finds people by exact ID number or phone through the blind index, and by part of a name', async () => {
    const file = await createHouseholdInA('10号');
    const number = idCard('1958-12-12');
    await addPerson(file.household.id, { name: '欧阳明月', idCard: number, phone: '13600001111' });
    const byId = (await call(officerA, 'GET', `/api/v1/residents?q=${number}`)).json();
    expect(byId.items.map((r: { name: string }) => r.name)).toEqual(['欧阳明月']);
    const byPhone = (await call(officerA, 'GET', '/api/v1/residents?q=136-0000-1111')).json();
    expect(byPhone.items.map((r: { name: string }) => r.name)).toEqual(['欧阳明月']);
    for (const part of ['明月', '欧阳', '阳明月', '月']) {
      const byName = (await call(officerA, 'GET', `/api/v1/residents?q=${encodeURIComponent(part)}`)).json();
      expect(byName.items.map((r: { name: string }) => r.name)).toContain('欧阳明月');
    }
    const none = (await call(officerA, 'GET', `/api/v1/residents?q=${encodeURIComponent('明阳')}`)).json();
    expect(none.items.map((r: { name: string }) => r.name)).not.toContain('欧阳明月');
    const { rows } = await t.database.pool.query(
      "select detail from audit_log where action = 'resident.search' order by seq desc limit 3",
    );
    expect(JSON.stringify(rows)).not.toContain(number);
  });

  it('unmasks one record for the officer, audited, and never for a grid worker', async () => {
    const file = await createHouseholdInA('11号');
    const number = idCard('1970-07-07');
    const person = (
      await addPerson(file.household.id, { name: '孙三', idCard: number, phone: '13700002222' })
    ).json();
    const denied = await call(workerA, 'POST', `/api/v1/residents/${person.id}/unmask`);
    expect(denied.statusCode).toBe(403);
    const full = await call(officerA, 'POST', `/api/v1/residents/${person.id}/unmask`);
    expect(full.json()).toMatchObject({ idCard: number, phone: '13700002222', address: '甲村新村路11号' });
    const { rows } = await t.database.pool.query(
      "select result from audit_log where action = 'resident.unmask' and object_id = $1 order by seq",
      [person.id],
    );
    expect(rows.map((r) => r.result)).toEqual(['denied', 'ok']);
  });

  it('shows children under 14 and 重点关注 only to the officer and the chief', async () => {
    const file = await createHouseholdInA('12号');
    const parent = await addPerson(file.household.id, {
      name: '周大',
      idCard: idCard('1985-01-01'),
      tags: ['重点关注'],
    });
    expect(parent.statusCode).toBe(201);
    await addPerson(file.household.id, { name: '周小宝', idCard: idCard('2020-06-01'), relation: '子女' });
    const asWorker = (await call(workerA, 'GET', `/api/v1/households/${file.household.id}`)).json();
    const child = asWorker.residents.find((r: { relation: string }) => r.relation === '子女');
    expect(child).toMatchObject({ name: '周**', restricted: true, phoneMasked: null });
    expect(asWorker.residents.find((r: { relation: string }) => r.relation === '户主').tags).toEqual([]);
    expect((await call(workerA, 'GET', '/api/v1/residents?tag=重点关注')).statusCode).toBe(403);
    const workerTagging = await addPerson(
      file.household.id,
      { name: '周二', idCard: idCard('1987-01-01'), relation: '兄弟姐妹', tags: ['重点关注'] },
      workerA,
    );
    expect(workerTagging.statusCode).toBe(403);

    const asChief = (await call(chief, 'GET', `/api/v1/households/${file.household.id}`)).json();
    expect(asChief.residents.map((r: { name: string }) => r.name)).toContain('周小宝');
    expect(asChief.residents.find((r: { relation: string }) => r.relation === '户主').tags).toEqual([
      '重点关注',
    ]);

    // A worker's edit of the tags keeps the tag they cannot see.
    await call(workerA, 'PATCH', `/api/v1/residents/${parent.json().id}`, { tags: ['低保'] });
    const after = (await call(chief, 'GET', `/api/v1/residents/${parent.json().id}`)).json();
    expect(after.tags.sort()).toEqual(['低保', '重点关注'].sort());
  });

  it('masks a child head of household in lists for those who may not see children', async () => {
    const file = await createHouseholdInA('14号');
    await addPerson(file.household.id, { name: '冯小明', idCard: idCard('2016-02-02') });
    const list = (await call(workerA, 'GET', '/api/v1/households?limit=200')).json();
    expect(list.items.find((h: { id: string }) => h.id === file.household.id).headName).toBe('冯**');
    const asOfficer = (await call(officerA, 'GET', `/api/v1/households/${file.household.id}`)).json();
    expect(asOfficer.household.headName).toBe('冯小明');
  });

  it('writes every change to the household file history, masked', async () => {
    const file = await createHouseholdInA('13号');
    const person = (
      await addPerson(file.household.id, { name: '吴四', idCard: idCard('1966-06-06') })
    ).json();
    const edit = await call(workerA, 'PATCH', `/api/v1/residents/${person.id}`, {
      phone: '13511112222',
      relation: '父母',
    });
    expect(edit.statusCode).toBe(200);
    const history = (await call(officerA, 'GET', `/api/v1/households/${file.household.id}`)).json().history;
    expect(history[0]).toMatchObject({
      kind: 'resident.update',
      changes: { phone: { from: null, to: '135****2222' } },
    });
    expect(history[0].summary).toContain('手机号');
    expect(history[0].actorName).toBe('测试用户');
    expect(history.map((e: { kind: string }) => e.kind)).toEqual([
      'resident.update',
      'resident.create',
      'household.create',
    ]);
  });
});

describe('export', () => {
  it('writes an xlsx masked as on screen, for roles with the export permission, and audits it', async () => {
    const file = await createHouseholdInA('40号');
    const number = idCard('1971-01-01');
    await addPerson(file.household.id, { name: '陈六', idCard: number, phone: '13633334444' });
    const response = await call(officerA, 'GET', '/api/v1/residents/export?q=陈六');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet?.getRow(2).getCell(1).value).toBe('陈六');
    const text = JSON.stringify(sheet?.getSheetValues());
    expect(text).not.toContain(number);
    expect(text).not.toContain('13633334444');
    expect(text).toContain('136****4444');
    expect((await call(workerA, 'GET', '/api/v1/residents/export')).statusCode).toBe(403);
    const { rows } = await t.database.pool.query(
      "select detail from audit_log where action = 'resident.export'",
    );
    expect(rows[0].detail).toMatchObject({ q: '陈六' });
  });
});

describe('QR door plates and the map', () => {
  it('shows the public no personal data, only who looks after the grid', async () => {
    const file = await createHouseholdInA('20号');
    await addPerson(file.household.id, { name: '郑五', idCard: idCard('1950-01-01'), phone: '13822223333' });
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/households/${file.qrCode}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      community: '甲村',
      gridName: '甲村第一网格',
      officerName: '测试用户',
      stationName: '测试派出所',
    });
    expect(JSON.stringify(body)).not.toMatch(/郑五|138|20号/);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/public/households/AAAAAAAAAAAAAAAAAAAAAA' }))
        .statusCode,
    ).toBe(404);
    const svg = await call(officerA, 'GET', `/api/v1/households/${file.household.id}/qr.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
  });

  it('gives the map points and the grid statistics of the caller scope', async () => {
    const points = (await call(officerA, 'GET', '/api/v1/households/map-points')).json();
    expect(points.points.length).toBeGreaterThan(5);
    expect(points.truncated).toBe(false);
    expect((await call(officerB, 'GET', '/api/v1/households/map-points')).json().points).toEqual([]);
    const stats = (await call(officerA, 'GET', `/api/v1/households/stats?orgUnitId=${tree.gridA.id}`)).json();
    expect(stats.households).toBeGreaterThan(5);
    expect(stats.residents).toBeGreaterThan(5);
    expect(stats.tagged.重点关注).toBe(1);
    const workerStats = (
      await call(workerA, 'GET', `/api/v1/households/stats?orgUnitId=${tree.gridA.id}`)
    ).json();
    expect(workerStats.tagged.重点关注).toBeUndefined();
    expect(
      (await call(officerB, 'GET', `/api/v1/households/stats?orgUnitId=${tree.gridA.id}`)).statusCode,
    ).toBe(404);
  });

  it('sends each point as [id, lng, lat, tag bits], coordinates to 5 decimals, sensitive tags only to whom may see them', async () => {
    const created = await call(officerA, 'POST', '/api/v1/households', {
      address: { community: '甲村', street: '新村路', room: '41号' },
      lng: 120.2051234,
      lat: 29.6054321,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().household.id;
    await addPerson(id, { name: '钱大', idCard: idCard('1940-03-03'), tags: ['独居老人', '重点关注'] });
    await addPerson(id, { name: '钱小', idCard: idCard('1972-03-03'), relation: '子女', tags: ['独居老人'] });

    const body = (await call(officerA, 'GET', '/api/v1/households/map-points')).json();
    expect(body.tags).toEqual([...RESIDENT_TAGS]);
    const bit = (tag: string) => 1 << body.tags.indexOf(tag);
    expect(body.points.find((p: unknown[]) => p[0] === id)).toEqual([
      id,
      120.20512,
      29.60543,
      bit('独居老人') | bit('重点关注'),
    ]);
    const ids = body.points.map((p: unknown[]) => p[0]);
    expect(ids).toEqual([...ids].sort());

    const asWorker = (await call(workerA, 'GET', '/api/v1/households/map-points')).json();
    expect(asWorker.points.find((p: unknown[]) => p[0] === id)[3]).toBe(bit('独居老人'));
    const inGrid = await call(officerA, 'GET', `/api/v1/households/map-points?orgUnitId=${tree.gridA.id}`);
    expect(inGrid.json().points.map((p: unknown[]) => p[0])).toContain(id);
    expect(
      (await call(officerB, 'GET', `/api/v1/households/map-points?orgUnitId=${tree.gridA.id}`)).statusCode,
    ).toBe(404);
  });

  it('compresses answers over 1 KB when the client asks, and leaves small ones and xlsx files alone', async () => {
    const gzip = { cookie: officerA, 'accept-encoding': 'gzip' };
    const url = '/api/v1/households/map-points';
    const plain = await call(officerA, 'GET', url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const zipped = await t.app.inject({ method: 'GET', url, headers: gzip });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    const brotli = await t.app.inject({
      method: 'GET',
      url,
      headers: { ...gzip, 'accept-encoding': 'br, gzip' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString('utf8'))).toEqual(plain.json());

    const small = await t.app.inject({ method: 'GET', url: '/api/v1/households/stats', headers: gzip });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().households).toBeGreaterThan(0);

    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/residents/export?q=钱大', headers: gzip });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe('钱大');
  });

  it('re-assigns households when a grid boundary moves', async () => {
    const admin = (await createSignedInUser(t, { roles: ['system_admin'], org: tree.station })).cookie;
    const file = await createHouseholdInA('30号');
    const move = await call(admin, 'PATCH', `/api/v1/org-units/${tree.gridA.id}`, {
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [120.2, 29.6],
            [120.203, 29.6],
            [120.203, 29.603],
            [120.2, 29.603],
            [120.2, 29.6],
          ],
        ],
      },
    });
    expect(move.statusCode).toBe(200);
    const after = (await call(officerA, 'GET', `/api/v1/households/${file.household.id}`)).json();
    expect(after.household).toMatchObject({ gridId: null, outsideGrid: true });
  });
});
