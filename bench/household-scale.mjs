// Issue 3's scale targets on a city-scale register (`seed demo --scale city`: 1,000,000 households):
// exact ID-number search and a filtered page of 50, each p95 < 50 ms, next to a bare Fastify route
// replaying the same statements with the same parameters through the same driver, in the same run.
// Usage: node bench/household-scale.mjs <data dir seeded with --scale city and --password Bench-Pass-2026>

import path from 'node:path';
import { postmasterPidOf } from './lib/cpu-meter.mjs';
import { runLoad, summarize } from './lib/load.mjs';
import { loginCookie } from './lib/login.mjs';
import { listeningUrl } from './lib/net-util.mjs';
import { captureStatements, startReplayTwin } from './lib/replay-twin.mjs';
import { importServer } from './lib/server-dist.mjs';

const dataDir = process.argv[2];
/** Latency is the question here, not throughput: a couple of users at once, not a saturated server. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 2);
if (!dataDir) throw new Error('usage: node bench/household-scale.mjs <seeded data dir>');

const { loadConfig } = await importServer('config.js');
const { openRuntime } = await importServer('runtime.js');
const { buildApp } = await importServer('app.js');
const { buildDemoStation } = await importServer('lib/demo/demo-station.js');
const { demoGridInputs, generateDemoHouseholds } = await importServer('lib/demo/demo-households.js');

const runtime = await openRuntime(loadConfig({ FENGQIAO_DATA_DIR: dataDir }), {
  info() {},
  warn: console.warn,
});
const app = await buildApp({
  database: runtime.database,
  keys: runtime.keys,
  auditCheckpointFile: path.join(dataDir, 'audit-checkpoints.log'),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const url = listeningUrl(app);
const cookie = await loginCookie(url, 'chief', process.env.BENCH_PASSWORD ?? 'Bench-Pass-2026');
const counts = await runtime.database.pool.query(
  'select (select count(*) from households)::int as households, (select count(*) from residents)::int as residents',
);
console.log(`register: ${JSON.stringify(counts.rows[0])}`);

// The seed is deterministic for (seed, day): the generator gives back real ID numbers to look up.
const station = buildDemoStation();
const sample = generateDemoHouseholds(demoGridInputs(station), {
  seed: station.seed,
  households: counts.rows[0].households,
});
const ids = [];
for (const h of sample) {
  ids.push(h.residents[0].idCard);
  if (ids.length === 500) break;
}
const idCard = ids[499];

const endpoints = {
  '/id-search': `/api/v1/residents?q=${idCard}`,
  '/tag-page': `/api/v1/residents?tag=${encodeURIComponent('独居老人')}&limit=50`,
  '/household-page': `/api/v1/households?limit=50`,
};
const routes = {};
for (const [twinPath, appPath] of Object.entries(endpoints)) {
  const check = await fetch(url + appPath, { headers: { cookie } });
  const body = await check.json();
  console.log(`${appPath}: ${check.status}, ${body.items?.length ?? 0} items`);
  routes[twinPath] = (
    await captureStatements(runtime.database.pool, () => fetch(url + appPath, { headers: { cookie } }))
  ).filter(
    (s) =>
      !/audit_log|audit_seals|pg_advisory|^(begin|commit|rollback|savepoint|release)/i.test(s.text.trim()),
  );
}
const twin = await startReplayTwin(runtime.database.pool.options.connectionString, routes);
const postmasterPid = postmasterPidOf(dataDir);
const rows = [];
for (const [twinPath, appPath] of Object.entries(endpoints)) {
  const ours = summarize([
    await runLoad({
      url: url + appPath,
      cookie,
      connections: CONNECTIONS,
      durationSeconds: 8,
      postmasterPid,
    }),
  ]);
  const bare = summarize([
    await runLoad({ url: twin.url + twinPath, connections: CONNECTIONS, durationSeconds: 8, postmasterPid }),
  ]);
  rows.push({
    endpoint: appPath.slice(0, 60),
    ours: ours.rps,
    bare: bare.rps,
    oursP95: ours.latencyMs.p95,
    bareP95: bare.latencyMs.p95,
  });
}
console.table(rows);
console.log(`target: p95 < 50 ms for the ID search and the filtered page (${CONNECTIONS} connections)`);
await twin.close();
await app.close();
await runtime.close();
