import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';
import { recordAudit, verifyAuditChain } from './audit.service.js';

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
async function asSuperuser(statement: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: t.database.superuserUrl });
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

async function appendRows(n: number) {
  for (let i = 0; i < n; i++) {
    await recordAudit(t.system.db, t.system.keys.audit, {
      action: 'test.write',
      result: 'ok',
      detail: { i, 名: '值' },
    });
  }
}

describe('audit chain', () => {
  it("refuses UPDATE, DELETE and TRUNCATE even from the owner's connection, which the grants do not bind", async () => {
    await appendRows(1);
    // The app's own role is refused by its grants first (db/database-roles.test.ts); the triggers bind the owner too.
    const owner = new pg.Client({ connectionString: t.database.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query("update audit_log set result = 'x'")).rejects.toThrow(/append-only/);
      await expect(owner.query('delete from audit_log')).rejects.toThrow(/append-only/);
      await expect(owner.query('truncate audit_log')).rejects.toThrow(/append-only/);
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

  it('verifies intact, then names an altered row', async () => {
    await appendRows(5);
    expect((await verifyAuditChain(t.system.db, t.system.keys.audit)).ok).toBe(true);
    const { rows } = await t.database.pool.query<{ seq: string }>(
      'select max(seq) - 2 as seq from audit_log',
    );
    const seq = Number(rows[0]?.seq);
    await asSuperuser("update audit_log set actor_name = 'someone-else' where seq = $1", [seq]);
    const result = await verifyAuditChain(t.system.db, t.system.keys.audit);
    expect(result).toMatchObject({ ok: false, brokenAtSeq: seq });
    expect(result.reason).toContain('篡改');
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit-events/verify',
      headers: { cookie: auditor },
    });
    expect(api.json()).toMatchObject({ ok: false, brokenAtSeq: seq });
  });
});

describe('deletions', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp();
  });
  afterAll(() => fresh.close());

  const append = async (n: number) => {
    for (let i = 0; i < n; i++)
      await recordAudit(fresh.system.db, fresh.system.keys.audit, { action: 'x', result: 'ok' });
  };
  const superuser = async (statement: string) => {
    const client = new pg.Client({ connectionString: fresh.database.superuserUrl });
    await client.connect();
    await client.query('set session_replication_role = replica');
    await client.query(statement);
    await client.end();
  };

  it('detects a row deleted from the middle and rows cut off the end', async () => {
    await append(6);
    await superuser('delete from audit_log where seq = 6');
    const tail = await verifyAuditChain(fresh.system.db, fresh.system.keys.audit);
    expect(tail).toMatchObject({ ok: false, brokenAtSeq: 6 });
    await superuser('delete from audit_log where seq = 3');
    const middle = await verifyAuditChain(fresh.system.db, fresh.system.keys.audit);
    expect(middle).toMatchObject({ ok: false, brokenAtSeq: 3 });
    expect(middle.reason).toContain('缺失');
  });

  it('detects a chain re-hashed with the wrong key', async () => {
    const other = Buffer.alloc(32, 7);
    expect((await verifyAuditChain(fresh.system.db, other)).ok).toBe(false);
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
