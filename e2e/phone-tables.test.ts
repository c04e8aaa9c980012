import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { generateIdCard } from '@fengqiao/shared';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD, signInAsAdmin } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

const ARTIFACTS = '.e2e-artifacts';
const WAIT = 30_000;
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const HEADER = '村/社区,街路,门牌号,经度,纬度,姓名,身份证号,手机号,与户主关系,户籍类型,标签';

async function screenshot(page: Page, name: string) {
  await expect
    .poll(() => page.locator('[class*="-appear"], [class*="-enter"]').count(), { timeout: WAIT })
    .toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
}

/** True when the element lies wholly inside the phone's width, not cut off or scrolled away. */
async function withinPhoneWidth(element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= PHONE.width;
}

/**
 * Issue 9 parts 5 and 6: the audit log reads as names (action, object) with a group filter, and on a
 * phone the audit log, the users list and the import's error list show what matters without being
 * cut off.
 */
describe.skipIf(skipBrowserTests)('lists on a phone', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let auditorState: Awaited<ReturnType<BrowserContext['storageState']>>;

  async function phoneContext(storageState?: typeof auditorState) {
    return browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      storageState,
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    // Something in the log about an account: a failed sign-in by officer01.
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer01', password: 'Wrong-Pass-2026' }),
    });
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAsAdmin(page, server.url, server.output(), 'auditor');
    await page.getByTestId('nav-audit').waitFor({ timeout: WAIT });
    auditorState = await context.storageState();
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('shows the audit log on a desktop with action names, named objects and a group filter', async () => {
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'zh-CN',
      storageState: auditorState,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/audit`);
    const table = page.getByTestId('audit-table');
    await expect
      .poll(() => table.getByText('登录', { exact: true }).count(), { timeout: WAIT })
      .toBeGreaterThan(0);
    expect(await table.getByText('auth.login', { exact: true }).count()).toBe(0);
    // officer01's account is named, not shown as a UUID.
    await expect.poll(() => table.getByText(/^账号 · .+（officer01）$/).count()).toBeGreaterThan(0);

    await page.getByTestId('audit-group').click();
    await page.locator('.ant-select-dropdown').getByText('令牌', { exact: true }).click();
    const answered = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/audit-events' && r.url().includes('group=token'),
      { timeout: WAIT },
    );
    await page.getByTestId('audit-search').click();
    expect((await answered).status()).toBe(200);
    await expect.poll(() => table.getByText('登录', { exact: true }).count(), { timeout: WAIT }).toBe(0);
    await page.getByText('重置', { exact: true }).click();
    await expect
      .poll(() => table.getByText('登录', { exact: true }).count(), { timeout: WAIT })
      .toBeGreaterThan(0);
    await screenshot(page, 'audit-log.png');
    await context.close();
  });

  it('shows the audit log on a phone as cards of 序号, 时间 and action; a tap opens the rest', async () => {
    const context = await phoneContext(auditorState);
    const page = await context.newPage();
    await page.goto(`${server.url}/audit`);
    const cards = page.getByTestId('audit-card');
    await cards.first().waitFor({ timeout: WAIT });
    expect(await page.locator('[data-testid="audit-table"] table').count()).toBe(0);
    const first = cards.first();
    expect(await first.textContent()).toMatch(/序号 \d+/);
    expect(await withinPhoneWidth(first)).toBe(true);
    const login = cards.filter({ hasText: /^登录/ }).first();
    await login.waitFor({ timeout: WAIT });
    await screenshot(page, 'audit-log-phone.png');

    await login.click();
    const detail = page.getByTestId('audit-event-detail');
    await detail.getByText('操作人', { exact: true }).waitFor({ timeout: WAIT });
    expect(await detail.textContent()).toMatch(/对象.*账号/);
    await context.close();
  });

  it('shows the users on a phone as cards, each with its name, roles and actions on screen', async () => {
    const context = await phoneContext();
    const page = await context.newPage();
    await signInAsAdmin(page, server.url, server.output(), 'sysadmin');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: WAIT });
    await page.goto(`${server.url}/users`);
    await page.getByTestId('user-card').first().waitFor({ timeout: WAIT });
    expect(await page.locator('[data-testid="users-table"] table').count()).toBe(0);
    const search = page.getByTestId('users-search').locator('input');
    await search.fill('officer01');
    await search.press('Enter');
    const card = page.getByTestId('user-card').filter({ hasText: 'officer01' }).first();
    await card.waitFor({ timeout: WAIT });
    expect(await withinPhoneWidth(card)).toBe(true);
    expect(await withinPhoneWidth(card.getByTestId('user-edit'))).toBe(true);
    expect(await card.textContent()).toContain('社区民警');
    await screenshot(page, 'users-phone.png');
    await context.close();
  });

  it('shows an import’s bad row on a phone with its row number, field and reason on screen', async () => {
    const { rows } = await database.pool.query<{ lng: number; lat: number }>(
      `select h.lng, h.lat from households h
         join users u on u.username = 'officer01' and h.org_path like u.scope_path || '%'
        where h.grid_id is not null and h.lng is not null
        order by h.id limit 1`,
    );
    const point = rows[0];
    if (!point) throw new Error('the demo seed has no located household for officer01');
    const good = generateIdCard('330681', '1961-06-06', 921);
    const badChecksum = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');

    const context = await phoneContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('officer01');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: WAIT });
    await page.goto(`${server.url}/households/import`);
    await page
      .getByTestId('import-file')
      .locator('input[type=file]')
      .setInputFiles({
        name: '住户.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          `${[
            HEADER,
            `枫源村,手机路,1号,${point.lng},${point.lat},欧阳甲,${generateIdCard('330681', '1960-01-01', 922)},,户主,户籍,`,
            `枫源村,手机路,2号,${point.lng},${point.lat},欧阳乙,${badChecksum},,户主,户籍,`,
          ].join('\r\n')}\r\n`,
        ),
      });
    await page.getByTestId('import-file-next').click();
    await page.getByTestId('import-mapping-checked').waitFor({ timeout: WAIT });
    await page.getByTestId('import-mapping-next').click();

    const errors = page.getByTestId('import-errors-table');
    await errors.waitFor({ timeout: WAIT });
    const row = errors.locator('tbody tr.ant-table-row').first();
    await row.waitFor({ timeout: WAIT });
    expect(await row.textContent()).toMatch(/3[\s\S]*身份证号[\s\S]*身份证号码校验位错误/);
    await row.scrollIntoViewIfNeeded();
    for (const text of ['身份证号码校验位错误', '身份证号']) {
      expect(await withinPhoneWidth(row.getByText(text, { exact: true }).first()), text).toBe(true);
    }
    expect(await withinPhoneWidth(row.locator('td').first())).toBe(true);
    await screenshot(page, 'import-errors-phone.png');
    await context.close();
  });
});
