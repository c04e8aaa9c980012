import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateIdCard } from '@fengqiao/shared';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerXlsx } from '../../test/fixtures/import/register-files.js';
import { runCli as runCliIn } from '../../test/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { buildApp } from '../app.js';
import { buildDemoStation, flattenDemoOrg } from '../lib/demo/demo-station.js';
import { polygonCentroid } from '../lib/geo/polygon-validation.js';
import { openAddress } from '../modules/residents/index.js';
import { keysFromMaster, loadOrCreateMasterKey } from '../security/secret-key.js';

const DEMO_PASSWORD = 'Demo-Pass-2026';

let database: TestDatabase;
let dataDir: string;
let env: NodeJS.ProcessEnv;

/** Runs the built `fengqiao` command against this file's own database and data dir. */
const runCli = (...args: string[]) => runCliIn(env, ...args);

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-cli-'));
  env = {
    ...process.env,
    DATABASE_URL: database.url,
    DATABASE_OWNER_URL: database.ownerUrl,
    FENGQIAO_DATA_DIR: dataDir,
    FENGQIAO_SECRET_KEY_FILE: path.join(dataDir, 'secret.key'),
  };
  delete env.FENGQIAO_DEMO_PASSWORD;
});

afterAll(async () => {
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('fengqiao --help', () => {
  it.each(['serve', 'migrate', 'seed demo', 'user create', 'token create', 'audit verify'])(
    'fengqiao %s --help prints usage and exits 0',
    async (verb) => {
      const result = await runCli(...verb.split(' '), '--help');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: fengqiao ${verb}`);
    },
  );
});

describe('fengqiao admin commands', () => {
  it('migrate applies the migrations and exits 0', async () => {
    const result = await runCli('migrate');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('migrations applied');
  });

  it('seed demo loads the demo station and prints the demo logins', async () => {
    const result = await runCli('seed', 'demo', '--password', DEMO_PASSWORD);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(DEMO_PASSWORD);
    for (const username of [
      'officer01',
      'chief',
      'command01',
      'gridworker01',
      'sysadmin',
      'secadmin',
      'auditor',
    ]) {
      expect(result.stdout).toContain(username);
    }
  });

  it('seed demo refuses a database that already has data, in Chinese and with a non-zero exit', async () => {
    const result = await runCli('seed', 'demo', '--password', DEMO_PASSWORD);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('数据库已有数据');
  });

  it('user create refuses an unknown role', async () => {
    const result = await runCli(
      'user',
      'create',
      '--username',
      'x',
      '--display-name',
      '测试',
      '--role',
      'sheriff',
      '--org',
      '330681-FQ-01',
      '--password',
      'Str0ng-Pass!x',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('未知角色');
    expect(result.stderr).toContain('sheriff');
  });

  it('user create refuses a password that contains the username, saying which rule failed', async () => {
    const result = await runCli(
      'user',
      'create',
      '--username',
      'xavier',
      '--display-name',
      '测试',
      '--role',
      'community_officer',
      '--org',
      '330681-FQ-01',
      '--password',
      'Str0ng-Pass!xavier',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('密码不符合复杂度要求');
    expect(result.stderr).toContain('密码不能包含用户名');
  });

  it('user create refuses a username the web could not type', async () => {
    const result = await runCli(
      'user',
      'create',
      '--username',
      'X Y',
      '--display-name',
      '测试',
      '--role',
      'community_officer',
      '--org',
      '330681-FQ-01',
      '--password',
      'Str0ng-Pass!2026',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('用户名');
  });

  it('user create adds a user', async () => {
    const result = await runCli(
      'user',
      'create',
      '--username',
      'tester01',
      '--display-name',
      '测试',
      '--role',
      'community_officer',
      '--org',
      '330681-FQ-01',
      '--password',
      'Str0ng-Pass!x',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('已创建用户 tester01');
    const { rows } = await database.pool.query<{ display_name: string; roles: string[] }>(
      'select display_name, roles from users where username = $1',
      ['tester01'],
    );
    expect(rows).toEqual([{ display_name: '测试', roles: ['community_officer'] }]);
  });

  describe('token create', () => {
    let app: FastifyInstance;

    beforeAll(async () => {
      // The CLI wrote the master key; the server reading the same file derives the same keys.
      const keys = keysFromMaster(loadOrCreateMasterKey(path.join(dataDir, 'secret.key')));
      app = await buildApp({
        database,
        keys,
        auditCheckpointFile: path.join(dataDir, 'audit-checkpoints.log'),
        auditSealEveryMs: 0,
      });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('prints a bearer token that authenticates as its user', async () => {
      const result = await runCli('token', 'create', '--username', 'officer01');
      expect(result.code, result.stderr).toBe(0);
      const token = result.stdout.trim();
      expect(token).toMatch(/^\S{20,}$/);

      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.username).toBe('officer01');

      const forged = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
      });
      expect(forged.statusCode).toBe(401);
    });
  });

  describe('audit verify', () => {
    it('reports an intact chain and exits 0', async () => {
      const result = await runCli('audit', 'verify');
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('审计日志完整');
      expect(result.stdout).toContain('intact');
    });

    it('exits 1 naming the seq of a row a superuser changed behind the triggers', async () => {
      const client = new pg.Client({ connectionString: database.superuserUrl });
      await client.connect();
      let seq: number;
      try {
        const { rows } = await client.query<{ seq: string }>(
          'select seq from audit_log order by seq offset 1 limit 1',
        );
        expect(rows).toHaveLength(1);
        seq = Number(rows[0]?.seq);
        // The append-only triggers refuse UPDATE; replica mode skips triggers, as a DBA with superuser could.
        await client.query('set session_replication_role = replica');
        await client.query("update audit_log set action = 'auth.tampered' where seq = $1", [seq]);
      } finally {
        await client.end();
      }

      const result = await runCli('audit', 'verify');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('审计日志被篡改');
      expect(result.stdout).toContain('tampered');
      expect(result.stdout).toContain(`序号 ${seq}）`);
    });
  });
});

describe('fengqiao import households', () => {
  const writeCsv = (name: string, lines: string[]) => {
    const file = path.join(dataDir, name);
    writeFileSync(
      file,
      ['村/社区,街路,门牌号,经度,纬度,姓名,身份证号,与户主关系,户籍类型', ...lines].join('\n'),
    );
    return file;
  };
  const gridCentre = () => {
    const grid = flattenDemoOrg(buildDemoStation().root).find((n) => n.code === '330681-FQ-01-01');
    return polygonCentroid(grid?.boundary as NonNullable<typeof grid>['boundary'] & object);
  };

  it('dry-runs by default, lists each bad row and exits 1', async () => {
    const [lng, lat] = gridCentre();
    const file = writeCsv('bad.csv', [
      `枫源村,测试路,1号,${lng},${lat},测试甲,${generateIdCard('330681', '1960-01-01', 901)},户主,户籍`,
      `枫源村,测试路,2号,${lng},${lat},测试乙,330681196001011235,户主,户籍`,
    ]);
    const result = await runCli('import', 'households', file, '--username', 'officer01');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('第 3 行 [身份证号]');
    expect(result.stdout).toContain('未写入');
  });

  it('commits a clean file and reports what it wrote', async () => {
    const [lng, lat] = gridCentre();
    const file = writeCsv('good.csv', [
      `枫源村,测试路,1号,${lng},${lat},测试甲,${generateIdCard('330681', '1960-01-01', 901)},户主,户籍`,
      `枫源村,测试路,1号,${lng},${lat},测试丙,${generateIdCard('330681', '1962-03-01', 902)},配偶,户籍`,
    ]);
    const result = await runCli('import', 'households', file, '--username', 'officer01', '--commit');
    expect(result.code).toBe(0);
    // The job's own progress, phase by phase, and the job, which the web shows too.
    expect(result.stderr).toMatch(/导入任务 \(import job\) [0-9a-f-]{36}/);
    for (const phase of ['校验 (checking)', '核对档案', '写入 (writing)'])
      expect(result.stderr).toContain(phase);
    expect(result.stdout).toContain('新建 1 户');
    expect(result.stdout).toContain('新增 2 人');
  });

  it('finds the header under title rows and splits 住址; --header-row takes the row given', async () => {
    const file = path.join(dataDir, '枫源村户籍人口登记表.xlsx');
    const birth = (year: number, seq: number) => generateIdCard('330681', `${year}-04-04`, seq);
    writeFileSync(
      file,
      await registerXlsx(
        [
          {
            name: '登记甲',
            sex: '男',
            idCard: birth(1956, 941),
            relation: '户主',
            address: '诸暨市枫桥镇枫源村91组3号',
          },
          {
            name: '登记乙',
            sex: '女',
            idCard: birth(1958, 942),
            relation: '配偶',
            address: '枫源村九十一组3号',
          },
          { name: '登记丙', sex: '男', idCard: birth(1980, 943), relation: '户主', address: '西岭村1组1号' },
        ],
        { titles: 2 },
      ),
    );
    const dry = await runCli('import', 'households', file, '--username', 'officer01');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('表头：第 4 行');
    expect(dry.stdout).toContain('第 7 行 [住址] 无法识别村/社区「西岭村」：不是本所的村/社区');
    expect(dry.stdout).toContain('有效 2 行，错误 1 行，1 户');

    const title = await runCli('import', 'households', file, '--username', 'officer01', '--header-row', '1');
    expect(title.code).not.toBe(0);
    expect(title.stderr).toContain('文件表头 (header, row 1): 1. 诸暨市枫桥镇枫源村户籍人口登记表');
    expect(title.stderr).toContain('--header-row N');
    const bad = await runCli('import', 'households', file, '--username', 'officer01', '--header-row', 'x');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('表头行应为 1 到 1000 之间的整数');

    const args = ['--username', 'officer01', '--header-row', '4', '--valid-only'];
    const committed = await runCli('import', 'households', file, ...args);
    expect(committed.code).toBe(0);
    expect(committed.stdout).toContain('新建 1 户');
    expect(committed.stdout).toContain('新增 2 人');
    const keys = keysFromMaster(loadOrCreateMasterKey(path.join(dataDir, 'secret.key')));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; address_sealed: string }>(
        `select r.name, h.address_sealed from residents r join households h on h.id = r.household_id
          where r.name like '登记%'`,
      );
      expect(Object.fromEntries(rows.map((r) => [r.name, openAddress(keys, r.address_sealed)]))).toEqual({
        登记甲: { community: '枫源村', street: '91组', room: '3号' },
        登记乙: { community: '枫源村', street: '91组', room: '3号' },
      });
    } finally {
      await client.end();
    }
  });
});
