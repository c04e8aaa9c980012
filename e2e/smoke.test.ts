import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

const ARTIFACTS = path.resolve('.e2e-artifacts');

describe.skipIf(skipBrowserTests)('smoke: a community officer signs in and sees their grids', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  for (const viewport of [
    { name: 'desktop', width: 1366, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    it(`logs in as officer01 on ${viewport.name} and the map draws only their grids`, async () => {
      const { rows } = await database.pool.query<{ n: number }>(
        `select count(*)::int as n from org_units g
           join org_units c on g.path like c.path || '%'
           join users u on u.scope_org_id = c.id
          where u.username = 'officer01' and g.kind = 'grid'`,
      );
      const expectedGrids = rows[0]?.n ?? 0;
      expect(expectedGrids).toBeGreaterThan(0);

      const context = await browser.newContext({ viewport, locale: 'zh-CN' });
      const page = await context.newPage();
      const policyViolations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
      });
      const shell = await page.goto(server.url);
      expect(shell?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
      await page.getByTestId('login-username').fill('officer01');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      const map = page.getByTestId('grid-map');
      await expect
        .poll(() => map.getAttribute('data-grid-count'), { timeout: 30_000 })
        .toBe(String(expectedGrids));
      // The map (blob worker, runtime styles) and the inline config script run under the policy.
      expect(policyViolations).toEqual([]);
      await page.screenshot({ path: path.join(ARTIFACTS, `smoke-${viewport.name}.png`) });
      await context.close();
    });
  }

  it('shows a Chinese error for a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('officer01');
    await page.getByTestId('login-password').fill('Wrong-Pass-2026');
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByText('用户名或密码错误').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.close();
  });
});
