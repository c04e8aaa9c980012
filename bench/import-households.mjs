// Import throughput: N households (≈3N residents) written to an xlsx, then imported end to end
// (read, validate, encrypt, write) through the same service the web and the CLI use.
// Usage: node bench/import-households.mjs [households=100000] [columns|register]
// `register` writes the file as village committees keep it: two title rows (the first merged across
// the sheet) above the header, and the whole address in one 住址 column, which the import splits.
import { rmSync } from 'node:fs';
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
const { importHouseholds } = await importServer('modules/households/household-import.service.js');
const { actorFromUser } = await importServer('modules/auth/actor-from-user.js');
const { findUserByUsername } = await importServer('modules/users/user.repository.js');

const runtime = await openRuntime(loadConfig({ FENGQIAO_DATA_DIR: dataDir }), {
  info() {},
  warn: console.warn,
});
try {
  const system = { db: runtime.database.db, keys: runtime.keys };
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

  const user = await findUserByUsername(system.db, 'chief');
  const ctx = {
    ...system,
    // The chief's register, imported with the officer's import right: 重点关注 needs resident.sensitive.
    actor: {
      ...actorFromUser(user, { sessionId: 'bench' }),
      permissions: new Set(['household.import', 'resident.sensitive']),
    },
    ip: null,
  };
  t = performance.now();
  let validated = 0;
  const report = await importHouseholds(ctx, {
    input: { path: file },
    mode: 'commit',
    onProgress: (phase) => {
      if (phase === 'write' && !validated) validated = performance.now();
    },
  });
  console.log(
    `read + validate ${((validated - t) / 1000).toFixed(1)} s, write ${((performance.now() - validated) / 1000).toFixed(1)} s (first batch included in validate)`,
  );
  const seconds = (performance.now() - t) / 1000;
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
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
}
