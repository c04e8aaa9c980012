import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/**
 * Issue 9 parts 1 and 2 as the community officer sees them: the household list gives its total,
 * sorts on a clicked header through the server, shows the door of the officer's own grids, and a
 * page change brings the list's top back into view.
 */
describe.skipIf(skipBrowserTests)('the household list: total, sorting, the door', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let inScope: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    const { rows } = await database.pool.query<{ n: number }>(
      `select count(*)::int as n from households h
         join users u on u.username = 'officer01' and h.org_path like u.scope_path || '%'`,
    );
    inScope = rows[0]?.n ?? 0;
    if (inScope < 25) throw new Error('the demo seed has too few households for officer01 to page');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  async function openList(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('officer01');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('grid-map').waitFor();
    await page.goto(`${server.url}/households`);
    await page.getByTestId('household-row').first().waitFor({ timeout: 20_000 });
    return page;
  }

  const sizesShown = (page: Page) =>
    page
      .getByTestId('household-row')
      .evaluateAll((rows) => rows.map((row) => Number(row.querySelectorAll('td')[3]?.textContent ?? 'NaN')));

  it('shows the total, sorts by size on a header click both ways, and shows the door', async () => {
    const page = await openList(DESKTOP);
    await expect
      .poll(() => page.getByTestId('households-pager-total').textContent())
      .toBe(`共 ${inScope} 条`);
    // The officer works these grids door by door: the first column shows the room, not ****.
    const firstAddress = await page.getByTestId('household-row').first().locator('td').first().textContent();
    expect(firstAddress).not.toContain('****');

    const header = page.locator('th', { hasText: '人数' });
    await header.click();
    await expect
      .poll(async () => {
        const sizes = await sizesShown(page);
        return sizes.length > 1 && sizes.every((n, i) => i === 0 || (sizes[i - 1] as number) <= n);
      })
      .toBe(true);
    const ascending = await sizesShown(page);
    await header.click();
    await expect.poll(async () => (await sizesShown(page))[0]).toBeGreaterThan(ascending[0] as number);
    const descending = await sizesShown(page);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await expect
      .poll(() => page.getByTestId('households-pager-total').textContent())
      .toBe(`共 ${inScope} 条`);
    await page.screenshot({ path: '.e2e-artifacts/households-list.png' });
    await page.context().close();
  });

  it('brings the top of the list back into view after 下一页 on a phone', async () => {
    const page = await openList(PHONE);
    await page
      .getByTestId('households-pager')
      .getByRole('button', { name: /下一页/ })
      .scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await page
      .getByTestId('households-pager')
      .getByRole('button', { name: /下一页/ })
      .click();
    await page.getByText('第 2 页').waitFor();
    // Scrolled back: the list's top sits at the top of the screen (to the sub-pixel), not far above it.
    await expect
      .poll(() => page.locator('[data-list-top]').evaluate((el) => el.getBoundingClientRect().top))
      .toBeGreaterThan(-1);
    await page.screenshot({ path: '.e2e-artifacts/households-list-phone-page2.png' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '.e2e-artifacts/households-list-phone.png' });
    await page.context().close();
  });
});
