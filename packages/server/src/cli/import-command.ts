import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { actorFromUser } from '../modules/auth/actor-from-user.js';
import {
  ImportMappingError,
  type ImportMode,
  importHouseholds,
} from '../modules/households/household-import.service.js';
import { findUserByUsername } from '../modules/users/user.repository.js';
import { openRuntime } from '../runtime.js';

/** A one-line progress bar on stderr, redrawn in place; plain lines when stderr is not a terminal. */
function progressReporter() {
  let last = 0;
  return (phase: 'validate' | 'write', done: number, total?: number) => {
    const now = Date.now();
    if (now - last < 200 && done !== total) return;
    last = now;
    const label = phase === 'validate' ? '校验 (checking)' : '写入 (writing)';
    const bar = total
      ? `[${'#'.repeat(Math.round((done / total) * 30)).padEnd(30, '.')}] ${done}/${total}`
      : `${done} 行`;
    if (process.stderr.isTTY) process.stderr.write(`\r${label} ${bar}   `);
    else process.stderr.write(`${label} ${bar}\n`);
  };
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入数据 (import data)')
    .command('households')
    .description(
      '从 xlsx/csv 导入住户与人员；默认只试导入并报告每一行错误 (import households; dry run unless --commit)',
    )
    .argument('<file>', 'xlsx or csv (UTF-8 or GBK)')
    .requiredOption(
      '--username <name>',
      'import as this user: their scope decides which grids rows may land in',
    )
    .option('--commit', 'write, if every row is valid')
    .option('--valid-only', 'write the valid rows even if some rows are bad')
    .option('--gcj02', 'coordinates in the file are GCJ-02 (Amap/Tencent); default WGS-84')
    .action(
      async (
        file: string,
        opts: { username: string; commit?: boolean; validOnly?: boolean; gcj02?: boolean },
      ) => {
        const runtime = await openRuntime(
          loadConfig(),
          { info: () => {}, warn: (m) => process.stderr.write(`${m}\n`) },
          { joinRunningServer: true },
        );
        try {
          const db = runtime.database.db;
          const user = await findUserByUsername(db, opts.username);
          if (!user || user.disabled) throw new Error(`用户不存在或已停用 (no active user ${opts.username})`);
          const mode: ImportMode = opts.validOnly ? 'commit-valid' : opts.commit ? 'commit' : 'dry-run';
          const started = Date.now();
          const report = await importHouseholds(
            { db, keys: runtime.keys, actor: actorFromUser(user, { sessionId: 'cli' }), ip: null },
            {
              input: { path: path.resolve(file) },
              coordSystem: opts.gcj02 ? 'gcj02' : 'wgs84',
              mode,
              onProgress: progressReporter(),
            },
          ).catch((error: unknown) => {
            // Which columns the file has, so the header can be renamed to what the import recognises.
            if (error instanceof ImportMappingError) {
              const columns = error.header.map((name, i) => `${i + 1}. ${name || '（空）'}`).join('  ');
              process.stderr.write(`文件表头 (header): ${columns}\n`);
            }
            throw error;
          });
          const seconds = (Date.now() - started) / 1000;
          process.stderr.write('\n');
          for (const e of report.errors.slice(0, 200)) {
            process.stdout.write(`第 ${e.row} 行 [${e.column}] ${e.reason}\n`);
          }
          if (report.errors.length > 200)
            process.stdout.write(`……另有 ${report.errors.length - 200} 处错误\n`);
          process.stdout.write(
            `读取 ${report.rowsRead} 行，有效 ${report.validRows} 行，错误 ${report.invalidRows} 行，${report.households} 户（其中 ${report.outsideGrid} 户不在网格内）；用时 ${seconds.toFixed(1)} 秒\n`,
          );
          if (report.written) {
            const w = report.written;
            process.stdout.write(
              `已写入：新建 ${w.householdsCreated} 户，匹配已有 ${w.householdsMatched} 户（共 ${w.outsideGrid} 户不在网格内），新增 ${w.residentsCreated} 人，更新 ${w.residentsUpdated} 人，未变化 ${w.residentsUnchanged} 人\n`,
            );
          } else if (mode === 'dry-run') {
            process.stdout.write(
              '试导入，未写入任何数据。确认无误后加 --commit 正式导入 (dry run: nothing written)\n',
            );
          } else {
            process.stdout.write(
              '有错误行，未写入任何数据；修正后重试，或加 --valid-only 只导入有效行 (nothing written)\n',
            );
          }
          if (report.errors.length > 0 && mode !== 'commit-valid') process.exitCode = 1;
        } finally {
          await runtime.close();
        }
      },
    );
}
