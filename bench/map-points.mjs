// Issue 3: "the map stays interactive with 20,000 household points in view".
// Seeds the demo station (15,000 households) in a fresh data dir, adds households on the same grids
// through the bulk service until ≥ 20,000 lie in the chief's view, starts the real `fengqiao serve`
// on it, then measures:
//   - GET /api/v1/households/map-points: time to the last byte, payload raw and gzip;
//   - in headless Chromium, the home map: navigation → points drawn (map idle), long tasks;
//   - fps and longest frame of a scripted pan and zoom, against the same map with the household
//     layer answered empty (the baseline), in the same run, ABBA order.
// Usage: node bench/map-points.mjs   (after `npm run build`; needs /usr/bin/chromium)
// Env: BENCH_EXTRA_HOUSEHOLDS (default 6000), BENCH_ROUNDS (3), BENCH_KEEP_DATA=1,
//      BENCH_SCREENSHOT=<png path> (default bench/results/map-20k-points.png), BENCH_PROFILE=1 (main-thread
//      CPU profile of each pan+zoom to bench/results/*.cpuprofile; build the web with --minify false to read it).

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { BENCH_PASSWORD, loginCookie } from './lib/login.mjs';
import { installPageTiming, panAndZoom, startFrames, stopFrames } from './lib/page-timing.mjs';
import { machineInfo } from './lib/report.mjs';
import { importServer } from './lib/server-dist.mjs';
import { makeDataDir } from './lib/start-app.mjs';
import { startServe } from './warm-start.mjs';

const EXTRA = Number(process.env.BENCH_EXTRA_HOUSEHOLDS ?? 6000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const API_RUNS = 10;
const VIEWPORT = { width: 1440, height: 900 };
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const SCREENSHOT = process.env.BENCH_SCREENSHOT ?? path.join(RESULTS, 'map-20k-points.png');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
if (!CHROMIUM) throw new Error('chromium not found: apt-get install chromium (or set CHROMIUM_PATH)');

const round1 = (n) => Math.round(n * 10) / 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Phase 1: the demo station plus EXTRA households from another seed, through the bulk write path. */
async function seedRegister(dataDir) {
  const { loadConfig } = await importServer('config.js');
  const { openRuntime } = await importServer('runtime.js');
  const { demoToBulk, seedDemoStation } = await importServer('modules/demo/demo-seed.service.js');
  const { buildDemoStation } = await importServer('lib/demo/demo-station.js');
  const { demoGridInputs, generateDemoHouseholds } = await importServer('lib/demo/demo-households.js');
  const { analyzeRegister, writeHouseholdBatch } = await importServer('modules/household-import/index.js');
  const { loadGridLocator } = await importServer('modules/households/index.js');
  const { listHouseholdPoints } = await importServer('modules/households/household.repository.js');

  const runtime = await openRuntime(loadConfig({ FENGQIAO_DATA_DIR: dataDir }), {
    info() {},
    warn: console.warn,
  });
  try {
    const system = { db: runtime.database.db, keys: runtime.keys };
    let t = performance.now();
    await seedDemoStation(system, { password: BENCH_PASSWORD });
    console.log(`demo station seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const { pool } = runtime.database;
    const station = (await pool.query(`select id, path from org_units where kind = 'station'`)).rows[0];
    t = performance.now();
    let created = 0;
    await system.db.transaction(async (tx) => {
      const target = {
        db: tx,
        keys: runtime.keys,
        stationId: station.id,
        fallbackPath: station.path,
        scopePath: station.path,
        actor: null,
      };
      const locate = await loadGridLocator(tx, station.id, station.path);
      let batch = [];
      const flush = async () => {
        created += (await writeHouseholdBatch(target, locate, batch)).householdsCreated;
        batch = [];
      };
      // Another seed than the demo's: other addresses and people on the same grids.
      for (const h of generateDemoHouseholds(demoGridInputs(buildDemoStation()), {
        seed: 20_000,
        households: EXTRA,
      })) {
        // 之二: a second door at the same number, so no address repeats one of the demo's.
        batch.push(demoToBulk(h, `${h.address.room}之二`));
        if (batch.length === 1000) await flush();
      }
      if (batch.length) await flush();
    });
    await analyzeRegister(system.db);
    const counts = (
      await pool.query(
        `select count(*)::int as households, count(*) filter (where lng is not null)::int as located,
                (select count(*) from residents)::int as residents from households`,
      )
    ).rows[0];
    console.log(
      `added ${created} households in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`,
    );

    // The map query alone, as the route sends it (chief = whole station), for the SQL share of the time.
    const sqlMs = [];
    for (let i = 0; i < 6; i++) {
      t = performance.now();
      await listHouseholdPoints(system.db, `${station.path}%`, 50_001);
      if (i > 0) sqlMs.push(performance.now() - t);
    }
    return { counts, created, sqlMs: round1(median(sqlMs)) };
  } finally {
    await runtime.close();
  }
}

/** One GET with exact headers (fetch would add its own Accept-Encoding); bytes as they came over the wire. */
function get(url, headers) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          headers: response.headers,
          wire: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

function decode(response) {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'gzip') return zlib.gunzipSync(response.wire);
  if (encoding === 'br') return zlib.brotliDecompressSync(response.wire);
  if (encoding === 'deflate') return zlib.inflateSync(response.wire);
  return response.wire;
}

/** Phase 2: the endpoint on its own, identity and gzip, sequential requests after one warm-up. */
async function measureApi(url, cookie) {
  const endpoint = `${url}/api/v1/households/map-points`;
  const out = {};
  let body = null;
  for (const [name, acceptEncoding] of [
    ['identity', 'identity'],
    ['gzip', 'gzip'],
  ]) {
    const headers = { cookie, 'accept-encoding': acceptEncoding };
    const first = await get(endpoint, headers);
    if (first.status !== 200) throw new Error(`map-points answered ${first.status}: ${first.wire}`);
    const times = [];
    for (let i = 0; i < API_RUNS; i++) times.push((await get(endpoint, headers)).ms);
    const raw = decode(first);
    body ??= raw;
    out[name] = {
      medianMs: round1(median(times)),
      maxMs: round1(Math.max(...times)),
      wireBytes: first.wire.length,
      contentEncoding: first.headers['content-encoding'] ?? 'identity',
    };
  }
  let t = performance.now();
  const parsed = JSON.parse(body.toString('utf8'));
  const parseMs = performance.now() - t;
  t = performance.now();
  const gzipped = zlib.gzipSync(body);
  const gzipMs = performance.now() - t;
  const points = parsed.features?.length ?? parsed.points?.length ?? parsed.ids?.length ?? 0;
  return {
    points,
    truncated: parsed.truncated,
    rawBytes: body.length,
    gzipBytes: gzipped.length,
    gzipMs: round1(gzipMs),
    nodeJsonParseMs: round1(parseMs),
    ...out,
    emptyBody: emptyLike(parsed),
  };
}

/** The same response shape with no points, for the baseline (the household layer empty). */
function emptyLike(parsed) {
  const empty = { ...parsed, truncated: false };
  for (const key of ['features', 'points', 'ids']) if (key in parsed) empty[key] = [];
  return JSON.stringify(empty);
}

/** CPU seconds so far of every Chromium process (browser, renderers, GPU, network…), by pid. */
async function chromiumCpu(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return new Map(processInfo.map((p) => [p.id, { type: p.type, cpu: p.cpuTime }]));
}

/** CPU ms spent between two snapshots: all processes, and the renderers + GPU (drawing) alone. */
function cpuSpent(before, after) {
  let all = 0;
  let drawing = 0;
  for (const [pid, p] of after) {
    const spent = p.cpu - (before.get(pid)?.cpu ?? 0);
    all += spent;
    if (p.type === 'renderer' || p.type === 'GPU') drawing += spent;
  }
  return { allMs: Math.round(all * 1000), rendererGpuMs: Math.round(drawing * 1000) };
}

/** Phase 3: one page load + the scripted interaction, with real points or with the layer empty. */
async function measurePage(
  browser,
  cdp,
  url,
  cookie,
  variant,
  emptyBody,
  screenshot,
  { interact = true } = {},
) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url }]);
  if (variant === 'baseline') {
    await context.route('**/api/v1/households/map-points*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: emptyBody }),
    );
  }
  await context.addInitScript(installPageTiming);
  const page = await context.newPage();
  try {
    const cpuBeforeLoad = await chromiumCpu(cdp);
    await page.goto(`${url}/`);
    const map = page.getByTestId('grid-map');
    await page.locator('[data-testid="grid-map"][data-household-count]').waitFor({ timeout: 120_000 });
    const drawnCount = Number(await map.getAttribute('data-household-count'));
    const loadCpu = cpuSpent(cpuBeforeLoad, await chromiumCpu(cdp));
    const load = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance
        .getEntriesByType('resource')
        .find((r) => r.name.includes('/api/v1/households/map-points'));
      return {
        marks: window.__bench.marks,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        pointsRequest: res
          ? {
              start: res.startTime,
              end: res.responseEnd,
              transferSize: res.transferSize,
              encodedBodySize: res.encodedBodySize,
              decodedBodySize: res.decodedBodySize,
            }
          : null,
        longTasks: window.__bench.longTasks.length,
        longTaskMs: window.__bench.longTasks.reduce((s, t) => s + t.duration, 0),
        longestTaskMs: Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)),
      };
    });
    if (screenshot) {
      mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot });
    }
    if (!interact) return null;
    await page.waitForTimeout(1000);
    const box = await map.boundingBox();
    const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    const cpuBefore = await chromiumCpu(cdp);
    await page.evaluate(startFrames);
    await panAndZoom(page, box, {
      whenZoomedIn: process.env.BENCH_DEBUG_SHOTS
        ? () => page.screenshot({ path: path.join(RESULTS, `zoomed-${variant}.png`) })
        : undefined,
    });
    const frames = await page.evaluate(stopFrames);
    frames.cpu = cpuSpent(cpuBefore, await chromiumCpu(cdp));
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      writeFileSync(path.join(RESULTS, `pan-zoom-${variant}.cpuprofile`), JSON.stringify(profile));
    }
    return { variant, drawnCount, load: { ...load, cpu: loadCpu }, frames };
  } finally {
    await context.close();
  }
}

const dataDir = makeDataDir();
const results = {
  when: new Date().toISOString(),
  machine: machineInfo(),
  gpu: 'none (SwiftShader software GL)',
  loadAverageAtStart: os.loadavg().map(round1),
};
let server;
let browser;
try {
  results.register = await seedRegister(dataDir);
  server = await startServe(dataDir);
  console.log(`serve ready in ${server.readyMs} ms at ${server.url}`);
  const cookie = await loginCookie(server.url, 'chief');
  results.api = await measureApi(server.url, cookie);
  const { emptyBody, ...api } = results.api;
  results.api = api;
  console.log('map-points:', api);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-gl=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  results.chromium = browser.version();
  const cdp = await browser.newBrowserCDPSession();
  // One unmeasured load first, so no measured run pays for a cold server, GPU process or OS cache.
  await measurePage(browser, cdp, server.url, cookie, 'baseline', emptyBody, null, { interact: false });
  // ABBA: a change in background load during the run hits both variants alike.
  const order = [];
  for (let r = 0; r < ROUNDS; r++) order.push(...(r % 2 ? ['baseline', 'points'] : ['points', 'baseline']));
  results.pages = [];
  for (const [i, variant] of order.entries()) {
    const shot = i === 0 ? SCREENSHOT : null;
    const run = await measurePage(browser, cdp, server.url, cookie, variant, emptyBody, shot);
    console.log(
      `${variant.padEnd(8)} drawn ${run.drawnCount} points at ${Math.round(run.load.marks.pointsDrawn)} ms; ` +
        `pan+zoom ${run.frames.fps.toFixed(1)} fps, longest frame ${Math.round(run.frames.longestFrameMs)} ms, ` +
        `${run.frames.framesOver50ms} frames > 50 ms, ${run.frames.longTasks} long tasks; ` +
        `Chromium CPU: load ${run.load.cpu.allMs} ms, pan+zoom ${run.frames.cpu.allMs} ms`,
    );
    results.pages.push(run);
  }

  const of = (variant) => results.pages.filter((p) => p.variant === variant);
  const summary = (runs) => ({
    drawnCount: runs[0].drawnCount,
    pointsDrawnMs: Math.round(median(runs.map((r) => r.load.marks.pointsDrawn))),
    gridsDrawnMs: Math.round(median(runs.map((r) => r.load.marks.gridsDrawn ?? Number.NaN))),
    pointsResponseEndMs: Math.round(median(runs.map((r) => r.load.pointsRequest?.end ?? Number.NaN))),
    transferBytes: runs[0].load.pointsRequest?.transferSize ?? null,
    loadLongTaskMs: Math.round(median(runs.map((r) => r.load.longTaskMs))),
    loadLongestTaskMs: Math.round(Math.max(...runs.map((r) => r.load.longestTaskMs))),
    fps: round1(median(runs.map((r) => r.frames.fps))),
    longestFrameMs: Math.round(Math.max(...runs.map((r) => r.frames.longestFrameMs))),
    p95FrameMs: round1(median(runs.map((r) => r.frames.p95FrameMs))),
    framesOver50ms: round1(median(runs.map((r) => r.frames.framesOver50ms))),
    interactionLongTaskMs: Math.round(median(runs.map((r) => r.frames.longTaskMs))),
    loadCpuMs: Math.round(median(runs.map((r) => r.load.cpu.allMs))),
    interactionCpuMs: Math.round(median(runs.map((r) => r.frames.cpu.allMs))),
    interactionRendererGpuMs: Math.round(median(runs.map((r) => r.frames.cpu.rendererGpuMs))),
  });
  results.summary = { points: summary(of('points')), baseline: summary(of('baseline')) };
  results.summary.fpsRatio =
    Math.round((results.summary.points.fps / results.summary.baseline.fps) * 100) / 100;
  results.summary.cpuRatio =
    Math.round((results.summary.points.interactionCpuMs / results.summary.baseline.interactionCpuMs) * 100) /
    100;

  const p = results.summary.points;
  const b = results.summary.baseline;
  console.log(`\nmap-points (${api.points} points, truncated ${api.truncated}):`);
  console.log(
    `  response ${api.identity.medianMs} ms identity / ${api.gzip.medianMs} ms with Accept-Encoding: gzip ` +
      `(median of ${API_RUNS}; SQL alone ${results.register.sqlMs} ms)`,
  );
  console.log(
    `  payload ${(api.rawBytes / 1024).toFixed(0)} KiB raw, ${(api.gzipBytes / 1024).toFixed(0)} KiB gzip; ` +
      `on the wire when gzip is asked: ${(api.gzip.wireBytes / 1024).toFixed(0)} KiB (${api.gzip.contentEncoding})`,
  );
  console.log(
    `\nhome map, headless Chromium ${results.chromium}, no GPU (SwiftShader), ${VIEWPORT.width}×${VIEWPORT.height}:`,
  );
  console.log('                              20k points   baseline (layer empty)');
  const line = (label, a, c) =>
    console.log(`  ${label.padEnd(28)}${String(a).padStart(10)}   ${String(c).padStart(10)}`);
  line('navigation → points drawn ms', p.pointsDrawnMs, b.pointsDrawnMs);
  line('map-points response end ms', p.pointsResponseEndMs, b.pointsResponseEndMs);
  line('long tasks during load ms', p.loadLongTaskMs, b.loadLongTaskMs);
  line('longest task during load ms', p.loadLongestTaskMs, b.loadLongestTaskMs);
  line('pan+zoom fps', p.fps, b.fps);
  line('longest frame ms', p.longestFrameMs, b.longestFrameMs);
  line('p95 frame ms', p.p95FrameMs, b.p95FrameMs);
  line('frames > 50 ms', p.framesOver50ms, b.framesOver50ms);
  line('long tasks in pan+zoom ms', p.interactionLongTaskMs, b.interactionLongTaskMs);
  line('Chromium CPU, load ms', p.loadCpuMs, b.loadCpuMs);
  line('Chromium CPU, pan+zoom ms', p.interactionCpuMs, b.interactionCpuMs);
  line('  of it renderer + GPU ms', p.interactionRendererGpuMs, b.interactionRendererGpuMs);
  console.log(`  fps ratio (20k points / baseline): ${results.summary.fpsRatio}`);
  console.log(`  Chromium CPU ratio in pan+zoom (20k points / baseline): ${results.summary.cpuRatio}`);
  results.loadAverageAtEnd = os.loadavg().map(round1);
  console.log(
    `  (median of ${ROUNDS} runs each, ABBA order; load average ${results.loadAverageAtStart.join(' ')} at start, ${results.loadAverageAtEnd.join(' ')} at end)`,
  );
  console.log(`screenshot: ${SCREENSHOT}`);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'map-points.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results: ${path.join(RESULTS, 'map-points.json')}`);
} finally {
  await browser?.close();
  await server?.stop();
  if (process.env.BENCH_KEEP_DATA === '1') console.log(`data kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}
