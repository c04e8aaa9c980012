import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD, signInAsAdmin } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

/** The system admin opens an account for a new grid worker, who can then sign in and sees only their grid. */
describe.skipIf(skipBrowserTests)('the system admin', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await signInAsAdmin(page, server.url, server.output(), 'sysadmin');
    await page.getByTestId('nav-users').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('is told why a weak password is refused, then creates the account', async () => {
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-create-username').fill('newworker');
    await page.getByTestId('user-create-display-name').fill('新网格员');
    await page.getByTestId('user-create-roles').click();
    await page.locator('.ant-select-dropdown').getByText('网格员', { exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-create-org').click();
    await page.keyboard.type('枫源村第一');
    await page.locator('.ant-select-tree-title').getByText('枫源村第一网格').click();
    await page.getByTestId('user-create-password').fill('weak');
    await page.getByTestId('user-create-submit').click();
    await expect.poll(() => page.getByText(/至少/).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await page.getByTestId('user-create-password').fill('Grid-Worker-2026');
    await page.getByTestId('user-create-submit').click();
    // Search only once the account exists: the list reloads when the dialog closes.
    await page.getByText('用户已创建').waitFor({ timeout: 15_000 });
    const search = page.getByTestId('users-search').locator('input');
    await search.fill('newworker');
    await search.press('Enter');
    await expect
      .poll(() => page.getByTestId('users-table').getByText('新网格员').count(), { timeout: 10_000 })
      .toBe(1);
  });

  it('the new grid worker signs in on a phone and sees only that grid', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${server.url}/login`);
    await phone.getByTestId('login-username').fill('newworker');
    await phone.getByTestId('login-password').fill('Grid-Worker-2026');
    await phone.getByTestId('login-submit').click();
    const map = phone.getByTestId('grid-map');
    await expect.poll(() => map.getAttribute('data-grid-count'), { timeout: 30_000 }).toBe('1');
    await phone.close();
  });
});
