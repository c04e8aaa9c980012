import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

const PHONE = { width: 390, height: 844 };

/**
 * Journey 2 in part (issue 3's "done when"): on a phone, the community officer scans a door plate,
 * corrects a resident's phone, and the change shows in the household file; another community's
 * officer gets 404 for the same household; a stranger sees no personal data.
 */
describe.skipIf(skipBrowserTests)('door plate to household file on a phone', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let target: { householdId: string; qrCode: string; residentId: string; gridId: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    const { rows } = await database.pool.query<{
      household_id: string;
      qr_code: string;
      resident_id: string;
      grid_id: string;
    }>(
      `select h.id as household_id, h.qr_code, r.id as resident_id, h.grid_id
         from households h join residents r on r.household_id = h.id
         join users u on u.username = 'officer01' and h.org_path like u.scope_path || '%'
        where r.birth_date < now() - interval '30 years' and h.grid_id is not null
        order by h.id limit 1`,
    );
    const row = rows[0];
    if (!row) throw new Error('the demo seed has no household for officer01');
    target = {
      householdId: row.household_id,
      qrCode: row.qr_code,
      residentId: row.resident_id,
      gridId: row.grid_id,
    };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  async function signIn(username: string) {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('grid-map').waitFor();
    return { context, page };
  }

  it('the officer scans the plate, edits a phone number and sees it in the history', async () => {
    const { context, page } = await signIn('officer01');
    await page.goto(`${server.url}/h/${target.qrCode}`);
    await page.getByTestId('household-file').waitFor({ timeout: 20_000 });
    await page.getByTestId(`resident-edit-${target.residentId}`).click();
    await page.getByTestId('resident-edit-phone').fill('13912340000');
    await page.getByTestId('resident-edit-submit').click();
    const history = page.getByTestId('history-timeline');
    await expect.poll(() => history.getByText('手机号').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const { rows } = await database.pool.query('select phone_masked from residents where id = $1', [
      target.residentId,
    ]);
    expect(rows[0].phone_masked).toBe('139****0000');
    await page.screenshot({ path: '.e2e-artifacts/household-file-phone.png' });
    await context.close();
  });

  it('another community officer gets 404 for the same household and the same plate', async () => {
    const { context, page } = await signIn('officer02');
    const file = await page.request.get(`${server.url}/api/v1/households/${target.householdId}`);
    expect(file.status()).toBe(404);
    const scan = await page.request.get(`${server.url}/api/v1/households/by-qr/${target.qrCode}`);
    expect(scan.status()).toBe(404);
    await context.close();
  });

  it('a stranger who scans the plate sees the grid and its officer, and no one who lives there', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/h/${target.qrCode}`);
    const publicPage = page.getByTestId('qr-public-page');
    await expect.poll(() => publicPage.getAttribute('data-view'), { timeout: 15_000 }).toBe('public');
    const text = (await publicPage.textContent()) ?? '';
    expect(text).toContain('网格');
    // officer01's published work phone, from the demo seed.
    expect(await page.getByTestId('qr-officer-phone').textContent()).toBe('13805750001');
    const { rows } = await database.pool.query<{ name: string }>(
      'select name from residents where household_id = $1',
      [target.householdId],
    );
    for (const { name } of rows) expect(text).not.toContain(name);
    await page.screenshot({ path: '.e2e-artifacts/qr-public-phone.png' });
    await context.close();
  });

  it("the officer prints the grid's door plates: full door address, officer and phone, one QR each", async () => {
    const { context, page } = await signIn('officer01');
    await page.goto(`${server.url}/households/print?orgUnitId=${target.gridId}`);
    const sheet = page.getByTestId('door-plates');
    await expect.poll(() => sheet.getAttribute('data-plate-count'), { timeout: 20_000 }).not.toBeNull();
    const { rows } = await database.pool.query<{ n: number }>(
      'select count(*)::int as n from households where grid_id = $1',
      [target.gridId],
    );
    const inGrid = rows[0]?.n ?? 0;
    expect(Number(await sheet.getAttribute('data-plate-count'))).toBe(Math.min(inGrid, 300));
    // A demo grid holds more households than one print job; the first plate stands for them all.
    const plate = page.getByTestId('door-plate').first();
    const address = (await plate.getByTestId('door-plate-address').textContent()) ?? '';
    expect(address).not.toContain('*');
    expect(address.length).toBeGreaterThan(6);
    expect(await plate.getByTestId('door-plate-contact').textContent()).toContain('13805750001');
    const audited = await database.pool.query(
      `select 1 from audit_log where action = 'household.door_plates' and actor_name = 'officer01' and object_id = $1`,
      [target.gridId],
    );
    expect(audited.rowCount).toBe(1);
    await page.screenshot({ path: '.e2e-artifacts/door-plates-phone.png' });
    if (inGrid > 300) {
      // A demo grid holds more than one batch: the next batch carries on where the first stopped.
      const first = await plate.getAttribute('data-household-id');
      await page.getByTestId('door-plates-batch').locator('.ant-pagination-next').click();
      await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('batch=2');
      await expect
        .poll(() => sheet.getAttribute('data-plate-count'), { timeout: 20_000 })
        .toBe(String(Math.min(inGrid - 300, 300)));
      expect(await page.getByTestId('door-plate').first().getAttribute('data-household-id')).not.toBe(first);
    }
    await context.close();
  });
});
