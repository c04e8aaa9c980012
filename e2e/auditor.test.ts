import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD, signInAsAdmin } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

/** Journey 8: the audit admin (who cannot edit data) searches the trail, exports it and verifies the chain. */
describe.skipIf(skipBrowserTests)('the auditor', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    // Something to find: a failed sign-in by officer01.
    await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer01', password: 'Wrong-Pass-2026' }),
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
    await signInAsAdmin(page, server.url, server.output(), 'auditor');
    await page.getByTestId('nav-audit').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('sees only the audit menu, with no business data', async () => {
    await expect.poll(() => page.getByTestId('nav-audit').count()).toBe(1);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-orgs').count()).toBe(0);
  });

  it('finds the failed sign-in of officer01', async () => {
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-actor').fill('officer01');
    await page.getByTestId('audit-search').click();
    const table = page.getByTestId('audit-table');
    await expect
      .poll(() => table.getByText('登录', { exact: true }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => table.getByText('失败').count()).toBeGreaterThan(0);
  });

  it('exports the trail as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  });

  it('verifies the chain and sees it intact', async () => {
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 10_000 }).toBe('true');
  });
});
