// Import throughput: N households (≈3N residents) written to an xlsx, then imported end to end
// (store the file sealed, queue, read, validate, encrypt, write) as a background job on pg-boss, the
// way POST /household-imports runs it, polled as the web polls it.
// Usage: node bench/import-households.mjs [households=100000] [columns|register]
// `register` writes the file as village committees keep it: two title rows (the first merged across
// the sheet) above the header, and the whole address in one 住址 column, which the import splits.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { importServer } from './lib/server-dist.mjs';
import { makeDataDir } from './lib/start-app.mjs';

const households = Number(process.argv[2] ?? 100_000);
const register = process.argv[3] === 'register';
const dataDir = makeDataDir();
const file = path.join(dataDir, 'households.xlsx');

const { loadConfig } = await importServer('config.js');
const { openRuntime } = await importServer('runtime.js');
const { seedDemoStation } = await importServer('modules/demo/demo-seed.service.js');
const { buildDemoStation } = await importServer('lib/demo/demo-station.js');
const { demoGridInputs, generateDemoHouseholds } = await importServer('lib/demo/demo-households.js');
const { enqueueHouseholdImport, getHouseholdImport } = await importServer(
  'modules/household-import/household-import-job.service.js',
);
const { startJobQueue } = await importServer('jobs/job-queue.js');
const { startWorkers } = await importServer('jobs/workers.js');
const { actorFromUser } = await importServer('modules/auth/actor-from-user.js');
const { findUserByUsername } = await importServer('modules/users/user.repository.js');

const runtime = await openRuntime(loadConfig({ FENGQIAO_DATA_DIR: dataDir }), {
  info() {},
  warn: console.warn,
});
const system = { db: runtime.database.db, keys: runtime.keys };
const jobs = await startJobQueue(runtime.database.url, { pollingIntervalSeconds: 0.5 });
const workers = await startWorkers(jobs, system);
try {
  await seedDemoStation(system, { password: 'Bench-Pass-2026', households: 0 });

  let t = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = workbook.addWorksheet('住户');
  const header = register
    ? ['住址', '经度', '纬度', '姓名', '身份证号', '手机号', '与户主关系', '户籍类型', '标签']
    : [
        '村/社区',
        '街路',
        '楼栋',
        '单元',
        '门牌号',
        '经度',
        '纬度',
        '姓名',
        '身份证号',
        '手机号',
        '与户主关系',
        '户籍类型',
        '标签',
      ];
  if (register) {
    const title = sheet.addRow(['诸暨市枫桥镇户籍人口登记表（2026年11月）']);
    sheet.mergeCells(1, 1, 1, header.length);
    title.commit();
    sheet.addRow(['填报单位：枫桥派出所    填报日期：2026年11月5日']).commit();
  }
  sheet.addRow(header).commit();
  let residents = 0;
  const grids = demoGridInputs(buildDemoStation());
  for (const h of generateDemoHouseholds(grids, { seed: 7, households })) {
    for (const r of h.residents) {
      const a = h.address;
      const address = register
        ? [`诸暨市枫桥镇${a.community}${a.street}${a.building ?? ''}${a.unit ?? ''}${a.room}`]
        : [a.community, a.street, a.building ?? '', a.unit ?? '', a.room];
      sheet
        .addRow([
          ...address,
          h.lng,
          h.lat,
          r.name,
          r.idCard,
          r.phone ?? '',
          r.relation,
          r.residenceType,
          r.tags.join('、'),
        ])
        .commit();
      residents++;
    }
  }
  await workbook.commit();
  console.log(
    `wrote ${households} households / ${residents} residents to xlsx in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  // The chief's register (station-wide), imported with an officer's rights (import, and
  // resident.sensitive for 重点关注): the job takes the importer's rights from their account as it runs.
  await runtime.database.pool.query(
    "update users set roles = array['station_chief', 'community_officer'] where username = 'chief'",
  );
  const user = await findUserByUsername(system.db, 'chief');
  const ctx = { ...system, actor: actorFromUser(user, { sessionId: 'bench' }), ip: null };
  t = performance.now();
  const queued = await enqueueHouseholdImport(ctx, jobs, {
    input: { bytes: readFileSync(file) },
    mode: 'commit',
  });
  const enqueued = performance.now();
  // When each phase was first seen by a poller (every 200 ms, as the web polls every 700 ms).
  const seen = {};
  let job = queued;
  while (job.status !== 'succeeded' && job.status !== 'failed') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    job = await getHouseholdImport(ctx, queued.id);
    seen[job.progress.phase] ??= performance.now();
  }
  const at = (phase) => (((seen[phase] ?? performance.now()) - t) / 1000).toFixed(1);
  console.log(
    `job ${job.status} after ${job.attempts} run(s); store + queue ${((enqueued - t) / 1000).toFixed(1)} s; phases first seen at: validate ${at('validate')} s, check ${at('check')} s, write ${at('write')} s, done ${at('done')} s`,
  );
  if (job.status !== 'succeeded') {
    console.error('the import job failed:', job.failure);
    process.exitCode = 1;
  }
  const seconds = (performance.now() - t) / 1000;
  const report = job.report ?? { rowsRead: 0, errors: [], written: null };
  console.log(
    `import: header on row ${report.headerRow}, ${report.rowsRead} rows, ${report.errors.length} errors, written ${JSON.stringify(report.written)}`,
  );
  if (!report.written || report.errors.length) {
    console.error('the import did not write the file; first errors:', report.errors.slice(0, 5));
    process.exitCode = 1;
  }
  console.log(
    `end to end ${seconds.toFixed(1)} s = ${Math.round(residents / seconds)} residents/s (target ≥ 5000)`,
  );
} finally {
  workers.stop();
  await jobs.stop();
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
}
