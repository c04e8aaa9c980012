// Issue 7: an audited personal-data lookup against its bare twin. The exact ID-number search
// `GET /api/v1/residents?q=<ID>` through the full app (session, policy, scope, masking, and the audit
// row every such search writes) versus a bare Fastify route that runs the same session lookup, the
// same search SQL and one plain INSERT of an audit row (lib/audited-twin.mjs), in the same process and
// run, with the app's background sealer linking both sides' rows into the chain as `serve` does.
// It fails (exit 1, no ratio) when the two sides no longer send the same SQL or answer the same JSON,
// and when the audit chain does not verify after the load.
//
// Usage: node bench/audited-lookup.mjs [data dir]
//   no data dir: a fresh one under the OS temp dir, seeded with the demo station (station scale);
//   a data dir seeded with `seed demo --scale city --password Bench-Pass-2026`: that register.

import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startAuditedTwin } from './lib/audited-twin.mjs';
import { postmasterPidOf } from './lib/cpu-meter.mjs';
import { compareLoad } from './lib/load.mjs';
import { captureStatements } from './lib/replay-twin.mjs';
import { formatLoadTable, machineInfo } from './lib/report.mjs';
import { importServer } from './lib/server-dist.mjs';
import { makeDataDir, startApp } from './lib/start-app.mjs';
import { AUDIT_INSERT, RESIDENT_BY_ID_CARD, SESSION_LOOKUP } from './lib/twin-sql.mjs';

const LOAD = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 2),
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
  rounds: Number(process.env.BENCH_ROUNDS ?? 2),
};
const TARGET = 0.7;
const EXPECTED = [SESSION_LOOKUP, RESIDENT_BY_ID_CARD, AUDIT_INSERT];
/** Audit INSERT parameters that differ on every request by design: the row's id, its time, its MAC. */
const PER_REQUEST = new Set([0, 1, 11]);

const log = (msg) => console.log(`[audited-lookup] ${msg}`);
const round2 = (n) => Math.round(n * 100) / 100;

/** An adult household head with no sensitive tag: the chief sees them unmasked, the twin need not mask. */
async function pickIdNumber(pool) {
  const { buildDemoStation } = await importServer('lib/demo/demo-station.js');
  const { demoGridInputs, generateDemoHouseholds } = await importServer('lib/demo/demo-households.js');
  const { isSensitiveTag } = await importServer('modules/residents/index.js');
  const { ageOn } = await importServer('lib/dates/china-age.js');
  const { rows } = await pool.query('select count(*)::int as n from households');
  const station = buildDemoStation();
  let seen = 0;
  for (const h of generateDemoHouseholds(demoGridInputs(station), {
    seed: station.seed,
    households: rows[0].n,
  })) {
    const head = h.residents[0];
    if (++seen >= 200 && ageOn(head.birthDate) >= 18 && !head.tags.some(isSensitiveTag)) return head.idCard;
  }
  throw new Error('no adult household head without sensitive tags in the register');
}

/** Same statements (text, name, order) on both sides, same parameters bar the per-row ones, same JSON. */
function compareSides(ours, bare) {
  const problems = [];
  const describe = (list) => list.map((s) => `${s.name ?? '(unnamed)'}: ${s.text.slice(0, 90)}`);
  if (ours.statements.length !== EXPECTED.length || bare.statements.length !== EXPECTED.length) {
    problems.push(
      `statement count: app ${ours.statements.length}, twin ${bare.statements.length}, expected ${EXPECTED.length}`,
    );
  }
  EXPECTED.forEach((expected, i) => {
    for (const [side, list] of [
      ['app', ours.statements],
      ['twin', bare.statements],
    ]) {
      const s = list[i];
      if (!s || s.text !== expected.text || s.name !== expected.name)
        problems.push(`${side} statement ${i + 1} differs from bench/lib/twin-sql.mjs`);
    }
    const a = ours.statements[i]?.values ?? [];
    const b = bare.statements[i]?.values ?? [];
    const comparable = (values) =>
      values.map((v, j) => (expected === AUDIT_INSERT && PER_REQUEST.has(j) ? '(per request)' : v));
    if (!isDeepStrictEqual(comparable(a), comparable(b)))
      problems.push(
        `statement ${i + 1} parameters differ: app ${JSON.stringify(a)}, twin ${JSON.stringify(b)}`,
      );
  });
  if (ours.status !== 200 || bare.status !== 200)
    problems.push(`status: app ${ours.status}, twin ${bare.status}`);
  if (!isDeepStrictEqual(JSON.parse(ours.body), JSON.parse(bare.body)))
    problems.push(`JSON differs:\n  app  ${ours.body}\n  twin ${bare.body}`);
  if (problems.length > 0) {
    console.error('app statements:', describe(ours.statements));
    console.error('twin statements:', describe(bare.statements));
  }
  return problems;
}

async function main() {
  const given = process.argv[2];
  const dataDir = given ? path.resolve(given) : makeDataDir();
  log(`data dir ${dataDir}${given ? '' : ' (fresh; seeding the demo station)'}`);
  const app = await startApp(dataDir);
  let twin;
  let failed = false;
  try {
    const pool = app.runtime.database.pool;
    const counts = await pool.query(
      'select (select count(*) from households)::int as households, (select count(*) from residents)::int as residents',
    );
    log(`register: ${JSON.stringify(counts.rows[0])}`);
    twin = await startAuditedTwin({
      connectionString: pool.options.connectionString,
      keys: app.runtime.keys,
    });
    const idNumber = await pickIdNumber(pool);
    const endpoint = `/api/v1/residents?q=${idNumber}`;

    const fetchOnce = async (base) => {
      const response = await fetch(base + endpoint, { headers: { cookie: app.cookie } });
      return { status: response.status, body: await response.text() };
    };
    let oursAnswer;
    const oursStatements = await captureStatements(pool, async () => {
      oursAnswer = await fetchOnce(app.url);
    });
    let bareAnswer;
    const bareStatements = await twin.record(async () => {
      bareAnswer = await fetchOnce(twin.url);
    });
    const problems = compareSides(
      { ...oursAnswer, statements: oursStatements },
      { ...bareAnswer, statements: bareStatements },
    );
    if (problems.length > 0) {
      for (const p of problems) console.error(`[audited-lookup] PARITY FAILED: ${p}`);
      console.error('[audited-lookup] the two sides no longer do the same work: no ratio. Update the twin.');
      failed = true;
      return;
    }
    log('parity: same 3 statements (session lookup, ID search, audit INSERT), same parameters, same JSON');

    const before = await pool.query('select count(*)::int as n from audit_log');
    log(
      `loading ${endpoint.replace(idNumber, '<ID>')}: ${LOAD.warmupSeconds} s warm-up + ${LOAD.durationSeconds} s each side`,
    );
    const { ours, bare } = await compareLoad({
      ...LOAD,
      oursUrl: app.url + endpoint,
      bareUrl: twin.url + endpoint,
      cookie: app.cookie,
      postmasterPid: postmasterPidOf(dataDir),
    });
    const after = await pool.query('select count(*)::int as n from audit_log');
    const row = {
      name: 'GET /api/v1/residents?q=<ID> (audited)',
      ours,
      bare,
      ratio: round2(ours.rps / bare.rps),
      cpuRatio: round2(bare.cpuMsPerRequest.total / ours.cpuMsPerRequest.total),
    };

    const { verifyAuditChain } = await importServer('modules/audit/audit-verify.js');
    const chain = await verifyAuditChain({
      pool,
      keys: app.runtime.keys,
      checkpointFile: path.join(dataDir, 'audit-checkpoints.log'),
    });
    console.log(`\n${formatLoadTable([row])}\n`);
    console.log(
      JSON.stringify({
        date: new Date().toISOString(),
        machine: machineInfo(),
        loadAverage1m: round2(os.loadavg()[0]),
        load: LOAD,
        register: counts.rows[0],
        auditRowsWritten: after.rows[0].n - before.rows[0].n,
        chain,
      }),
    );
    if (!chain.ok) {
      console.error(
        `[audited-lookup] FAILED: the audit chain does not verify after the load: ${chain.reason}`,
      );
      failed = true;
      return;
    }
    console.log(
      `ratio ${row.ratio} (cpu ratio ${row.cpuRatio}); target ≥ ${TARGET}: ${row.ratio >= TARGET ? 'met' : 'NOT met'}`,
    );
  } finally {
    await twin?.close();
    await app.close();
    if (!given && !process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    if (failed) process.exitCode = 1;
  }
}

await main();
