import path from 'node:path';
import { type ImportMode, MAX_HEADER_ROW } from '@fengqiao/shared';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config.js';
import { AppError, verbatim } from '../http/app-error.js';
import { actorFromUser } from '../modules/auth/index.js';
import {
  ImportMappingError,
  type ProgressListener,
  runHouseholdImportHere,
} from '../modules/household-import/index.js';
import { findAccount } from '../modules/users/index.js';
import { openRuntime } from '../runtime.js';

const PHASE_LABELS = {
  validate: '校验 (checking)',
  check: '核对档案 (checking the register)',
  write: '写入 (writing)',
} as const;

/**
 * A one-line progress bar on stderr, redrawn in place; plain lines when stderr is not a terminal. Fed
 * by the import job's own progress, as the job's row (what the web shows) is.
 */
function progressReporter(): ProgressListener {
  let last = 0;
  let lastPhase = '';
  return (phase, done, total) => {
    const now = Date.now();
    if (now - last < 200 && done !== total && phase === lastPhase) return;
    last = now;
    lastPhase = phase;
    const label = PHASE_LABELS[phase];
    const bar = total
      ? `[${'#'.repeat(Math.round((done / total) * 30)).padEnd(30, '.')}] ${done}/${total}`
      : `${done} 行`;
    if (process.stderr.isTTY) process.stderr.write(`\r${label} ${bar}   `);
    else process.stderr.write(`${label} ${bar}\n`);
  };
}

function parseHeaderRow(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_HEADER_ROW) {
    throw new InvalidArgumentError(`表头行应为 1 到 ${MAX_HEADER_ROW} 之间的整数 (a row number from 1)`);
  }
  return n;
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
    .option(
      '--header-row <n>',
      'the header is on this row (1-based, as Excel numbers rows); default: found past any title rows',
      parseHeaderRow,
    )
    .action(
      async (
        file: string,
        opts: {
          username: string;
          commit?: boolean;
          validOnly?: boolean;
          gcj02?: boolean;
          headerRow?: number;
        },
      ) => {
        const runtime = await openRuntime(
          loadConfig(),
          { info: () => {}, warn: (m) => process.stderr.write(`${m}\n`) },
          { joinRunningServer: true },
        );
        try {
          const db = runtime.database.db;
          const user = await findAccount(db, opts.username);
          if (!user || user.disabled) throw new Error(`用户不存在或已停用 (no active user ${opts.username})`);
          const mode: ImportMode = opts.validOnly ? 'commit-valid' : opts.commit ? 'commit' : 'dry-run';
          const started = Date.now();
          const job = await runHouseholdImportHere(
            { db, keys: runtime.keys, actor: actorFromUser(user, { sessionId: 'cli' }), ip: null },
            {
              input: { path: path.resolve(file) },
              coordSystem: opts.gcj02 ? 'gcj02' : 'wgs84',
              headerRow: opts.headerRow,
              mode,
            },
            progressReporter(),
          ).catch((error: unknown) => {
            // Which columns the file has, so the header can be renamed to what the import recognises.
            if (error instanceof ImportMappingError) {
              const columns = error.header.map((name, i) => `${i + 1}. ${name || '（空）'}`).join('  ');
              process.stderr.write(`文件表头 (header, row ${error.headerRow}): ${columns}\n`);
              process.stderr.write('表头不在这一行时，用 --header-row N 指定 (use --header-row N)\n');
            }
            throw error;
          });
          process.stderr.write(`导入任务 (import job) ${job.id}\n`);
          const report = job.report;
          if (!report) {
            const failure = job.failure;
            throw new AppError(
              failure?.status ?? 500,
              failure?.code ?? 'import_failed',
              failure ? verbatim(failure.detail).params : undefined,
              failure?.errors?.map((e) => ({ field: e.field, ...verbatim(e.message) })),
              { key: failure ? 'verbatim' : 'import_failed' },
            );
          }
          const seconds = (Date.now() - started) / 1000;
          process.stderr.write('\n');
          process.stdout.write(`表头：第 ${report.headerRow} 行 (header on row ${report.headerRow})\n`);
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
