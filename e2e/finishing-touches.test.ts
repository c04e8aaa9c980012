import type { Browser, BrowserContext, ConsoleMessage, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD, signInAsAdmin } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const WAIT = 30_000;

/** Issue 9 part 7: the small things that made pages look unfinished, as a person sees them. */
describe.skipIf(skipBrowserTests)('finishing touches', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let qrCode: string;
  let stationName: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    const { rows } = await database.pool.query<{ qr_code: string; station: string }>(
      `select h.qr_code, s.name as station
         from users u join org_units c on c.id = u.scope_org_id join org_units s on s.id = c.parent_id
         join households h on h.org_path like u.scope_path || '%'
        where u.username = 'officer01' order by h.id limit 1`,
    );
    if (!rows[0]) throw new Error('the demo seed has no household for officer01');
    qrCode = rows[0].qr_code;
    stationName = rows[0].station;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  async function signIn(username: string, options: { viewport?: typeof DESKTOP; lang?: 'en' } = {}) {
    const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, locale: 'zh-CN' });
    if (options.lang) {
      await context.addInitScript((lang) => localStorage.setItem('fengqiao.lang', lang), options.lang);
    }
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('grid-map').waitFor({ timeout: WAIT });
    return { context, page };
  }

  const titleOf = (page: Page, title: string) =>
    expect.poll(() => page.title(), { timeout: WAIT }).toBe(title);

  it('logs no error on signed-out pages, never asks /auth/me there, and caches hashed assets for good', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    const failed: string[] = [];
    const assets: Response[] = [];
    const asked: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push(response);
    });

    const shell = await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').waitFor();
    await titleOf(page, '登录 · 枫桥');
    expect(shell?.headers()['cache-control']).toBe('no-cache');
    await page.goto(`${server.url}/h/${qrCode}`);
    await expect
      .poll(() => page.getByTestId('qr-public-page').getAttribute('data-view'), { timeout: WAIT })
      .not.toBe('loading');

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(asked).not.toContain('/api/v1/auth/me');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    await context.close();
  });

  it("names each page in the tab and shows the officer's village under its station", async () => {
    const { context, page } = await signIn('officer01');
    await titleOf(page, '首页概览 · 枫桥');
    await page.goto(`${server.url}/households`);
    await titleOf(page, '住户档案 · 枫桥');
    await page.goto(`${server.url}/orgs`);
    await titleOf(page, '组织与网格 · 枫桥');
    const detail = page.getByTestId('org-detail');
    await detail.waitFor({ timeout: WAIT });
    const parentRow = detail.locator('tr', { hasText: '上级单位' });
    await expect.poll(() => parentRow.textContent(), { timeout: WAIT }).toContain(stationName);
    expect(await parentRow.textContent()).not.toContain('无');
    await page.screenshot({ path: '.e2e-artifacts/org-detail-officer.png' });
    await context.close();
  });

  it('disables 删除 on the scope root and says why', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAsAdmin(page, server.url, server.output(), 'sysadmin');
    await page.getByTestId('nav-users').waitFor({ timeout: WAIT });
    await page.goto(`${server.url}/orgs`);
    const remove = page.getByTestId('org-delete');
    await expect.poll(() => remove.isDisabled(), { timeout: WAIT }).toBe(true);
    await remove.hover({ force: true });
    await page.getByRole('tooltip').getByText('不能删除自己数据范围的根单位').waitFor({ timeout: WAIT });
    await context.close();
  });

  it('shows a read-only account the users without an empty 操作 column', async () => {
    const { context, page } = await signIn('command01');
    await page.goto(`${server.url}/users`);
    const table = page.getByTestId('users-table');
    await table.locator('tr.ant-table-row').first().waitFor({ timeout: WAIT });
    await titleOf(page, '用户管理 · 枫桥');
    expect(await table.locator('thead').textContent()).not.toContain('操作');
    await context.close();
  });

  it('writes English labels with an English colon on a phone', async () => {
    const { context, page }: { context: BrowserContext; page: Page } = await signIn('officer01', {
      viewport: PHONE,
      lang: 'en',
    });
    await page.goto(`${server.url}/households`);
    await titleOf(page, 'Households · Fengqiao');
    const row = page.getByTestId('household-row').first();
    await row.waitFor({ timeout: WAIT });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Head: ');
    expect(text).not.toContain('：');
    await context.close();
  });
});
