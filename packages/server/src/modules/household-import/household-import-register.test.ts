import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  generateIdCard,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';
import {
  type RegisterPerson,
  registerCsv,
  registerXlsx,
} from '../../../test/fixtures/import/register-files.js';
import { openAddress } from '../residents/index.js';

/**
 * Registers as village committees keep them, through the real API: title rows (one merged across the
 * sheet) above the header, and the whole address in one 住址 column, split against the station's own
 * villages (the factory's station has 甲村 and 乙村).
 */
let t: TestApp;
let tree: OrgTree;
let officer: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officer = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
});
afterAll(() => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The one place the import is called; answers with the HTTP status and the body. */
async function importFile(body: Buffer, query: string, contentType = 'application/octet-stream') {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/household-imports?${query}`,
    headers: { cookie: officer, 'content-type': contentType },
    payload: body,
  });
  if (response.statusCode !== 202) return { status: response.statusCode, body: response.json() };
  // Queued: follow the job as the web does; its report is what the synchronous import answered.
  for (;;) {
    const job = (
      await t.app.inject({
        method: 'GET',
        url: String(response.headers.location),
        headers: { cookie: officer },
      })
    ).json();
    if (job.status === 'succeeded') return { status: 200, body: job.report };
    if (job.status === 'failed') return { status: job.failure.status, body: job.failure };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The addresses on file, as stored (decrypted), for the people named. */
async function addressesOf(names: string[]) {
  const { rows } = await t.database.pool.query(
    `select r.name, h.address_sealed from residents r join households h on h.id = r.household_id
      where r.name = any($1) order by r.name`,
    [names],
  );
  return Object.fromEntries(rows.map((r) => [r.name, openAddress(t.system.keys, r.address_sealed)]));
}

let seq = 100;
const person = (name: string, relation: string, address: string, birth = '1960-01-01'): RegisterPerson => ({
  name,
  sex: '男',
  idCard: generateIdCard('330681', birth, seq++),
  relation,
  address,
});

describe('importing a village register with title rows and one 住址 column', () => {
  it('finds the header under two merged title rows in xlsx, splits 住址, and reports bad cells by their real row', async () => {
    const people = [
      person('骆一', '户主', '测试市测试镇甲村3组12号'),
      person('骆二', '配偶', '甲村三组12号'),
      person('骆三', '户主', '甲村上宅5号'),
      person('骆四', '户主', '丙村1组1号'),
      person('骆五', '户主', '甲村3组'),
    ];
    const footer = '合计：3 户 5 人    制表人：骆某    审核人：宣某';
    const file = await registerXlsx(people, { titles: 2, village: '甲村', footer });

    const dry = await importFile(file, 'mode=dry-run', XLSX);
    expect(dry.status).toBe(200);
    // Titles on rows 1–2, a blank row 3, the header on row 4: people are rows 5–9; the footer (row 10),
    // in the unmapped 序号 column, is skipped like any row whose mapped cells are empty.
    expect(dry.body).toMatchObject({
      headerRow: 4,
      mapping: { address: 5, name: 1, idCard: 3, relation: 4, phone: 6, community: null, room: null },
      rowsRead: 6,
      validRows: 3,
      invalidRows: 2,
      households: 2,
      written: null,
    });
    expect(dry.body.errors).toEqual([
      { row: 8, column: '住址', field: 'address', reason: '无法识别村/社区「丙村」：不是本所的村/社区' },
      {
        row: 9,
        column: '住址',
        field: 'address',
        reason: expect.stringMatching(/^无法识别门牌号「甲村3组」/),
      },
    ]);

    const refused = await importFile(file, 'mode=commit', XLSX);
    expect(refused.body.written).toBeNull();
    const written = await importFile(file, 'mode=commit-valid', XLSX);
    expect(written.body.written).toMatchObject({ householdsCreated: 2, residentsCreated: 3 });
    expect(await addressesOf(['骆一', '骆二', '骆三', '骆四'])).toEqual({
      骆一: { community: '甲村', street: '3组', room: '12号' },
      骆二: { community: '甲村', street: '3组', room: '12号' },
      骆三: { community: '甲村', street: '上宅', room: '5号' },
    });
  });

  for (const { encoding, titles } of [
    { encoding: 'utf8', titles: 1 },
    { encoding: 'gbk', titles: 2 },
  ] as const) {
    it(`commits a ${encoding.toUpperCase()} csv with ${titles} title row(s), flats and houses alike`, async () => {
      const tag = encoding === 'utf8' ? '楼' : '斯';
      const people = [
        person(`${tag}甲`, '户主', `诸暨市枫桥镇甲村和平路8号3幢2单元30${titles}室`),
        person(`${tag}乙`, '子女', `甲村和平路8号三幢二单元30${titles}`, '1990-02-02'),
        person(`${tag}丙`, '户主', `甲村和平路8号3-2-40${titles}`),
      ];
      const file = registerCsv(people, { titles, encoding, village: '甲村', footer: '制表人：楼某' });
      const dry = await importFile(file, 'mode=dry-run', 'text/csv');
      expect(dry.body).toMatchObject({ headerRow: titles + 2, validRows: 3, households: 2, errors: [] });
      const committed = await importFile(file, 'mode=commit', 'text/csv');
      expect(committed.body.written).toMatchObject({ householdsCreated: 2, residentsCreated: 3 });
      const flat = (room: string) => ({
        community: '甲村',
        street: '和平路8号',
        building: '3幢',
        unit: '2单元',
        room,
      });
      expect(await addressesOf(people.map((p) => p.name))).toEqual({
        [`${tag}甲`]: flat(`30${titles}室`),
        // One door however it was written: the second row joined the first one's household.
        [`${tag}乙`]: flat(`30${titles}室`),
        [`${tag}丙`]: flat(`40${titles}室`),
      });
    });
  }

  it('reads the header from the row the user gives, and says which row it took when the columns do not fit', async () => {
    const file = await registerXlsx([person('宣一', '户主', '甲村9组9号')], { titles: 1, village: '甲村' });
    const wrong = await importFile(file, 'mode=dry-run&headerRow=1', XLSX);
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({
      code: 'invalid_mapping',
      headerRow: 1,
      // A merged cell has its text in its first cell only.
      header: [expect.stringContaining('户籍人口登记表')],
    });
    const blank = await importFile(file, 'mode=dry-run&headerRow=2', XLSX);
    expect(blank).toMatchObject({
      status: 422,
      body: { code: 'invalid_file', detail: '第 2 行是空行，不能作为表头，请重新指定表头所在的行' },
    });
    const right = await importFile(file, 'mode=dry-run&headerRow=3', XLSX);
    expect(right.body).toMatchObject({ headerRow: 3, validRows: 1 });
    const outOfRange = await importFile(file, 'mode=dry-run&headerRow=0', XLSX);
    expect(outOfRange.status).toBe(400);
  });

  it('takes the village from a 村/社区 column beside 住址, refusing a row whose cell names another', async () => {
    const csv = [
      '乡镇街道,村/社区,姓名,身份证号,住址',
      `测试镇,甲村,宣二,${generateIdCard('330681', '1970-01-01', 301)},7组7号`,
      `测试镇,甲村,宣三,${generateIdCard('330681', '1970-01-01', 302)},乙村1组1号`,
    ].join('\r\n');
    const dry = await importFile(Buffer.from(csv), 'mode=dry-run', 'text/csv');
    expect(dry.body).toMatchObject({ headerRow: 1, mapping: { community: 1, address: 4 }, validRows: 1 });
    expect(dry.body.errors).toEqual([
      {
        row: 3,
        column: '住址',
        field: 'address',
        reason: '住址中的村/社区「乙村」与村/社区列「甲村」不一致',
      },
    ]);
  });

  it("names the 住址 column when the door it gives is another officer's household", async () => {
    const officerB = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB }))
      .cookie;
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officerB },
      payload: { address: { community: '乙村', street: '1组', room: '1号' }, lng: 120.305, lat: 29.605 },
    });
    expect(filed.statusCode).toBe(201);
    const file = await registerXlsx([person('宣四', '户主', '乙村一组1号')], { titles: 1, village: '乙村' });
    const dry = await importFile(file, 'mode=dry-run', XLSX);
    expect(dry.body.errors).toEqual([
      {
        row: 4,
        column: '住址',
        field: 'address',
        reason: '该地址已在其他辖区登记，不在您的管辖范围内；请联系其所在辖区民警',
      },
    ]);
  });
});
