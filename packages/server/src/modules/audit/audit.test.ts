import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';
import { testAction } from '../../../test/test-action.js';
import { buildApp } from '../../app.js';
import * as schema from '../../db/schema/index.js';
import { recordAudit } from './audit.service.js';
import { verifyAuditChain } from './audit-verify.js';

let t: TestApp;
let tree: OrgTree;
let auditor: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  auditor = (await createSignedInUser(t, { roles: ['audit_admin'], org: tree.station })).cookie;
});
afterAll(() => t.close());

/** What a DBA with superuser rights could do behind the app's back: skip the append-only triggers. */
async function asSuperuser(app: TestApp, statement: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: app.database.superuserUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(statement, params);
    await client.query('commit');
  } finally {
    await client.end();
  }
}

async function appendRows(app: TestApp, n: number) {
  for (let i = 0; i < n; i++) {
    await recordAudit(app.system.db, app.system.keys.audit, {
      action: testAction('test.write'),
      result: 'ok',
      detail: { i, 名: '值' },
    });
  }
}

async function chainSeqOf(app: TestApp, auditSeq: number): Promise<number> {
  const { rows } = await app.database.pool.query<{ chain_seq: string }>(
    'select chain_seq from audit_seals where audit_seq = $1',
    [auditSeq],
  );
  return Number(rows[0]?.chain_seq);
}

const verify = (app: TestApp, options?: Parameters<typeof verifyAuditChain>[1]) =>
  verifyAuditChain(app.sealing, options);

describe('audit chain', () => {
  it("refuses UPDATE, DELETE and TRUNCATE of rows and links even from the owner's connection, which the grants do not bind", async () => {
    await appendRows(t, 1);
    await t.seal();
    // The app's own role is refused by its grants first (db/database-roles.test.ts); the triggers bind the owner too.
    const owner = new pg.Client({ connectionString: t.database.ownerUrl });
    await owner.connect();
    try {
      for (const [table, column] of [
        ['audit_log', 'result'],
        ['audit_seals', 'hash'],
      ]) {
        await expect(owner.query(`update ${table} set ${column} = 'x'`)).rejects.toThrow(/append-only/);
        await expect(owner.query(`delete from ${table}`)).rejects.toThrow(/append-only/);
        await expect(owner.query(`truncate ${table}`)).rejects.toThrow(/append-only/);
      }
    } finally {
      await owner.end();
    }
  });

  it('has no API to change or remove rows', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await t.app.inject({
        method,
        url: '/api/v1/audit-events/1',
        headers: { cookie: auditor },
      });
      expect(response.statusCode).toBe(404);
    }
  });

  it('appends a row with a plain insert and links it only when the sealer runs', async () => {
    const before = await t.database.pool.query('select count(*)::int as n from audit_seals');
    await appendRows(t, 3);
    const unsealed = await t.database.pool.query(
      'select count(*)::int as n from audit_log a where not exists (select 1 from audit_seals s where s.audit_seq = a.seq)',
    );
    expect(unsealed.rows[0].n).toBeGreaterThanOrEqual(3);
    const sealed = await t.seal();
    expect(sealed.sealed).toBe(unsealed.rows[0].n);
    const after = await t.database.pool.query('select count(*)::int as n from audit_seals');
    expect(after.rows[0].n).toBe(before.rows[0].n + sealed.sealed);
    expect((await t.seal()).sealed).toBe(0);
  });

  it('seals on its own every interval once the app is ready, as `serve` runs it', async () => {
    const served = await buildApp({
      database: t.database,
      keys: t.system.keys,
      auditCheckpointFile: t.sealing.checkpointFile,
      auditSealEveryMs: 100,
    });
    try {
      await served.ready();
      await recordAudit(t.system.db, t.system.keys.audit, {
        action: testAction('test.background'),
        result: 'ok',
      });
      const { rows } = await t.database.pool.query<{ seq: string }>(
        "select seq from audit_log where action = 'test.background'",
      );
      const seq = Number(rows[0]?.seq);
      const deadline = Date.now() + 5000;
      while (!(await chainSeqOf(t, seq)) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(await chainSeqOf(t, seq)).toBeGreaterThan(0);
    } finally {
      await served.close();
    }
  });

  it('seals a row that commits after a later one, after it, and the chain stays intact', async () => {
    const late = await t.database.pool.connect();
    try {
      await late.query('begin');
      // A transaction of its own that stays open while others commit.
      await recordAudit(drizzle(late, { schema }), t.system.keys.audit, {
        action: testAction('test.late'),
        result: 'ok',
      });
      const { rows } = await late.query<{ seq: string }>(
        "select seq from audit_log where action = 'test.late'",
      );
      const lateSeq = Number(rows[0]?.seq);
      await recordAudit(t.system.db, t.system.keys.audit, { action: testAction('test.early'), result: 'ok' });
      await t.seal();
      const early = await t.database.pool.query<{ seq: string }>(
        "select seq from audit_log where action = 'test.early'",
      );
      const earlySeq = Number(early.rows[0]?.seq);
      expect(earlySeq).toBeGreaterThan(lateSeq);
      expect(await chainSeqOf(t, earlySeq)).toBeGreaterThan(0);
      await late.query('commit');
      await t.seal();
      expect(await chainSeqOf(t, lateSeq)).toBeGreaterThan(await chainSeqOf(t, earlySeq));
    } finally {
      late.release();
    }
    expect(await verify(t)).toMatchObject({ ok: true, brokenAtSeq: null });
  });

  it('carries the row station: the actor’s for a signed-in user, none for an unknown sign-in', async () => {
    const officer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/org-units/${tree.gridB.id}`,
      headers: { cookie: officer.cookie },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-here', password: 'Wrong-Pass-1234' },
    });
    const { rows } = await t.database.pool.query<{ station_id: string | null; actor_name: string | null }>(
      `select station_id, actor_name from audit_log
        where (actor_name = $1 and result = 'denied') or detail->>'username' = 'nobody-here'`,
      [officer.username],
    );
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.actor_name === officer.username)?.station_id).toBe(tree.station.id);
    expect(rows.find((r) => r.actor_name === null)?.station_id).toBeNull();
  });

  it('verifies intact, then names an altered row', async () => {
    await appendRows(t, 5);
    expect(await verify(t)).toMatchObject({ ok: true });
    const { rows } = await t.database.pool.query<{ seq: string }>(
      'select max(seq) - 2 as seq from audit_log',
    );
    const seq = Number(rows[0]?.seq);
    await asSuperuser(t, "update audit_log set actor_name = 'someone-else' where seq = $1", [seq]);
    const result = await verify(t);
    const link = await chainSeqOf(t, seq);
    expect(result).toMatchObject({ ok: false, brokenAtSeq: link });
    expect(result.reason).toContain('篡改');
    expect(result.reason).toContain(`序号 ${seq}）`);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit-events/verify',
      headers: { cookie: auditor },
    });
    expect(api.json()).toMatchObject({ ok: false, brokenAtSeq: link });
  });
});

describe('deletions, forgeries and the anchor outside the database', () => {
  let fresh: TestApp;
  beforeEach(async () => {
    fresh = await createTestApp();
  });
  afterEach(() => fresh.close());

  const seqs = async () =>
    (await fresh.database.pool.query<{ seq: string }>('select seq from audit_log order by seq')).rows.map(
      (r) => Number(r.seq),
    );

  it('detects a row deleted from the middle', async () => {
    await appendRows(fresh, 6);
    await fresh.seal();
    const third = (await seqs())[2] as number;
    await asSuperuser(fresh, 'delete from audit_log where seq = $1', [third]);
    const middle = await verify(fresh);
    expect(middle).toMatchObject({ ok: false, brokenAtSeq: 3 });
    expect(middle.reason).toContain('缺失');
  });

  it('detects the newest rows cut off with a consistent head, from the checkpoints outside the database', async () => {
    await appendRows(fresh, 4);
    await fresh.seal();
    await appendRows(fresh, 3);
    await fresh.seal();
    expect(await verify(fresh)).toMatchObject({ ok: true, checked: 7 });
    // Delete the last three rows and their links: the remaining chain is consistent up to link 4,
    // which is the head now (the head is the last link; there is nothing else to rewrite).
    await asSuperuser(fresh, 'delete from audit_seals where chain_seq > 4');
    await asSuperuser(
      fresh,
      'delete from audit_log where seq > (select audit_seq from audit_seals where chain_seq = 4)',
    );
    const cut = await verify(fresh);
    expect(cut).toMatchObject({ ok: false, brokenAtSeq: 5, checked: 4 });
    expect(cut.reason).toContain('链尾记录缺失');
    expect(cut.reason).toContain('第 7 个链节');
  });

  it('detects a tail cut and re-sealed with new rows, since the checkpoint of that seq no longer matches', async () => {
    await appendRows(fresh, 3);
    await fresh.seal();
    await asSuperuser(fresh, 'delete from audit_seals where chain_seq = 3');
    await asSuperuser(fresh, 'delete from audit_log where seq = (select max(seq) from audit_log)');
    await appendRows(fresh, 1); // sealed as link 3 by the verify below: a different row, a different hash
    const result = await verify(fresh);
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 3 });
    expect(result.reason).toContain('检查点');
  });

  it('writes one signed JSON line per sealed batch and refuses a line changed by hand', async () => {
    await appendRows(fresh, 2);
    const { head } = await fresh.seal();
    const lines = readFileSync(fresh.sealing.checkpointFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const checkpoint = JSON.parse(lines[0] as string);
    expect(checkpoint).toEqual({
      seq: 2,
      hash: head?.hash,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      mac: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    writeFileSync(fresh.sealing.checkpointFile, `${JSON.stringify({ ...checkpoint, seq: 1 })}\n`);
    const result = await verify(fresh);
    expect(result).toMatchObject({ ok: false });
    expect(result.reason).toContain('检查点文件第 1 行签名无效');
    rmSync(fresh.sealing.checkpointFile);
    expect((await verify(fresh)).reason).toContain('检查点文件');
  });

  it('refuses to seal a row inserted without the key, and verify names it', async () => {
    await appendRows(fresh, 1);
    await fresh.database.pool.query(
      `insert into audit_log (id, at, action, result, mac)
       values (gen_random_uuid(), now(), 'auth.login', 'ok', repeat('ab', 32))`,
    );
    const sealed = await fresh.seal();
    expect(sealed.sealed).toBe(1);
    expect(sealed.refused).toHaveLength(1);
    const result = await verify(fresh);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(`记录序号 ${sealed.refused[0]} 未封存且校验码不符`);
  });

  it('detects a genuine row copied in again', async () => {
    await appendRows(fresh, 2);
    await asSuperuser(
      fresh,
      `insert into audit_log (id, at, station_id, actor_id, actor_name, action, object_type, object_id, result, ip, detail, mac)
       select id, at, station_id, actor_id, actor_name, action, object_type, object_id, result, ip, detail, mac
         from audit_log order by seq limit 1`,
    );
    const result = await verify(fresh);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('出现多次');
  });

  it('reports a row left unsealed past the grace period (the sealer stopped)', async () => {
    await appendRows(fresh, 1);
    const blocker = await fresh.database.pool.connect();
    try {
      await blocker.query('select pg_advisory_lock(7264002)'); // the sealer's lock, held elsewhere
      const young = await verify(fresh);
      expect(young).toMatchObject({ ok: true, pending: 1 });
      const old = await verify(fresh, { now: new Date(Date.now() + 10 * 60_000) });
      expect(old.ok).toBe(false);
      expect(old.reason).toContain('仍未封存');
    } finally {
      await blocker.query('select pg_advisory_unlock(7264002)');
      blocker.release();
    }
  });

  it('detects a chain re-hashed with the wrong key', async () => {
    await appendRows(fresh, 2);
    await fresh.seal();
    const other = Buffer.alloc(32, 7);
    const result = await verifyAuditChain({
      ...fresh.sealing,
      keys: { ...fresh.sealing.keys, audit: other },
    });
    expect(result.ok).toBe(false);
  });
});

describe('audit search and export', () => {
  it('records logins, failures and denials with actor and ip', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'ghost', password: 'Wrong-Pass-1234' },
      remoteAddress: '127.0.9.9',
    });
    const officer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/org-units/${tree.gridB.id}`,
      headers: { cookie: officer.cookie },
    });

    const search = async (query: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/audit-events?${query}`,
          headers: { cookie: auditor },
        })
      ).json();
    const failed = await search('action=auth.login&result=failed');
    expect(failed.items[0]).toMatchObject({ action: 'auth.login', result: 'failed', ip: '127.0.9.9' });
    expect(failed.items[0].detail).toMatchObject({ username: 'ghost', reason: 'unknown_user' });
    const denied = await search(`actor=${officer.username}&result=denied`);
    expect(denied.items[0]).toMatchObject({ objectType: 'org_unit', objectId: tree.gridB.id });
    expect(denied).toMatchObject({ total: denied.items.length, totalExact: true });
    expect(denied.total).toBeGreaterThan(0);
    const ok = await search(`actor=${officer.username}&action=auth.login`);
    expect(ok.items[0].result).toBe('ok');

    const page = await search('limit=2');
    const next = await search(`limit=2&cursor=${page.nextCursor}`);
    expect(next.items[0].seq).toBeLessThan(page.items[1].seq);
  });

  it('exports CSV for the audit admin only, and the export itself is audited', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events/export?action=auth',
      headers: { cookie: auditor },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toContain('序号,时间,操作人');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => l.split(',')[3]?.startsWith('auth.'))).toBe(true);

    const chief = await createSignedInUser(t, { roles: ['station_chief'], org: tree.station });
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events/export',
      headers: { cookie: chief.cookie },
    });
    expect(refused.statusCode).toBe(403);
    const { rows } = await t.database.pool.query(
      "select 1 from audit_log where action = 'audit.export' and result = 'ok'",
    );
    expect(rows).toHaveLength(1);
  });
});
