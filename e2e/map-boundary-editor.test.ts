import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD, signInAsAdmin } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

const ARTIFACTS = '.e2e-artifacts';
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const WAIT = 30_000;

type LngLat = [number, number];
type Ring = LngLat[];

interface Target {
  gridId: string;
  gridName: string;
  communityName: string;
  /** A sibling grid's vertex farthest east: the new boundary touches it there. */
  vertex: LngLat;
}

/** The map a container carries, as the page's own code exposes it for tests. */
type MapApi = {
  jumpTo(options: object): void;
  once(event: string): Promise<unknown>;
  loaded(): boolean;
  project(at: LngLat): { x: number; y: number };
  unproject(at: [number, number]): { lng: number; lat: number };
};

/** Centres the map in `testId` on `at` at `zoom`, waits for it to settle, and gives the page pixel of `at`. */
async function centreOn(page: Page, testId: string, at: LngLat, zoom: number) {
  const map = page.getByTestId(testId);
  await page.locator(`[data-testid="${testId}"][data-ready]`).waitFor({ timeout: WAIT });
  const spot = await map.evaluate(
    async (element, { at, zoom }) => {
      const m = (element as HTMLElement & { maplibreMap: MapApi }).maplibreMap;
      m.jumpTo({ center: at, zoom });
      if (!m.loaded()) await m.once('idle');
      return m.project(at);
    },
    { at, zoom },
  );
  const box = await map.boundingBox();
  if (!box) throw new Error(`${testId} is not on the page`);
  return { x: box.x + spot.x, y: box.y + spot.y };
}

async function screenshot(page: Page, name: string) {
  await expect
    .poll(() => page.locator('[class*="-appear"], [class*="-enter"]').count(), { timeout: WAIT })
    .toBe(0);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name) });
}

/**
 * The grid editor on the map: the system admin draws a grid's boundary by clicks, starting next to
 * a neighbouring grid's vertex, and saves it; the stored first vertex is exactly the neighbour's. An
 * officer places a new household by clicking the map.
 */
describe.skipIf(skipBrowserTests)('drawing on the map', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let target: Target;
  /** sysadmin's session, signed in once: a TOTP code is accepted only once. */
  let adminState: Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['storageState']>>;

  /** A grid with a sibling grid that has a boundary; its own boundary is cleared to be drawn anew. */
  async function findTarget(): Promise<Target> {
    const { rows } = await database.pool.query<{
      grid_id: string;
      grid_name: string;
      community_name: string;
      boundary: { type: string; coordinates: unknown };
    }>(
      `select g.id as grid_id, g.name as grid_name, c.name as community_name, s.boundary
         from org_units g
         join org_units c on c.id = g.parent_id
         join org_units s on s.parent_id = g.parent_id and s.id <> g.id and s.kind = 'grid'
        where g.kind = 'grid' and s.boundary is not null
        order by g.name, s.name limit 1`,
    );
    const row = rows[0];
    if (!row) throw new Error('the demo seed has no grid with a bounded sibling');
    const rings = (
      row.boundary.type === 'Polygon'
        ? [row.boundary.coordinates as Ring[]]
        : (row.boundary.coordinates as Ring[][])
    ).flat();
    const vertex = rings.flat().reduce((east, p) => (p[0] > east[0] ? p : east));
    await database.pool.query('update org_units set boundary = null where id = $1', [row.grid_id]);
    return { gridId: row.grid_id, gridName: row.grid_name, communityName: row.community_name, vertex };
  }

  /** Opens 组织与网格 at the grid, then its boundary editor. */
  async function openEditor(page: Page) {
    await page.getByTestId('nav-orgs').click();
    await page.getByTestId('org-tree').getByText(target.communityName, { exact: true }).click();
    await page.getByTestId('org-children').getByText(target.gridName, { exact: true }).click();
    await page.getByTestId('org-detail').getByText(target.gridName).first().waitFor({ timeout: WAIT });
    await page.getByTestId('org-boundary').click();
    await page.locator('[data-testid="boundary-editor"][data-ready]').waitFor({ timeout: WAIT });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    target = await findTarget();
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await signInAsAdmin(page, server.url, server.output(), 'sysadmin');
    await page.getByTestId('nav-orgs').waitFor({ timeout: WAIT });
    adminState = await context.storageState();
    await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('draws a boundary by clicks; the vertex placed beside the neighbour lands exactly on its vertex', async () => {
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'zh-CN',
      storageState: adminState,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await openEditor(page);

    const v = await centreOn(page, 'boundary-editor', target.vertex, 17);
    await page.getByTestId('boundary-draw').click();
    // 4 px beside the neighbour's vertex: within the snapping distance, not on it.
    await page.mouse.click(v.x + 3, v.y + 3);
    await page.mouse.click(v.x + 160, v.y - 90);
    await page.mouse.click(v.x + 200, v.y + 40);
    // The last vertex by double-click, which also closes the ring.
    await page.mouse.dblclick(v.x + 60, v.y + 110);
    const editor = page.getByTestId('boundary-editor');
    await expect.poll(() => editor.getAttribute('data-vertex-count'), { timeout: WAIT }).toBe('4');
    expect(await editor.getAttribute('data-drawing')).toBeNull();
    // Touching the neighbour at one vertex is neither an overlap nor a crossing.
    expect(await page.getByTestId('boundary-overlaps').count()).toBe(0);
    expect(await page.getByTestId('boundary-crossings').count()).toBe(0);

    // A vertex dragged off moves in the GeoJSON text too; Ctrl+Z takes it back.
    const text = page.getByTestId('org-boundary-input');
    const drawn = await text.inputValue();
    expect(JSON.parse(drawn).coordinates[0]).toHaveLength(5);
    const dragFrom = { x: v.x + 160, y: v.y - 90 };
    await page.mouse.move(dragFrom.x, dragFrom.y);
    await page.mouse.down();
    await page.mouse.move(dragFrom.x + 20, dragFrom.y - 20, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => text.inputValue(), { timeout: WAIT }).not.toBe(drawn);
    await page.keyboard.press('Control+z');
    await expect.poll(() => text.inputValue(), { timeout: WAIT }).toBe(drawn);

    // Esc gives up a ring being drawn and leaves the dialog open.
    await page.getByTestId('boundary-draw').click();
    await page.mouse.click(v.x - 200, v.y - 150);
    await page.mouse.click(v.x - 150, v.y - 150);
    await expect.poll(() => editor.getAttribute('data-drawing'), { timeout: WAIT }).toBe('2');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.getAttribute('data-drawing'), { timeout: WAIT }).toBeNull();
    expect(await editor.getAttribute('data-vertex-count')).toBe('4');
    await screenshot(page, 'grid-editor.png');

    await page.getByTestId('org-boundary-submit').click();
    await page.getByTestId('boundary-editor').waitFor({ state: 'detached', timeout: WAIT });
    const { rows } = await database.pool.query<{ boundary: { type: string; coordinates: Ring[] } }>(
      'select boundary from org_units where id = $1',
      [target.gridId],
    );
    const boundary = rows[0]?.boundary;
    expect(boundary?.type).toBe('Polygon');
    const ring = boundary?.coordinates[0] ?? [];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(target.vertex);
    expect(ring[4]).toEqual(target.vertex);
    // The dragged vertex is back where it was clicked.
    expect(ring).toEqual(JSON.parse(drawn).coordinates[0]);
    await context.close();
  });

  it('marks a crossing and an overlap on the map, and the server’s refusal', async () => {
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'zh-CN',
      storageState: adminState,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await openEditor(page);
    // A bow-tie reaching west into the neighbour, pasted as GeoJSON.
    const [lng, lat] = target.vertex;
    const bowTie = [
      [lng - 0.001, lat],
      [lng + 0.002, lat + 0.002],
      [lng + 0.002, lat],
      [lng - 0.001, lat + 0.002],
      [lng - 0.001, lat],
    ];
    await page.getByText('高级：GeoJSON').click();
    await page
      .getByTestId('org-boundary-input')
      .fill(JSON.stringify({ type: 'Polygon', coordinates: [bowTie] }));
    await page.getByTestId('boundary-crossings').waitFor({ timeout: WAIT });
    await page.getByTestId('boundary-overlaps').waitFor({ timeout: WAIT });
    await page.getByTestId('org-boundary-submit').click();
    const refused = page.getByTestId('boundary-server-problems');
    await refused.waitFor({ timeout: WAIT });
    expect(await refused.textContent()).toContain('自相交');
    // The map marks the spot the server gave: the crossing, where the edges meet.
    const marks = await page.getByTestId('boundary-editor').evaluate((element) => {
      type Api = { querySourceFeatures(id: string): { geometry: { type: string; coordinates: unknown } }[] };
      return (element as HTMLElement & { maplibreMap: Api }).maplibreMap
        .querySourceFeatures('edit-problems')
        .filter((f) => f.geometry.type === 'Point').length;
    });
    expect(marks).toBeGreaterThan(0);
    await screenshot(page, 'grid-editor-problems.png');
    await page.getByText('取消', { exact: true }).click();
    await context.close();
  });

  it('shows the editor on a phone, the neighbours dashed', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      storageState: adminState,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/orgs`);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('org-tree').getByText(target.communityName, { exact: true }).click();
    await page.getByTestId('org-children').getByText(target.gridName, { exact: true }).click();
    await page.getByTestId('org-boundary').click();
    await page.locator('[data-testid="boundary-editor"][data-ready]').waitFor({ timeout: WAIT });
    const { rows } = await database.pool.query<{ n: number }>(
      `select coalesce(jsonb_array_length(boundary->'coordinates'->0) - 1, 0)::int as n
         from org_units where id = $1`,
      [target.gridId],
    );
    await expect
      .poll(() => page.getByTestId('boundary-editor').getAttribute('data-vertex-count'), { timeout: WAIT })
      .toBe(String(rows[0]?.n ?? 0));
    await page.waitForTimeout(500);
    await screenshot(page, 'grid-editor-phone.png');

    // A finger drags a vertex as the mouse does.
    const { rows: stored } = await database.pool.query<{ boundary: { coordinates: Ring[] } | null }>(
      'select boundary from org_units where id = $1',
      [target.gridId],
    );
    const second = stored[0]?.boundary?.coordinates[0]?.[1];
    if (second) {
      const from = await centreOn(page, 'boundary-editor', second, 17);
      const text = page.getByTestId('org-boundary-input');
      const before = await text.inputValue();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchStart',
        touchPoints: [{ x: from.x, y: from.y }],
      });
      for (let i = 1; i <= 5; i++)
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchMove',
          touchPoints: [{ x: from.x + 6 * i, y: from.y + 6 * i }],
        });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(() => text.inputValue(), { timeout: WAIT }).not.toBe(before);
      // That vertex moved and no other; the map itself did not pan under the finger.
      const after = JSON.parse(await text.inputValue()).coordinates[0] as Ring;
      const was = JSON.parse(before).coordinates[0] as Ring;
      expect(after[1]).not.toEqual(was[1]);
      expect(after.filter((_, i) => i !== 1)).toEqual(was.filter((_, i) => i !== 1));
      const centre = await page.getByTestId('boundary-editor').evaluate((element) => {
        const m = (element as HTMLElement & { maplibreMap: { getCenter(): { lng: number; lat: number } } })
          .maplibreMap;
        return m.getCenter();
      });
      expect([centre.lng, centre.lat]).toEqual(second);
    }
    await context.close();
  });

  it('places a new household by clicking the map', async () => {
    const { rows } = await database.pool.query<{ lng: number; lat: number }>(
      `select h.lng, h.lat from households h join users u on u.username = 'officer01'
        where h.org_path like u.scope_path || '%' and h.lng is not null and h.grid_id is not null
        order by h.id limit 1`,
    );
    const near = rows[0];
    if (!near) throw new Error('officer01 has no located household');
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('officer01');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-households').click();
    await page.getByTestId('household-create').click();
    await page.getByTestId('household-create-community').fill('枫源村');
    await page.getByTestId('household-create-street').fill('地图选点路');
    await page.getByTestId('household-create-room').fill('101');
    await page.getByTestId('household-create-pick').click();
    const at = await centreOn(page, 'household-create-map', [near.lng, near.lat], 18);
    // 12 px beside an existing house, inside the same grid.
    await page.mouse.click(at.x + 12, at.y);
    await page.getByTestId('household-create-map-marker').waitFor({ timeout: WAIT });
    const lng = Number(await page.getByTestId('household-create-lng').inputValue());
    const lat = Number(await page.getByTestId('household-create-lat').inputValue());
    expect(lng).toBeGreaterThan(near.lng);
    expect(Math.abs(lng - near.lng)).toBeLessThan(0.0002);
    expect(Math.abs(lat - near.lat)).toBeLessThan(0.00002);
    await page.getByTestId('household-create-submit').click();
    await page.waitForURL(/\/households\/[0-9a-f-]{36}$/, { timeout: WAIT });
    const id = new URL(page.url()).pathname.split('/').pop();
    const { rows: saved } = await database.pool.query<{
      lng: number;
      lat: number;
      coord_system: string | null;
    }>('select lng, lat from households where id = $1', [id]);
    expect(saved[0]?.lng).toBeCloseTo(lng, 9);
    expect(saved[0]?.lat).toBeCloseTo(lat, 9);
    await context.close();
  });

  it('shows a loading sign until the points are drawn, and the station map on a phone', async () => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    // The points answer is held back, so the sign is seen for sure.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/v1/households/map-points**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('officer01');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="grid-map"][data-grid-count]').waitFor({ timeout: WAIT });
    await page.getByTestId('grid-map-points-loading').waitFor({ timeout: WAIT });
    release();
    await page.locator('[data-testid="grid-map"][data-household-count]').waitFor({ timeout: WAIT });
    await page.getByTestId('grid-map-points-loading').waitFor({ state: 'detached', timeout: WAIT });
    await page.getByTestId('grid-map').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    // No shown grid label covers a cluster or another label.
    const clashes = await page.evaluate(() => {
      const boxes = (selector: string) =>
        [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((e) => e.style.visibility !== 'hidden')
          .map((e) => e.getBoundingClientRect());
      const labels = boxes('.fq-map-label');
      let n = 0;
      labels.forEach((a, i) => {
        labels.forEach((b, j) => {
          if (i < j && a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top) n++;
        });
      });
      // …nor a cluster or point under it.
      const container = document.querySelector<HTMLElement>('[data-testid="grid-map"]');
      const map = (
        container as HTMLElement & {
          maplibreMap: { queryRenderedFeatures(box: unknown, o: object): unknown[] };
        }
      ).maplibreMap;
      const origin = container?.getBoundingClientRect();
      for (const a of labels) {
        const box = [
          [a.left - (origin?.left ?? 0), a.top - (origin?.top ?? 0)],
          [a.right - (origin?.left ?? 0), a.bottom - (origin?.top ?? 0)],
        ];
        n += map.queryRenderedFeatures(box, { layers: ['households-cluster', 'households-point'] }).length;
      }
      return { n, shown: labels.length };
    });
    await screenshot(page, 'station-map-phone.png');
    expect(clashes.shown).toBeGreaterThan(0);
    expect(clashes.n).toBe(0);
    await context.close();
  });
});
