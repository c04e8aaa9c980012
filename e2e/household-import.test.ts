import { readFile } from 'node:fs/promises';
import { computeIdCardCheckChar, generateIdCard } from '@fengqiao/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerXlsx } from '../packages/server/test/fixtures/import/register-files.js';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

/** The CI machine is slow: every wait for the server's answer gets this long. */
const SERVER_WAIT = 30_000;

const HEADER = '村/社区,街路,门牌号,经度,纬度,姓名,身份证号,手机号,与户主关系,户籍类型,标签';

/** An 18-digit number whose checksum is right and whose birth date (31 February) is impossible. */
function impossibleDateId(): string {
  const first17 = '33068119900231017';
  return first17 + computeIdCardCheckChar(first17);
}

/** A well-formed number with its last character changed, so only the checksum is wrong. */
function badChecksumId(): string {
  const good = generateIdCard('330681', '1961-06-06', 914);
  return good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
}

/**
 * The household register's import journey (issue "household register", item 7 and "Bad input"): the
 * community officer uploads a CSV with good and bad rows, reads every bad row with its row number and
 * a Chinese reason, sees that the dry run wrote nothing, downloads the error list, imports the valid
 * rows only, and finds the imported people in the household list.
 */
describe.skipIf(skipBrowserTests)('household import in the browser', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let point: { lng: number; lat: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    // A point inside one of officer01's grids: where one of their demo households stands.
    const { rows } = await database.pool.query<{ lng: number; lat: number }>(
      `select h.lng, h.lat from households h
         join users u on u.username = 'officer01' and h.org_path like u.scope_path || '%'
        where h.grid_id is not null and h.lng is not null
        order by h.id limit 1`,
    );
    if (!rows[0]) throw new Error('the demo seed has no located household for officer01');
    point = rows[0];
    context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('officer01');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('grid-map').waitFor({ timeout: SERVER_WAIT });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  async function chooseFile(name: string, lines: string[] | Buffer) {
    await page.goto(`${server.url}/households/import`);
    const xlsx = Buffer.isBuffer(lines);
    await page
      .getByTestId('import-file')
      .locator('input[type=file]')
      .setInputFiles({
        name,
        mimeType: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
        buffer: xlsx ? lines : Buffer.from(`${lines.join('\r\n')}\r\n`),
      });
    await page.getByTestId('import-file-next').click();
  }

  const residentsNamed = async (prefix: string) =>
    Number(
      (await database.pool.query('select count(*) from residents where name like $1', [`${prefix}%`])).rows[0]
        .count,
    );

  /** 查人 on the households page `on` shows: the names the server found. */
  async function searchPeople(on: Page, name: string): Promise<string[]> {
    const search = on.getByTestId('person-search').locator('input');
    await search.waitFor({ timeout: SERVER_WAIT });
    await search.fill(name);
    const answered = on.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/residents' && r.request().method() === 'GET',
      { timeout: SERVER_WAIT },
    );
    await search.press('Enter');
    expect((await answered).status()).toBe(200);
    // Once the server has answered, the table shows its rows (or its empty text) instead of loading.
    const results = on.getByTestId('person-results');
    await expect
      .poll(async () => results.locator('.ant-spin-spinning').count(), { timeout: SERVER_WAIT })
      .toBe(0);
    return on.getByTestId('person-row').locator('td:first-child').allInnerTexts();
  }

  it('reports every bad row, writes nothing, then imports the valid rows only', async () => {
    const { lng, lat } = point;
    const duplicate = generateIdCard('330681', '1970-07-07', 915);
    await chooseFile('住户.csv', [
      HEADER,
      `枫源村,试导路,1号,${lng},${lat},端木甲,${generateIdCard('330681', '1960-01-01', 911)},13800001111,户主,户籍,`,
      `枫源村,试导路,1号,${lng},${lat},端木乙,${generateIdCard('330681', '1962-02-02', 912)},,配偶,户籍,`,
      `枫源村,试导路,2号,${lng},${lat},端木丙,${generateIdCard('330681', '1940-03-03', 913)},,户主,户籍,独居老人`,
      `枫源村,试导路,3号,${lng},${lat},端木丁,${badChecksumId()},,户主,户籍,`,
      `枫源村,试导路,4号,${lng},${lat},端木戊,${impossibleDateId()},,户主,户籍,`,
      `枫源村,试导路,5号,${lng},${lat},端木己,${duplicate},,户主,户籍,`,
      `枫源村,试导路,6号,${lng},${lat},端木庚,${duplicate},,户主,户籍,`,
      `枫源村,试导路,7号,2.35,48.85,端木辛,${generateIdCard('330681', '1975-05-05', 916)},,户主,户籍,`,
    ]);

    // The server's dry run confirms the columns it recognised and what it found.
    const checkedNote = page.getByTestId('import-mapping-checked');
    await checkedNote.waitFor({ timeout: SERVER_WAIT });
    expect(await checkedNote.textContent()).toContain('共 8 行，有效 3 行，5 行有错误');
    await page.getByTestId('import-mapping-next').click();

    const errors = page.getByTestId('import-errors-table');
    await errors.waitFor({ timeout: SERVER_WAIT });
    expect(await page.getByTestId('import-invalid-rows').textContent()).toContain('5');
    const listed = await Promise.all(
      (await errors.locator('tbody tr.ant-table-row').all()).map((row) => row.locator('td').allInnerTexts()),
    );
    expect(listed).toEqual([
      ['5', '身份证号', '身份证号码校验位错误'],
      ['6', '身份证号', '身份证号码中的出生日期无效'],
      ['7', '身份证号', '与第 8 行身份证号重复'],
      ['8', '身份证号', '与第 7 行身份证号重复'],
      ['9', '经度', '坐标（经度 2.35，纬度 48.85）不在中国境内'],
    ]);

    // Nothing was written: 全部导入 is refused while rows are bad, the list does not know these people.
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await residentsNamed('端木')).toBe(0);
    const list = await context.newPage();
    await list.goto(`${server.url}/households`);
    expect(await searchPeople(list, '端木')).toEqual([]);
    await list.close();

    // 下载错误清单: every error as a CSV Excel opens in Chinese (UTF-8 with a byte-order mark).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-errors-download').click(),
    ]);
    const csv = await readFile(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvLines = csv.subarray(3).toString('utf8').trim().split('\r\n');
    expect(csvLines[0]).toBe('行号,列,类型,原因');
    expect(csvLines.slice(1).map((l) => l.split(',')[0])).toEqual(['5', '6', '7', '8', '9']);
    expect(csvLines[1]).toBe('5,身份证号,错误,身份证号码校验位错误');

    await page.getByTestId('import-commit-valid').click();
    await page.getByTestId('import-commit-valid-confirm').click();
    const result = page.getByTestId('import-result');
    await result.waitFor({ timeout: SERVER_WAIT });
    expect(await page.getByTestId('import-written-householdsCreated').textContent()).toContain('2');
    expect(await page.getByTestId('import-written-residentsCreated').textContent()).toContain('3');
    expect(await residentsNamed('端木')).toBe(3);

    // The import was a job on the server, its id in the address: a reload shows the same result.
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^[0-9a-f-]{36}$/);
    await page.reload();
    await page.getByTestId('import-result').waitFor({ timeout: SERVER_WAIT });
    expect(await page.getByTestId('import-written-residentsCreated').textContent()).toContain('3');

    await result.getByRole('button', { name: '查看住户列表' }).click();
    expect((await searchPeople(page, '端木')).sort()).toEqual(['端木丙', '端木乙', '端木甲'].sort());
    await page.screenshot({ path: '.e2e-artifacts/household-import-done.png' });
  });

  it('shows the mapping step again, naming the column the header lacks, and checks once it is chosen', async () => {
    const { lng, lat } = point;
    await chooseFile('表头不全.csv', [
      HEADER.replace('身份证号', '身份信息'),
      `枫源村,试导路,8号,${lng},${lat},欧阳甲,${generateIdCard('330681', '1966-06-16', 917)},,户主,户籍,`,
    ]);
    const intro = page.getByTestId('import-mapping-intro');
    await intro.waitFor({ timeout: SERVER_WAIT });
    expect(await intro.textContent()).toContain('文件表头中没有找到：身份证号');
    expect(await page.getByTestId('import-mapping-next').isDisabled()).toBe(true);

    await page.getByTestId('import-mapping-idCard').click();
    await page.locator('.ant-select-dropdown:visible').getByText('身份信息').click();
    await page.getByTestId('import-recheck').click();
    const checkedNote = page.getByTestId('import-mapping-checked');
    await checkedNote.waitFor({ timeout: SERVER_WAIT });
    expect(await checkedNote.textContent()).toContain('共 1 行，有效 1 行，0 行有错误');
  });

  it('imports a village register with merged title rows and one 住址 column, the header row shown and changeable', async () => {
    const file = await registerXlsx(
      [
        {
          name: '诸葛甲',
          sex: '男',
          idCard: generateIdCard('330681', '1958-08-08', 931),
          relation: '户主',
          address: '诸暨市枫桥镇枫源村93组1号',
        },
        {
          name: '诸葛乙',
          sex: '女',
          idCard: generateIdCard('330681', '1960-09-09', 932),
          relation: '配偶',
          address: '枫源村九十三组1号',
        },
        {
          name: '诸葛丙',
          sex: '男',
          idCard: generateIdCard('330681', '1985-10-10', 933),
          relation: '户主',
          address: '西岭村1组1号',
        },
      ],
      { titles: 2 },
    );
    await chooseFile('枫源村户籍人口登记表.xlsx', file);
    const checkedNote = page.getByTestId('import-mapping-checked');
    await checkedNote.waitFor({ timeout: SERVER_WAIT });
    expect(await checkedNote.textContent()).toContain('共 3 行，有效 2 行，1 行有错误');
    const rowInput = page.getByTestId('import-header-row').locator('input');
    expect(await rowInput.inputValue()).toBe('4');
    expect(await page.getByTestId('import-mapping-address').textContent()).toContain('住址');
    await page.screenshot({ path: '.e2e-artifacts/household-import-register-mapping.png', fullPage: true });

    // The title row as the header: nothing can be matched, and the step says so; row 4 again matches.
    await rowInput.fill('1');
    await page.getByTestId('import-header-row-apply').click();
    await page.getByTestId('import-too-few-columns').waitFor({ timeout: SERVER_WAIT });
    await rowInput.fill('4');
    await page.getByTestId('import-header-row-apply').click();
    await checkedNote.waitFor({ timeout: SERVER_WAIT });
    await page.getByTestId('import-mapping-next').click();

    const errors = page.getByTestId('import-errors-table');
    await errors.waitFor({ timeout: SERVER_WAIT });
    expect(await page.getByTestId('import-header-row-used').textContent()).toContain('第 4 行');
    const listed = await Promise.all(
      (await errors.locator('tbody tr.ant-table-row').all()).map((row) => row.locator('td').allInnerTexts()),
    );
    expect(listed).toEqual([['7', '住址', '无法识别村/社区「西岭村」：不是本所的村/社区']]);
    await page.getByTestId('import-commit-valid').click();
    await page.getByTestId('import-commit-valid-confirm').click();
    await page.getByTestId('import-result').waitFor({ timeout: SERVER_WAIT });
    expect(await page.getByTestId('import-written-householdsCreated').textContent()).toContain('1');
    expect(await residentsNamed('诸葛')).toBe(2);
  });
});
