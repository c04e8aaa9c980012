import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  generateIdCard,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';
import { actorFromUser } from '../auth/index.js';
import { loadGridLocator } from '../households/index.js';
import { findAccount } from '../users/index.js';
import { writeHouseholdBatch } from './household-bulk.service.js';
import {
  enqueueHouseholdImport,
  getHouseholdImport,
  recoverInterruptedImports,
  runHouseholdImportJob,
} from './household-import-job.service.js';

let t: TestApp;
let tree: OrgTree;
let officerA: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officerA = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
});
afterAll(() => t.close());

const HEADER = '村/社区,街路,门牌号,经度,纬度,姓名,身份证号,手机号,与户主关系,户籍类型,标签';
const id = (seq: number, birth = '1965-04-04') => generateIdCard('330681', birth, seq);

function csv(lines: string[]): string {
  return [HEADER, ...lines].join('\r\n');
}

const goodLines = [
  `甲村,东路,1号,120.205,29.605,张一,${id(1)},13800000001,户主,户籍,反诈App已安装`,
  `甲村,东路,1号,120.205,29.605,李一,${id(2, '1967-02-02')},,配偶,户籍,`,
  `甲村,东路,2号,120.206,29.606,王二,${id(3, '1940-01-01')},,户主,户籍,独居老人`,
];

const isFinished = (status: string) => status === 'succeeded' || status === 'failed';

/**
 * Sends a file as the web does and follows its job to the end: POST answers 202 with the job and its
 * Location, then GET is polled until the job is done. Answers the POST's refusal as it came, else the
 * last GET, whose json() is the job's report (or, for a failed job, its failure).
 */
async function uploadAs(
  cookie: string,
  body: Buffer | string,
  query: string,
  contentType = 'text/csv',
  headers: Record<string, string> = {},
) {
  const posted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/household-imports?${query}`,
    headers: { cookie, 'content-type': contentType },
    payload: body,
  });
  if (posted.statusCode !== 202) return posted;
  const queued = posted.json();
  expect(queued).toMatchObject({ status: 'queued', report: null, failure: null });
  expect(posted.headers.location).toBe(`/api/v1/household-imports/${queued.id}`);
  for (;;) {
    const polled = await t.app.inject({
      method: 'GET',
      url: posted.headers.location as string,
      headers: { cookie, ...headers },
    });
    expect(polled.statusCode).toBe(200);
    const raw = polled.headers['content-encoding'] ? null : polled.json();
    const job = raw ?? JSON.parse(gunzipSync(polled.rawPayload).toString('utf8'));
    if (isFinished(job.status)) {
      return {
        statusCode: job.status === 'succeeded' ? polled.statusCode : job.failure.status,
        headers: polled.headers,
        rawPayload: polled.rawPayload,
        job,
        json: () => (job.status === 'succeeded' ? job.report : job.failure),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const upload = (body: Buffer | string, query: string, contentType = 'text/csv', headers = {}) =>
  uploadAs(officerA, body, query, contentType, headers);

const residentCount = async () =>
  Number((await t.database.pool.query('select count(*) from residents')).rows[0].count);

const count = async (sql: string, params: unknown[] = []) =>
  Number((await t.database.pool.query(sql, params)).rows[0].count);

describe('household import', () => {
  it('reads a GBK csv and reports every bad row with its row number, column and a Chinese reason, writing nothing', async () => {
    const bad = csv([
      ...goodLines,
      `甲村,东路,3号,120.2,29.6,赵三,330681199001011235,13800000003,户主,户籍,`,
      `甲村,东路,4号,2.35,48.85,钱四,${id(4)},12345,户主,外星,`,
      `甲村,东路,5号,120.2,29.6,孙五,${id(1)},,户主,户籍,`,
    ]);
    const response = await upload(iconv.encode(bad, 'gbk'), 'mode=dry-run');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ rowsRead: 6, validRows: 2, invalidRows: 4, written: null });
    const byRow = (row: number) => report.errors.filter((e: { row: number }) => e.row === row);
    expect(byRow(5)[0]).toMatchObject({ column: '身份证号', field: 'idCard' });
    expect(
      byRow(6)
        .map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(expect.arrayContaining(['phone', 'residenceType']));
    expect(byRow(7)[0].reason).toContain('重复');
    expect(byRow(2)[0].reason).toContain('重复');
    expect(report.errors.every((e: { reason: string }) => /[\u4e00-\u9fa5]/.test(e.reason))).toBe(true);
    expect(await residentCount()).toBe(0);

    const refused = (await upload(iconv.encode(bad, 'gbk'), 'mode=commit')).json();
    expect(refused.written).toBeNull();
    expect(await residentCount()).toBe(0);
  });

  it('imports valid rows only when asked to', async () => {
    const mixed = csv([
      goodLines[2] as string,
      `甲村,东路,9号,120.2,29.6,周九,330681199001011235,,户主,户籍,`,
    ]);
    const report = (await upload(mixed, 'mode=commit-valid')).json();
    expect(report.written).toMatchObject({ householdsCreated: 1, residentsCreated: 1 });
    expect(await residentCount()).toBe(1);
  });

  it('commits a clean file in its grid; a re-import of the same file writes nothing and logs nothing', async () => {
    const clean = csv(goodLines);
    const first = (await upload(clean, 'mode=commit')).json();
    expect(first.written).toMatchObject({
      householdsCreated: 1,
      householdsMatched: 1,
      residentsCreated: 2,
      // 王二 came in identical with the valid rows of the test before.
      residentsUpdated: 0,
      residentsUnchanged: 1,
    });
    const people = await residentCount();
    const history = await count('select count(*) from household_events');
    const stamps = (await t.database.pool.query('select id, updated_at from residents order by id')).rows;

    const again = (await upload(clean, 'mode=commit')).json();
    expect(again.written).toMatchObject({
      householdsCreated: 0,
      residentsCreated: 0,
      residentsUpdated: 0,
      residentsUnchanged: 3,
    });
    expect(await residentCount()).toBe(people);
    expect(await count('select count(*) from household_events')).toBe(history);
    expect((await t.database.pool.query('select id, updated_at from residents order by id')).rows).toEqual(
      stamps,
    );

    const households = (
      await t.app.inject({ method: 'GET', url: '/api/v1/households', headers: { cookie: officerA } })
    ).json();
    expect(households.items.every((h: { gridId: string }) => h.gridId === tree.gridA.id)).toBe(true);
    const { rows } = await t.database.pool.query(
      "select detail from audit_log where action = 'household.import' order by seq",
    );
    expect(rows.length).toBe(3);
    expect(rows[2].detail).toMatchObject({ residentsUpdated: 0, residentsUnchanged: 3 });
  });

  it('updates only people whose row differs, and writes each change to the history, masked', async () => {
    const changed = csv([
      // 张一: new phone; 李一: as on file; 王二: moves to 3号 and gets a tag.
      `甲村,东路,1号,120.205,29.605,张一,${id(1)},13900000009,户主,户籍,反诈App已安装`,
      goodLines[1] as string,
      `甲村,东路,3号,120.207,29.607,王二,${id(3, '1940-01-01')},,户主,户籍,独居老人、低保`,
    ]);
    const report = (await upload(changed, 'mode=commit')).json();
    expect(report.written).toMatchObject({
      householdsCreated: 1,
      residentsCreated: 0,
      residentsUpdated: 2,
      residentsUnchanged: 1,
    });
    const { rows } = await t.database.pool.query(
      `select e.summary, e.changes, e.resident_id is not null as about_person
         from household_events e where e.kind = 'resident.update' order by e.id`,
    );
    expect(rows).toHaveLength(3);
    const phone = rows.find((r) => r.summary.includes('张一'));
    expect(phone.summary).toBe('导入更新 张一 的信息：手机号');
    expect(phone.changes).toEqual({ phone: { from: '138****0001', to: '139****0009' } });
    const moved = rows.filter((r) => r.summary.includes('王二'));
    expect(moved.map((r) => r.summary).sort()).toEqual(
      ['导入更新 王二 的信息：住址、标签', '导入时 王二 迁出本户'].sort(),
    );
    const into = moved.find((r) => r.summary.startsWith('导入更新'));
    expect(into.changes).toEqual({
      address: { from: '甲村东路****', to: '甲村东路****' },
      tags: { from: ['独居老人'], to: ['独居老人', '低保'] },
    });
    expect(JSON.stringify(rows)).not.toContain(id(3, '1940-01-01'));
  });

  it('never erases what is on file with a blank cell or a missing column', async () => {
    const head = `甲村,南巷,6号,120.205,29.605,钱六,${id(90, '1950-06-06')}`;
    await upload(csv([`${head},13800000090,户主,流动,低保`]), 'mode=commit');
    const stored = async () =>
      (
        await t.database.pool.query(
          "select phone_masked, relation, residence_type, tags from residents where name = '钱六'",
        )
      ).rows[0];
    const before = await stored();
    expect(before).toMatchObject({ phone_masked: '138****0090', relation: '户主', residence_type: '流动' });

    // Blank phone, relation, residence type and tags: the person is as on file.
    const blanks = (await upload(csv([`${head},,,,`]), 'mode=commit')).json();
    expect(blanks.written).toMatchObject({ residentsUpdated: 0, residentsUnchanged: 1 });
    // A file with only the required columns: the same.
    const narrow = ['村/社区,门牌号,姓名,身份证号', `甲村,6号,钱六,${id(90, '1950-06-06')}`].join('\r\n');
    // Without the street this is another address: the person moves, but keeps phone, relation and tags.
    const moved = (await upload(narrow, 'mode=commit')).json();
    expect(moved.written).toMatchObject({ residentsUpdated: 1 });
    expect(await stored()).toEqual(before);
    const { rows } = await t.database.pool.query(
      "select summary from household_events where summary like '导入更新 钱六%'",
    );
    expect(rows.map((r) => r.summary)).toEqual(['导入更新 钱六 的信息：住址']);
  });

  it('keeps tags a grid worker cannot see: their re-import of the same person is unchanged', async () => {
    const gridWorker = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
    const person = `甲村,北路,8号,120.205,29.605,关注,${id(80, '1980-01-01')},,户主,户籍`;
    await upload(csv([`${person},重点关注、低保`]), 'mode=commit');
    const asWorker = await uploadAs(gridWorker, csv([`${person},低保`]), 'mode=commit');
    expect(asWorker.json().written).toMatchObject({ residentsUpdated: 0, residentsUnchanged: 1 });
    const { rows } = await t.database.pool.query("select tags from residents where name = '关注'");
    expect(rows[0].tags.sort()).toEqual(['低保', '重点关注'].sort());
  });

  it('rejects a broken xlsx file', async () => {
    const broken = await upload(
      Buffer.from('PK\u0003\u0004 this is not really a zip'),
      'mode=dry-run&format=xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(broken.statusCode).toBe(422);
    expect(broken.json().code).toBe('invalid_file');
  });

  it('answers a mapping it cannot use with the header, the suggestion and the unmapped required fields', async () => {
    const file = '村/社区,门牌号,姓名,证件\r\n甲村,1号,张三,x';
    const noId = await upload(file, 'mode=dry-run');
    expect(noId.statusCode).toBe(422);
    expect(noId.headers['content-type']).toContain('application/problem+json');
    const problem = noId.json();
    expect(problem).toMatchObject({
      code: 'invalid_mapping',
      status: 422,
      header: ['村/社区', '门牌号', '姓名', '证件'],
      suggestedMapping: { community: 0, room: 1, name: 2, idCard: null, street: null },
      mapping: { community: 0, room: 1, name: 2, idCard: null },
      unmappedRequired: ['idCard'],
      errors: [{ field: 'mapping', message: '请指定"身份证号"对应的列' }],
    });
    expect(problem.detail).toContain('身份证号');

    // The user's own mapping: checked as sent; the suggestion still comes along.
    const clash = await upload(
      file,
      `mode=dry-run&mapping=${encodeURIComponent('{"community":0,"room":1,"name":1,"idCard":9}')}`,
    );
    expect(clash.json()).toMatchObject({
      code: 'invalid_mapping',
      header: ['村/社区', '门牌号', '姓名', '证件'],
      mapping: { community: 0, room: 1, name: 1, idCard: 9 },
      suggestedMapping: { community: 0, room: 1, name: 2 },
      unmappedRequired: [],
    });
    expect(clash.json().errors.map((e: { message: string }) => e.message)).toEqual([
      '"身份证号"对应的列不存在',
      '第 2 列"门牌号"同时对应了"门牌号/房号"和"姓名"，一列只能对应一项',
    ]);

    const malformed = await upload(file, `mode=dry-run&mapping=${encodeURIComponent('{name:')}`);
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json()).toMatchObject({
      code: 'invalid_mapping',
      header: ['村/社区', '门牌号', '姓名', '证件'],
      unmappedRequired: ['community', 'room', 'name', 'idCard'],
    });
    expect(malformed.json().errors[0].message).toContain('JSON 对象');

    const fixed = await upload(
      file,
      `mode=dry-run&mapping=${encodeURIComponent('{"community":0,"room":1,"name":2,"idCard":3}')}`,
    );
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().errors[0]).toMatchObject({ row: 2, column: '证件', field: 'idCard' });
  });

  it('answers a mapping value that is not a column number with a 422 naming the key, never a 500', async () => {
    const file = '村/社区,门牌号,姓名,证件\r\n甲村,1号,张三,x';
    for (const value of ['7', 'true', '{}', '"1"', '-1', '1.5', '[1]', '1e400']) {
      const response = await upload(
        file,
        `mode=dry-run&mapping=${encodeURIComponent(`{"community":0,"room":${value},"name":2,"idCard":3}`)}`,
      );
      expect(response.statusCode, value).toBe(422);
      const problem = response.json();
      expect(problem).toMatchObject({
        code: 'invalid_mapping',
        header: ['村/社区', '门牌号', '姓名', '证件'],
      });
      expect(problem.errors.map((e: { message: string }) => e.message).join(' '), value).toContain('门牌号');
      expect(JSON.stringify(problem)).not.toMatch(/FST_ERR|serializ/i);
      // The mapping handed back fits its schema: whole column numbers or null.
      for (const column of Object.values(problem.mapping))
        expect(column === null || Number.isInteger(column)).toBe(true);
    }
  });

  it('counts every household of the file outside the grids, new or on file, the same in the dry run and the commit', async () => {
    // On file without a point (outside), and on file inside the grid.
    const outsideOnFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officerA },
      payload: { address: { community: '甲村', street: '南路', room: '1号' } },
    });
    expect(outsideOnFile.json().household.outsideGrid).toBe(true);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officerA },
      payload: { address: { community: '甲村', street: '南路', room: '2号' }, lng: 120.205, lat: 29.605 },
    });
    const file = csv([
      // On file, outside; the file's point does not move it into the grid.
      `甲村,南路,1号,120.205,29.605,南一,${id(71, '1971-01-01')},,户主,户籍,`,
      // On file, in the grid; the file's point outside does not move it out.
      `甲村,南路,2号,120.25,29.65,南二,${id(72, '1972-01-01')},,户主,户籍,`,
      // New: outside every grid, twice the same household; without a point; inside the grid.
      `甲村,南路,3号,120.25,29.65,南三,${id(73, '1973-01-01')},,户主,户籍,`,
      `甲村,南路,3号,120.25,29.65,南三妻,${id(74, '1974-01-01')},,配偶,户籍,`,
      `甲村,南路,4号,,,南四,${id(75, '1975-01-01')},,户主,户籍,`,
      `甲村,南路,5号,120.206,29.606,南五,${id(76, '1976-01-01')},,户主,户籍,`,
    ]);
    const dry = (await upload(file, 'mode=dry-run')).json();
    expect(dry).toMatchObject({ households: 5, outsideGrid: 3, written: null });
    const done = (await upload(file, 'mode=commit')).json();
    expect(done.outsideGrid).toBe(3);
    expect(done.written).toMatchObject({ householdsCreated: 3, householdsMatched: 2, outsideGrid: 3 });
    const { rows } = await t.database.pool.query(
      "select count(*)::int as n from households where street = '南路' and grid_id is null",
    );
    expect(rows[0].n).toBe(3);
  });

  it('still lists every bad row of a large file, gzip-compressed for clients that accept it', async () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `甲村,西路,${i + 1}号,120.205,29.605,错${'甲乙丙'[i % 3]},330681199001011235,,户主,户籍,`,
    );
    const file = csv(lines);
    const zipped = await upload(file, 'mode=dry-run', 'text/csv', { 'accept-encoding': 'gzip, deflate' });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(30_000);
    const report = JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')).report;
    expect(report.invalidRows).toBe(3000);
    expect(report.errors).toHaveLength(3000);
    expect(new Set(report.errors.map((e: { row: number }) => e.row)).size).toBe(3000);

    const plain = await upload(file, 'mode=dry-run');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().errors).toEqual(report.errors);
  });

  it('never moves a person registered in another officer area; the row is an error instead', async () => {
    const officerB = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB }))
      .cookie;
    const number = id(50, '1955-05-05');
    const inB = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officerB },
      payload: { address: { community: '乙村', street: '西路', room: '1号' }, lng: 120.305, lat: 29.605 },
    });
    const householdB = inB.json().household.id;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${householdB}/residents`,
      headers: { cookie: officerB },
      payload: { name: '乙民', idCard: number, relation: '户主', residenceType: '户籍' },
    });
    const report = (
      await upload(csv([`甲村,东路,50号,120.205,29.605,乙民,${number},,户主,户籍,`]), 'mode=commit-valid')
    ).json();
    expect(report.errors[0]).toMatchObject({ row: 2, field: 'idCard' });
    expect(report.errors[0].reason).toContain('其他辖区');
    expect(report.written).toBeNull();
    const stillInB = await t.database.pool.query(
      'select household_id from residents where id_card_masked like $1',
      [`${number.slice(0, 3)}%${number.slice(-4)}`],
    );
    expect(stillInB.rows.map((r) => r.household_id)).toEqual([householdB]);
  });

  it('refuses a point inside another officer grid, as adding it by hand would', async () => {
    const report = (
      await upload(
        csv([`乙村,北路,1号,120.305,29.605,越界,${id(60, '1980-08-08')},,户主,户籍,`]),
        'mode=dry-run',
      )
    ).json();
    expect(report.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '经度',
        field: 'lng',
        reason: expect.stringContaining('其他网格'),
      }),
    ]);
  });

  it('keeps a household on file where it is whatever point the file gives it: a warning, not an error', async () => {
    const file = async (room: string, point?: [number, number]) => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/households',
        headers: { cookie: officerA },
        payload: {
          address: { community: '甲村', street: '定路', room },
          ...(point ? { lng: point[0], lat: point[1] } : {}),
        },
      });
      const householdId = created.json().household.id as string;
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/households/${householdId}/residents`,
        headers: { cookie: officerA },
        payload: {
          name: `定${room}`,
          idCard: id(110 + Number.parseInt(room, 10), '1960-01-01'),
          relation: '户主',
          residenceType: '户籍',
        },
      });
      return householdId;
    };
    const inGrid = await file('1号', [120.205, 29.605]);
    const withoutPoint = await file('2号');
    const placeOf = async (householdId: string) =>
      (
        await t.database.pool.query('select grid_id, org_path, lng, lat from households where id = $1', [
          householdId,
        ])
      ).rows[0];
    const before = [await placeOf(inGrid), await placeOf(withoutPoint)];

    const lines = [
      // On file in grid A; the file puts it in B's grid.
      `甲村,定路,1号,120.305,29.605,定妻,${id(121, '1962-02-02')},,配偶,户籍,`,
      // On file without a point; the file puts it in B's grid.
      `甲村,定路,2号,120.305,29.605,定子,${id(122, '1990-02-02')},,子女,户籍,`,
      // On file in grid A; the file's point a few metres off: the same place, nothing to say.
      `甲村,定路,1号,120.20501,29.60501,定女,${id(123, '1992-02-02')},,子女,户籍,`,
      // New: its point decides where it is filed, and B's grid is not the importer's.
      `甲村,定路,3号,120.305,29.605,定三,${id(124, '1970-02-02')},,户主,户籍,`,
    ];
    const dry = (await upload(csv(lines), 'mode=dry-run')).json();
    expect(dry).toMatchObject({ validRows: 3, invalidRows: 1, households: 2, outsideGrid: 1 });
    expect(dry.errors).toEqual([
      expect.objectContaining({ row: 5, field: 'lng', reason: expect.stringContaining('其他网格') }),
    ]);
    expect(dry.warnings).toEqual([
      {
        row: 2,
        column: '经度',
        field: 'lng',
        reason: '文件中的坐标与档案不一致（相差约 9668 米），未修改住户位置；如需移动请在住户档案中修改',
      },
      {
        row: 3,
        column: '经度',
        field: 'lng',
        reason: '档案中该户没有坐标，导入不采用文件中的坐标；如需标注位置请在住户档案中修改',
      },
    ]);

    const refused = (await upload(csv(lines), 'mode=commit')).json();
    expect(refused).toMatchObject({ errors: dry.errors, warnings: dry.warnings, written: null });
    const valid = (await upload(csv(lines), 'mode=commit-valid')).json();
    expect(valid).toMatchObject({ errors: dry.errors, warnings: dry.warnings, outsideGrid: 1 });
    expect(valid.written).toMatchObject({ householdsCreated: 0, householdsMatched: 2, residentsCreated: 3 });
    expect([await placeOf(inGrid), await placeOf(withoutPoint)]).toEqual(before);
    expect(before[0]).toMatchObject({ grid_id: tree.gridA.id, lng: 120.205, lat: 29.605 });
    expect(await count("select count(*) from households where street = '定路'")).toBe(2);
  });

  it('warns only about the rows it writes, after every refusal, counting the heads on file', async () => {
    const gridWorker = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
    const asWorker = (file: string, mode: string) =>
      uploadAs(gridWorker, file, `mode=${mode}`).then((r) => r.json());
    // On file in grid A with its head, filed by the officer.
    const head = `甲村,警路,9号,120.205,29.605,警九,${id(139, '1959-09-09')},,户主,户籍`;
    await upload(csv([`${head},`]), 'mode=commit');

    const lines = [
      // New household: its head refused (重点关注), the spouse elsewhere in the grid.
      `甲村,警路,1号,120.205,29.605,警一,${id(131, '1961-01-01')},,户主,户籍,重点关注`,
      `甲村,警路,1号,120.207,29.607,警一妻,${id(132, '1962-01-01')},,配偶,户籍,`,
      // New household: a second head, refused.
      `甲村,警路,2号,120.205,29.605,警二,${id(133, '1963-01-01')},,户主,户籍,`,
      `甲村,警路,2号,120.205,29.605,警二兄,${id(134, '1964-01-01')},,户主,户籍,重点关注`,
      // On file: its head's row refused, so the head on file stays; a new member.
      `${head},重点关注`,
      `甲村,警路,9号,120.205,29.605,警九子,${id(135, '1995-01-01')},,子女,户籍,`,
      // On file: a second head would join the one on file.
      `甲村,警路,9号,120.205,29.605,警九弟,${id(136, '1965-01-01')},,户主,户籍,`,
    ];
    const dry = await asWorker(csv(lines), 'dry-run');
    expect(dry.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '2:tags',
      '5:tags',
      '6:tags',
    ]);
    expect(dry.warnings.map((w: { row: number; reason: string }) => `${w.row}:${w.reason}`)).toEqual([
      '3:该户没有户主',
      '8:档案中该户已有户主',
    ]);
    for (const mode of ['commit', 'commit-valid']) {
      expect(await asWorker(csv(lines), mode)).toMatchObject({ errors: dry.errors, warnings: dry.warnings });
    }
    // The spouse's household takes the spouse's own point, not that of the refused row.
    const { rows } = await t.database.pool.query(
      "select h.lng, h.lat from households h join residents r on r.household_id = h.id where r.name = '警一妻'",
    );
    expect(rows).toEqual([{ lng: 120.207, lat: 29.607 }]);
    const heads = await count(
      "select count(*) from residents where relation = '户主' and household_id = (select household_id from residents where name = '警九')",
    );
    expect(heads).toBe(2);
  });

  it('refuses an address on file in another officer area, the same in the dry run and the commit, revealing nothing of it', async () => {
    const officerB = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB }))
      .cookie;
    // In B's grid, and in B's community outside every grid: the area is the household's path, not its grid.
    const inGrid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officerB },
      payload: { address: { community: '乙村', street: '中路', room: '1号' }, lng: 120.305, lat: 29.605 },
    });
    const outsideGrids = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officerB },
      payload: { address: { community: '乙村', street: '中路', room: '2号' } },
    });
    const foreign = [inGrid.json().household.id, outsideGrids.json().household.id] as string[];
    expect(outsideGrids.json().household.outsideGrid).toBe(true);
    for (const [i, householdId] of foreign.entries()) {
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/households/${householdId}/residents`,
        headers: { cookie: officerB },
        payload: {
          name: `乙住户${i}`,
          idCard: id(91 + i, '1961-01-01'),
          phone: '13700000091',
          relation: '户主',
          residenceType: '户籍',
          tags: ['低保'],
        },
      });
    }
    const snapshot = async () => ({
      households: (
        await t.database.pool.query('select * from households where id = any($1) order by id', [foreign])
      ).rows,
      residents: (
        await t.database.pool.query('select * from residents where household_id = any($1) order by id', [
          foreign,
        ])
      ).rows,
      events: await count('select count(*) from household_events where household_id = any($1)', [foreign]),
    });
    const before = await snapshot();

    // No point in the file, so only the address says where these rows would go.
    const file = csv([
      `乙村,中路,1号,,,混入甲,${id(93, '1983-03-03')},,配偶,户籍,`,
      `乙村,中路,2号,,,混入乙,${id(94, '1984-04-04')},,子女,户籍,`,
      `甲村,中路,3号,120.205,29.605,甲住户,${id(95, '1985-05-05')},,户主,户籍,`,
    ]);
    const dry = (await upload(file, 'mode=dry-run')).json();
    expect(dry).toMatchObject({ rowsRead: 3, validRows: 1, invalidRows: 2, households: 1, outsideGrid: 0 });
    expect(dry.errors).toEqual(
      [2, 3].map((row) => expect.objectContaining({ row, field: 'room', column: '门牌号' })),
    );
    for (const e of dry.errors) expect(e.reason).toContain('其他辖区');
    const shown = JSON.stringify(dry);
    for (const secret of ['乙住户', '****', '1370000', ...foreign]) expect(shown).not.toContain(secret);

    const refused = (await upload(file, 'mode=commit')).json();
    expect(refused.written).toBeNull();
    expect(refused.errors).toEqual(dry.errors);
    const valid = (await upload(file, 'mode=commit-valid')).json();
    expect(valid.errors).toEqual(dry.errors);
    expect(valid.written).toMatchObject({
      householdsCreated: 1,
      householdsMatched: 0,
      residentsCreated: 1,
      outsideGrid: 0,
    });
    expect(await snapshot()).toEqual(before);
    expect(await count("select count(*) from residents where name like '混入%'")).toBe(0);
  });

  it('has the writer itself refuse a household or person outside its area, should either change after the checks', async () => {
    const target = {
      db: t.system.db,
      keys: t.system.keys,
      stationId: tree.station.id,
      fallbackPath: tree.communityA.path,
      scopePath: tree.communityA.path,
      actor: null,
    };
    const locate = await loadGridLocator(t.system.db, tree.station.id, tree.communityA.path);
    const person = (idCard: string) => ({
      name: '迟到',
      idCard,
      phone: null,
      relation: '户主',
      residenceType: '户籍',
      tags: [],
    });
    const people = await residentCount();
    const intoB = writeHouseholdBatch(target, locate, [
      {
        address: { community: '乙村', street: '中路', room: '1号' },
        lng: null,
        lat: null,
        residents: [person(id(97, '1987-07-07'))],
      },
    ]);
    await expect(intoB).rejects.toMatchObject({ status: 409, code: 'import_data_changed' });
    const personOfB = writeHouseholdBatch(target, locate, [
      {
        address: { community: '甲村', street: '中路', room: '9号' },
        lng: null,
        lat: null,
        residents: [person(id(91, '1961-01-01'))],
      },
    ]);
    await expect(personOfB).rejects.toMatchObject({ status: 409, code: 'import_data_changed' });
    expect(await residentCount()).toBe(people);
    expect(await count("select count(*) from households where street = '中路' and community = '甲村'")).toBe(
      1,
    );
  });

  it('holds a grid worker to their grid: an address of their community outside it is not theirs', async () => {
    const gridWorker = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
    // Filed by the community officer outside every grid: in the community, not in grid A.
    const community = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officerA },
      payload: { address: { community: '甲村', street: '荒路', room: '1号' } },
    });
    const householdId = community.json().household.id;
    const file = csv([`甲村,荒路,1号,,,荒一,${id(96, '1986-06-06')},,户主,户籍,`]);
    const asWorker = (mode: string) => uploadAs(gridWorker, file, `mode=${mode}`).then((r) => r.json());
    const dry = await asWorker('dry-run');
    expect(dry.errors).toEqual([expect.objectContaining({ row: 2, field: 'room' })]);
    expect((await asWorker('commit-valid')).errors).toEqual(dry.errors);
    expect(await count('select count(*) from residents where household_id = $1', [householdId])).toBe(0);

    // The officer, whose community it is, may.
    const byOfficer = (await upload(file, 'mode=commit')).json();
    expect(byOfficer.written).toMatchObject({ householdsMatched: 1, residentsCreated: 1 });
  });

  it('refuses 重点关注 from a grid worker in the dry run and the commit alike, on file or not', async () => {
    const gridWorker = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
    const asWorker = (file: string, mode: string) =>
      uploadAs(gridWorker, file, `mode=${mode}`).then((r) => r.json());
    const tagsOf = async (name: string) =>
      (await t.database.pool.query('select tags from residents where name = $1', [name])).rows[0]?.tags;
    const before = await tagsOf('关注');
    expect(before).toContain('重点关注');
    const file = csv([
      // New, and on file (关注 carries it already): refused alike, so the answer tells nothing.
      `甲村,北路,9号,120.205,29.605,新关注,${id(101, '1981-01-01')},,户主,户籍,重点关注`,
      `甲村,北路,8号,120.205,29.605,关注,${id(80, '1980-01-01')},,户主,户籍,重点关注、低保`,
      `甲村,北路,10号,120.205,29.605,新低保,${id(102, '1982-02-02')},,户主,户籍,低保`,
    ]);
    const dry = await asWorker(file, 'dry-run');
    expect(dry).toMatchObject({ validRows: 1, invalidRows: 2, households: 1 });
    expect(dry.errors).toEqual(
      [2, 3].map((row) =>
        expect.objectContaining({
          row,
          field: 'tags',
          column: '标签',
          reason: expect.stringContaining('重点关注'),
        }),
      ),
    );
    const refused = await asWorker(file, 'commit');
    expect(refused).toMatchObject({ errors: dry.errors, written: null });
    const valid = await asWorker(file, 'commit-valid');
    expect(valid.errors).toEqual(dry.errors);
    expect(valid.written).toMatchObject({ residentsCreated: 1, residentsUpdated: 0, residentsUnchanged: 0 });
    expect(await tagsOf('新关注')).toBeUndefined();
    expect(await tagsOf('关注')).toEqual(before);
    expect(await tagsOf('新低保')).toEqual(['低保']);

    // The officer, who holds resident.sensitive, may.
    expect((await upload(file, 'mode=commit')).json().written).toMatchObject({ residentsCreated: 1 });
    expect(await tagsOf('新关注')).toEqual(['重点关注']);
  });

  it('lets a grid worker add a child under 14 by file but not change one on file, as by hand', async () => {
    const gridWorker = (await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA })).cookie;
    const asWorker = (file: string, mode: string) =>
      uploadAs(gridWorker, file, `mode=${mode}`).then((r) => r.json());
    const child = id(103, '2018-06-01');
    const parent = `甲村,幼路,1号,120.205,29.605,幼父,${id(104, '1988-08-08')}`;
    const onFile = `甲村,幼路,1号,120.205,29.605,幼童,${child},,子女,户籍,留守儿童`;
    await upload(csv([`${parent},13800000104,户主,户籍,`, onFile]), 'mode=commit');
    const childRow = async () =>
      (await t.database.pool.query('select * from residents where name = $1', ['幼童'])).rows;
    const before = await childRow();
    expect(before).toHaveLength(1);
    const childId = before[0].id as string;
    const householdId = before[0].household_id as string;
    const eventsOfChild = () =>
      count('select count(*) from household_events where resident_id = $1', [childId]);
    const childEvents = await eventsOfChild();

    const file = csv([
      // The child renamed; a new child; the parent with a new phone.
      `甲村,幼路,1号,120.205,29.605,幼童改,${child},,子女,户籍,留守儿童`,
      `甲村,幼路,1号,120.205,29.605,幼妹,${id(105, '2020-02-02')},,子女,户籍,`,
      `${parent},13900000104,户主,户籍,`,
    ]);
    const refusedChild = expect.objectContaining({
      row: 2,
      field: 'idCard',
      column: '身份证号',
      reason: expect.stringContaining('未满 14 周岁'),
    });
    const dry = await asWorker(file, 'dry-run');
    expect(dry).toMatchObject({ validRows: 2, invalidRows: 1 });
    expect(dry.errors).toEqual([refusedChild]);
    expect(JSON.stringify(dry)).not.toContain(childId);
    // Exactly as on file is refused too: "unchanged" would confirm a guessed name the worker sees masked.
    for (const mode of ['dry-run', 'commit']) {
      expect(await asWorker(csv([onFile]), mode)).toMatchObject({ errors: [refusedChild], written: null });
    }
    const refused = await asWorker(file, 'commit');
    expect(refused).toMatchObject({ errors: dry.errors, written: null });
    const valid = await asWorker(file, 'commit-valid');
    expect(valid.errors).toEqual(dry.errors);
    expect(valid.written).toMatchObject({ householdsMatched: 1, residentsCreated: 1, residentsUpdated: 1 });
    expect(await childRow()).toEqual(before);
    expect(await eventsOfChild()).toBe(childEvents);
    expect(await count("select count(*) from residents where name = '幼妹'")).toBe(1);

    // By hand: the same worker may add a child but not change one.
    const byHand = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/residents/${childId}`,
      headers: { cookie: gridWorker },
      payload: { name: '幼童改' },
    });
    expect(byHand.statusCode).toBe(403);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/households/${householdId}/residents`,
      headers: { cookie: gridWorker },
      payload: { name: '幼弟', idCard: id(106, '2021-03-03'), relation: '子女', residenceType: '户籍' },
    });
    expect(added.statusCode).toBe(201);

    // The writer's own guard, for a child filed between the checks and the write, or a caller that skipped them.
    const target = {
      db: t.system.db,
      keys: t.system.keys,
      stationId: tree.station.id,
      fallbackPath: tree.gridA.path,
      scopePath: tree.gridA.path,
      actor: null,
      viewer: { sensitive: false },
    };
    const locate = await loadGridLocator(t.system.db, tree.station.id, tree.gridA.path);
    const batch = (tags: string[], idCard = child) => [
      {
        address: { community: '甲村', street: '幼路', room: '1号' },
        lng: null,
        lat: null,
        residents: [{ name: '幼童改', idCard, phone: null, relation: '子女', residenceType: '户籍', tags }],
      },
    ];
    await expect(writeHouseholdBatch(target, locate, batch([]))).rejects.toMatchObject({ status: 409 });
    await expect(
      writeHouseholdBatch(target, locate, batch(['重点关注'], id(107, '1987-07-07'))),
    ).rejects.toMatchObject({ status: 403 });
    expect(await childRow()).toEqual(before);

    // The officer, who holds resident.sensitive, may change the child by file.
    const byOfficer = (await upload(file, 'mode=commit')).json();
    expect(byOfficer.errors).toEqual([]);
    expect(byOfficer.written).toMatchObject({ residentsUpdated: 1, residentsUnchanged: 2 });
    const { rows } = await t.database.pool.query('select name from residents where id = $1', [childId]);
    expect(rows[0].name).toBe('幼童改');
  });

  it('is refused to roles without the import permission', async () => {
    const chief = (await createSignedInUser(t, { roles: ['station_chief'], org: tree.station })).cookie;
    const response = await uploadAs(chief, csv(goodLines), 'mode=dry-run');
    expect(response.statusCode).toBe(403);
  });
});

describe('household import jobs', () => {
  const holdingQueue = { enqueue: async () => 'held' };
  const contextOf = async (username: string) => {
    const user = await findAccount(t.system.db, username);
    if (!user) throw new Error(`no user ${username}`);
    return { ...t.system, actor: actorFromUser(user, { sessionId: 'test' }), ip: null };
  };
  const jobRow = async (id: string) =>
    (await t.database.pool.query('select * from import_jobs where id = $1', [id])).rows[0];

  it('answers 404 for the job to an officer of another community, and shows it to one of the same', async () => {
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/household-imports?mode=dry-run',
      headers: { cookie: officerA, 'content-type': 'text/csv' },
      payload: csv(goodLines),
    });
    expect(posted.statusCode).toBe(202);
    const url = posted.headers.location as string;
    const officerB = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB }))
      .cookie;
    const colleague = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA }))
      .cookie;
    const asB = await t.app.inject({ method: 'GET', url, headers: { cookie: officerB } });
    expect(asB.statusCode).toBe(404);
    expect(asB.json().code).toBe('not_found');
    const unknown = url.replace(/[0-9a-f]{12}$/, '000000000000');
    expect(
      (await t.app.inject({ method: 'GET', url: unknown, headers: { cookie: officerA } })).statusCode,
    ).toBe(404);
    const asColleague = await t.app.inject({ method: 'GET', url, headers: { cookie: colleague } });
    expect(asColleague.statusCode).toBe(200);
    expect(asColleague.json().id).toBe(posted.json().id);
  });

  it('keeps the file sealed while queued, reports progress, and drops the file when the job ends', async () => {
    const ctx = await contextOf(
      (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).username,
    );
    const number = id(140, '1970-10-10');
    const file = csv([`甲村,封路,1号,120.205,29.605,封一,${number},13800000140,户主,户籍,`]);
    const queued = await enqueueHouseholdImport(ctx, holdingQueue, {
      input: { bytes: Buffer.from(file) },
      mode: 'commit',
    });
    expect(queued).toMatchObject({ status: 'queued', progress: { phase: 'queued', estimatedRows: 1 } });
    const stored = await jobRow(queued.id);
    expect(Buffer.isBuffer(stored.file_sealed)).toBe(true);
    for (const plain of [number, '13800000140', '封一']) {
      expect(stored.file_sealed.includes(Buffer.from(plain))).toBe(false);
    }
    const phases: string[] = [];
    await runHouseholdImportJob(t.system, queued.id, {
      retriesLeft: false,
      onProgress: (phase) => phases.push(phase),
    });
    expect(phases).toEqual(expect.arrayContaining(['validate', 'check', 'write']));
    const done = await getHouseholdImport(ctx, queued.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      progress: { phase: 'done', rowsChecked: 1, householdsWritten: 1, householdsTotal: 1 },
      report: { written: { householdsCreated: 1, residentsCreated: 1 } },
    });
    const finished = await jobRow(queued.id);
    expect(finished.file_sealed).toBeNull();
    expect(finished.report_sealed.includes(Buffer.from('封路'))).toBe(false);
  });

  it('runs with the importer’s rights when it runs: a disabled or demoted importer’s job fails in Chinese and writes nothing', async () => {
    const importer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
    const ctx = await contextOf(importer.username);
    const file = csv([`甲村,权路,1号,120.205,29.605,权一,${id(141, '1971-11-11')},,户主,户籍,`]);
    const enqueue = () =>
      enqueueHouseholdImport(ctx, holdingQueue, { input: { bytes: Buffer.from(file) }, mode: 'commit' });

    const demoted = await enqueue();
    await t.database.pool.query(`update users set roles = '{station_chief}' where id = $1`, [importer.id]);
    await runHouseholdImportJob(t.system, demoted.id, { retriesLeft: false });
    expect((await jobRow(demoted.id)).problem).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await jobRow(demoted.id)).problem.detail).toMatch(/[\u4e00-\u9fa5]/);

    await t.database.pool.query(`update users set roles = '{community_officer}' where id = $1`, [
      importer.id,
    ]);
    const disabled = await enqueue();
    await t.database.pool.query('update users set disabled = true where id = $1', [importer.id]);
    await runHouseholdImportJob(t.system, disabled.id, { retriesLeft: false });
    const row = await jobRow(disabled.id);
    expect(row).toMatchObject({ status: 'failed', file_sealed: null });
    expect(row.problem).toMatchObject({ status: 403, detail: '导入者的账号已停用，导入未执行' });
    expect(await count("select count(*) from residents where name = '权一'")).toBe(0);
  });

  it('fails a job whose process died and whose queue entry is gone, with the reason, writing nothing', async () => {
    const ctx = await contextOf(
      (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).username,
    );
    const file = csv([`甲村,断路,1号,120.205,29.605,断一,${id(142, '1972-12-12')},,户主,户籍,`]);
    // Queued for real, but marked running as a worker that then died would have left it.
    const job = await enqueueHouseholdImport(
      ctx,
      { enqueue: async () => 'not yet' },
      {
        input: { bytes: Buffer.from(file) },
        mode: 'commit',
      },
    );
    await t.database.pool.query(
      "update import_jobs set status = 'running', phase = 'write', attempts = 1 where id = $1",
      [job.id],
    );
    // Its queue entry is gone (never sent here): nothing will run it again.
    await recoverInterruptedImports(t.system, t.jobs);
    const row = await jobRow(job.id);
    expect(row).toMatchObject({ status: 'failed', phase: 'done', file_sealed: null });
    expect(row.problem).toMatchObject({ code: 'import_interrupted' });
    expect(row.problem.detail).toContain('未写入任何数据');
    expect(await count("select count(*) from residents where name = '断一'")).toBe(0);
  });
});
