import { ROLES, type Role } from '@fengqiao/shared';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { verifyAuditChain } from '../modules/audit/index.js';
import {
  CITY_HOUSEHOLDS,
  DEMO_HOUSEHOLDS,
  generateDemoPassword,
  seedDemoStation,
} from '../modules/demo/index.js';
import { findOrgUnitByCode } from '../modules/orgs/index.js';
import { createApiTokenAsSystem } from '../modules/tokens/index.js';
import { createUserAsSystem } from '../modules/users/index.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { saveDemoCredentials } from './demo-credentials.js';

const quiet = { info: () => {}, warn: (m: string) => process.stderr.write(`${m}\n`) };

async function withRuntime<T>(work: (runtime: Runtime) => Promise<T>): Promise<T> {
  // Beside a running server the verb uses the cluster that server runs, rather than being refused.
  const runtime = await openRuntime(loadConfig(), quiet, { joinRunningServer: true });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移 (apply database migrations)')
    .action(() =>
      withRuntime(async () => {
        process.stdout.write('数据库已是最新 (migrations applied)\n');
      }),
    );

  program
    .command('seed')
    .description('生成数据 (seed data)')
    .command('demo')
    .description('在空数据库中生成演示派出所 (seed the demo station into an empty database)')
    .option('--scale <scale>', 'station | city', 'station')
    .option('--password <password>', 'password of all demo accounts (default random)')
    .action((opts: { scale: string; password?: string }) =>
      withRuntime(async (runtime) => {
        if (opts.scale !== 'station' && opts.scale !== 'city')
          throw new Error(`未知规模 (unknown scale) ${opts.scale}`);
        const households = opts.scale === 'city' ? CITY_HOUSEHOLDS : DEMO_HOUSEHOLDS;
        let lastReport = 0;
        const result = await seedDemoStation(
          { db: runtime.database.db, keys: runtime.keys },
          {
            password: opts.password ?? process.env.FENGQIAO_DEMO_PASSWORD,
            households,
            onProgress: (done, total) => {
              if (Date.now() - lastReport < 2000 && done < total) return;
              lastReport = Date.now();
              process.stderr.write(`住户 (households) ${done}/${total}\n`);
            },
          },
        );
        process.stdout.write(saveDemoCredentials(loadConfig().dataDir, result));
      }),
    );

  program
    .command('user')
    .description('用户管理 (users)')
    .command('create')
    .description('创建用户 (create a user)')
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--display-name <name>', '姓名')
    .requiredOption('--role <role>', `role, repeatable: ${ROLES.join(', ')}`, collect, [])
    .requiredOption('--org <code>', 'code of the unit the user belongs to')
    .option('--scope <code>', 'code of the data-scope unit (default: --org)')
    .option('--password <password>', 'password (default: random, printed once)')
    .action(
      (opts: {
        username: string;
        displayName: string;
        role: string[];
        org: string;
        scope?: string;
        password?: string;
      }) =>
        withRuntime(async (runtime) => {
          const db = runtime.database.db;
          const unknown = opts.role.filter((r) => !ROLES.includes(r as Role));
          if (unknown.length) throw new Error(`未知角色 (unknown role): ${unknown.join(', ')}`);
          const org = await findOrgUnitByCode(db, opts.org);
          const scope = opts.scope ? await findOrgUnitByCode(db, opts.scope) : org;
          if (!org || !scope)
            throw new Error(`单位编码不存在 (no org unit with code ${opts.scope ?? opts.org})`);
          const password = opts.password ?? generateDemoPassword();
          const id = await createUserAsSystem(
            { db, keys: runtime.keys },
            {
              username: opts.username,
              displayName: opts.displayName,
              password,
              roles: opts.role as Role[],
              orgUnitId: org.id,
              scopeOrgId: scope.id,
            },
          );
          process.stdout.write(`已创建用户 ${opts.username} (${id})\n`);
          if (!opts.password) process.stdout.write(`初始密码 (initial password): ${password}\n`);
        }),
    );

  program
    .command('token')
    .description('接口令牌 (API tokens)')
    .command('create')
    .description('为用户签发接口令牌，令牌只打印一次 (issue a bearer token; printed once)')
    .requiredOption('--username <name>', 'owner of the token')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--scope <code>', "narrow the token to this unit (default: the user's scope)")
    .option('--days <n>', 'expire after n days')
    .action((opts: { username: string; name: string; scope?: string; days?: string }) =>
      withRuntime(async (runtime) => {
        const db = runtime.database.db;
        const scope = opts.scope ? await findOrgUnitByCode(db, opts.scope) : undefined;
        if (opts.scope && !scope) throw new Error(`单位编码不存在 (no org unit with code ${opts.scope})`);
        const { token } = await createApiTokenAsSystem(
          { db, keys: runtime.keys },
          {
            name: opts.name,
            username: opts.username,
            scopeOrgId: scope?.id,
            expiresInDays: opts.days ? Number(opts.days) : undefined,
          },
        );
        process.stdout.write(`${token}\n`);
      }),
    );

  program
    .command('audit')
    .description('审计 (audit)')
    .command('verify')
    .description('校验审计日志哈希链，发现篡改或删除时以状态码 1 退出 (verify the audit hash chain)')
    .action(() =>
      withRuntime(async (runtime) => {
        const checkpointFile = loadConfig().auditCheckpointFile;
        const result = await verifyAuditChain({
          pool: runtime.database.pool,
          keys: runtime.keys,
          checkpointFile,
        });
        if (result.ok) {
          process.stdout.write(
            `审计日志完整：已校验 ${result.checked} 条，对照 ${result.checkpoints} 个检查点 (${checkpointFile}) ` +
              `(audit chain intact: ${result.checked} rows, ${result.checkpoints} checkpoints)\n`,
          );
        } else {
          process.stdout.write(
            `审计日志被篡改：${result.reason} (audit chain tampered: broken at seq ${result.brokenAtSeq ?? '-'})\n`,
          );
          process.exitCode = 1;
        }
      }),
    );
}
