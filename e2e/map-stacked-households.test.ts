import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/test-database.js';
import { launchBrowser, skipBrowserTests } from './browser.js';
import { DEMO_PASSWORD } from './demo-logins.js';
import { type RunningServer, startServer } from './server-process.js';

const ARTIFACTS = '.e2e-artifacts';
const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
/** The CI machine is slow: every wait is for something the page shows, with room to spare. */
const WAIT = 30_000;

/** officer01's households, as the map receives them (coordinates rounded to 5 decimals, ≈1 m). */
const OFFICER01_HOUSEHOLDS = `
  select h.id, h.grid_id, h.lng, h.lat,
         round(h.lng::numeric, 5)::float8 as map_lng, round(h.lat::numeric, 5)::float8 as map_lat
    from households h join users u on u.username = 'officer01' and h.org_path like u.scope_path || '%'
   where h.lng is not null`;

interface SharedPoint {
  lng: number;
  lat: number;
  ids: string[];
  /** Metres to the nearest of officer01's households elsewhere. */
  isolation: number;
}

/**
 * Flats of one building share a point on the home map. officer01 signs in, zooms to such a point,
 * clicks it and finds every household there in a list (by pointer and by keyboard); a cluster that
 * zooming in cannot split lists its households too; a row opens the household's file.
 */
describe.skipIf(skipBrowserTests)('households sharing one point on the home map', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let shared: SharedPoint;

  /** Points shared by two or more of officer01's households, the most isolated first. */
  async function sharedPoints(): Promise<SharedPoint[]> {
    const { rows } = await database.pool.query<{
      lng: number;
      lat: number;
      ids: string[];
      isolation: number;
    }>(
      `with mine as (${OFFICER01_HOUSEHOLDS}),
            spots as (select map_lng as lng, map_lat as lat, array_agg(id order by id) as ids
                        from mine group by map_lng, map_lat having count(*) > 1)
       select s.lng, s.lat, s.ids,
              (select min(sqrt(((m.lng - s.lng) * 96700) ^ 2 + ((m.lat - s.lat) * 111200) ^ 2))
                 from mine m where (m.map_lng, m.map_lat) <> (s.lng, s.lat)) as isolation
         from spots s order by isolation desc`,
    );
    return rows.map((row) => ({ ...row, ids: [...row.ids].sort() }));
  }

  async function signIn(viewport: { width: number; height: number }) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('officer01');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page
      .locator('[data-testid="grid-map"][data-grid-count][data-household-count]')
      .waitFor({ timeout: WAIT });
    return { context, page };
  }

  /**
   * Centres the map on the shared point at `zoom` through the map the container carries, waits until
   * it is drawn there, and says what the map shows at that pixel (page coordinates).
   */
  async function zoomTo(page: Page, zoom: number) {
    const map = page.getByTestId('grid-map');
    let drawn: { x: number; y: number; ids: string[]; clusterSize: number | null } | null = null;
    await expect
      .poll(
        async () => {
          drawn = await map.evaluate(
            async (element, { lng, lat, zoom }) => {
              type Feature = { properties: Record<string, unknown> };
              type MapApi = {
                jumpTo(options: object): void;
                once(event: string): Promise<unknown>;
                loaded(): boolean;
                project(at: [number, number]): { x: number; y: number };
                queryRenderedFeatures(at: { x: number; y: number }, options: object): Feature[];
              };
              const m = (element as HTMLElement & { maplibreMap: MapApi }).maplibreMap;
              m.jumpTo({ center: [lng, lat], zoom });
              if (!m.loaded()) await m.once('idle');
              const at = m.project([lng, lat]);
              const features = m.queryRenderedFeatures(at, {
                layers: ['households-cluster', 'households-point'],
              });
              const cluster = features.find((f) => f.properties.cluster_id !== undefined);
              return {
                x: at.x,
                y: at.y,
                ids: [...new Set(features.map((f) => f.properties.id).filter((id) => id))] as string[],
                clusterSize: cluster ? Number(cluster.properties.point_count) : null,
              };
            },
            { lng: shared.lng, lat: shared.lat, zoom },
          );
          return drawn && (drawn.ids.length || drawn.clusterSize) ? 'drawn' : 'not yet';
        },
        { timeout: WAIT, interval: 500 },
      )
      .toBe('drawn');
    const box = await map.boundingBox();
    if (!box || !drawn) throw new Error('the map is not on the page');
    const spot = drawn as { x: number; y: number; ids: string[]; clusterSize: number | null };
    return { ...spot, pageX: box.x + spot.x, pageY: box.y + spot.y };
  }

  /** Waits for the list and every row's household, and gives the ids it lists in order. */
  async function listedIds(page: Page): Promise<string[]> {
    const list = page.getByTestId('stacked-households');
    await list.waitFor({ timeout: WAIT });
    await expect
      .poll(() => list.getAttribute('data-count'), { timeout: WAIT })
      .toBe(String(shared.ids.length));
    const rows = page.getByTestId('stacked-household');
    await expect
      .poll(() => page.locator('[data-testid="stacked-household"][data-loaded]').count(), { timeout: WAIT })
      .toBe(shared.ids.length);
    return rows.evaluateAll((links) => links.map((a) => a.getAttribute('data-household-id') ?? ''));
  }

  /**
   * A point shared by two or more of officer01's households, from the database; when the demo has
   * none (its village scatters houses), officer01 makes one as an officer would: moves the two
   * households nearest to the loneliest house onto its point, as flats of one building are placed at
   * its door.
   */
  async function findOrMakeSharedPoint(): Promise<SharedPoint> {
    let found = await sharedPoints();
    if (!found.length) {
      const { rows } = await database.pool.query<{ id: string; grid_id: string; lng: number; lat: number }>(
        `with mine as (${OFFICER01_HOUSEHOLDS})
         select a.id, a.grid_id, a.lng, a.lat from mine a where a.grid_id is not null
          order by (select min((b.lng - a.lng) ^ 2 + (b.lat - a.lat) ^ 2) from mine b where b.id <> a.id) desc
          limit 1`,
      );
      const anchor = rows[0];
      if (!anchor) throw new Error('the demo seed has no located household for officer01');
      const { rows: movers } = await database.pool.query<{ id: string }>(
        `with mine as (${OFFICER01_HOUSEHOLDS})
         select id from mine where grid_id = $1 and id <> $2
          order by (lng - $3) ^ 2 + (lat - $4) ^ 2 limit 2`,
        [anchor.grid_id, anchor.id, anchor.lng, anchor.lat],
      );
      const { context } = await signIn(DESKTOP);
      for (const { id } of movers) {
        const moved = await context.request.patch(`${server.url}/api/v1/households/${id}`, {
          data: { lng: anchor.lng, lat: anchor.lat },
        });
        expect(moved.status()).toBe(200);
      }
      await context.close();
      found = await sharedPoints();
    }
    const first = found[0];
    if (!first) throw new Error('no point shared by two or more of officer01’s households');
    return first;
  }

  /** Screenshots wait for the popover's or drawer's opening animation to end. */
  async function screenshot(page: Page, name: string) {
    await expect
      .poll(() => page.locator('[class*="-appear"], [class*="-enter"]').count(), { timeout: WAIT })
      .toBe(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, name) });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startServer({ DATABASE_URL: database.url, FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD });
    browser = await launchBrowser();
    shared = await findOrMakeSharedPoint();
    expect(shared.ids.length).toBeGreaterThan(1);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('a click on the shared point lists every household there; Escape closes; Tab and Enter open one', async () => {
    const { context, page } = await signIn(DESKTOP);
    const spot = await zoomTo(page, 20);
    // Past the cluster zoom the households draw as one dot.
    expect(spot.clusterSize).toBeNull();
    expect([...spot.ids].sort()).toEqual(shared.ids);

    await page.mouse.click(spot.pageX, spot.pageY);
    expect([...(await listedIds(page))].sort()).toEqual(shared.ids);
    const list = page.getByTestId('stacked-households');
    const rows = page.getByTestId('stacked-household');
    for (let i = 0; i < shared.ids.length; i++) {
      const text = (await rows.nth(i).textContent()) ?? '';
      // officer01 is these grids' own officer: the door shows, not the village-and-street mask (issue 9).
      expect(text).not.toContain('****');
      expect(text).toMatch(/\d+号/);
      expect(text).toContain('户主');
    }
    // The list takes the focus, so the keyboard works at once; Escape gives it back to the map.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('stacked-households');
    await screenshot(page, 'map-stacked-households-point.png');
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached', timeout: WAIT });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas')))
      .toBe(true);

    // Again, then by keyboard only: Tab past the close button to the last row, Enter opens it.
    await page.mouse.click(spot.pageX, spot.pageY);
    const order = await listedIds(page);
    const target = order[order.length - 1] as string;
    await page.keyboard.press('Tab'); // the close button
    for (let i = 0; i < order.length; i++) await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-household-id')))
      .toBe(target);
    await page.keyboard.press('Enter');
    await page.getByTestId('household-file').waitFor({ timeout: WAIT });
    expect(new URL(page.url()).pathname).toBe(`/households/${target}`);
    await context.close();
  });

  it('a cluster whose households share one point lists them instead of zooming in', async () => {
    // Zooming out gathers the point into a cluster; alone only when nothing else lies within the
    // cluster radius (40 px, about 41 m at zoom 16).
    if (shared.isolation < 60) return;
    const { context, page } = await signIn(DESKTOP);
    const spot = await zoomTo(page, 16);
    expect(spot.clusterSize).toBe(shared.ids.length);
    const zoomBefore = await page
      .getByTestId('grid-map')
      .evaluate((element) =>
        (element as HTMLElement & { maplibreMap: { getZoom(): number } }).maplibreMap.getZoom(),
      );
    await page.mouse.click(spot.pageX, spot.pageY);
    expect([...(await listedIds(page))].sort()).toEqual(shared.ids);
    const zoomAfter = await page
      .getByTestId('grid-map')
      .evaluate((element) =>
        (element as HTMLElement & { maplibreMap: { getZoom(): number } }).maplibreMap.getZoom(),
      );
    expect(zoomAfter).toBe(zoomBefore);
    await screenshot(page, 'map-stacked-households.png');
    // A pointer click on a row opens that household's file.
    const first = page.getByTestId('stacked-household').first();
    const id = await first.getAttribute('data-household-id');
    await first.click();
    await page.getByTestId('household-file').waitFor({ timeout: WAIT });
    expect(new URL(page.url()).pathname).toBe(`/households/${id}`);
    await context.close();
  });

  it('on a phone the list opens as a drawer from the bottom', async () => {
    const { context, page } = await signIn(PHONE);
    const spot = await zoomTo(page, 20);
    await page.mouse.click(spot.pageX, spot.pageY);
    expect([...(await listedIds(page))].sort()).toEqual(shared.ids);
    expect(await page.locator('.ant-drawer-bottom').count()).toBe(1);
    await screenshot(page, 'map-stacked-households-phone.png');
    await context.close();
  });
});
