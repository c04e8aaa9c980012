import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countAuditRows,
  createOrgTree,
  createSignedInUser,
  createTestApp,
  createTestUser,
  loginAs,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';

let t: TestApp;
let tree: OrgTree;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `zhang${Math.random().toString(36).slice(2, 8)}`,
  displayName: '张三',
  password: 'Strong-Pass-2026',
  roles: ['grid_worker'],
  orgUnitId: tree.gridA.id,
  ...overrides,
});

describe('user list and detail scope', () => {
  it('lists only users of the caller subtree, paged by cursor, filtered by role and name', async () => {
    const officer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
    const inA = await createTestUser(t.system, { roles: ['grid_worker'], org: tree.gridA });
    const inB = await createTestUser(t.system, { roles: ['grid_worker'], org: tree.gridB });
    const list = async (query: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/users${query}`,
          headers: { cookie: officer.cookie },
        })
      ).json();

    const all = await list('?limit=200');
    const names = all.items.map((u: { username: string }) => u.username);
    expect(names).toContain(inA.username);
    expect(names).not.toContain(inB.username);

    const first = await list('?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0].username > first.items[0].username).toBe(true);

    const byRole = await list('?role=grid_worker');
    expect(byRole.items.every((u: { roles: string[] }) => u.roles.includes('grid_worker'))).toBe(true);
    const byName = await list(`?q=${inA.username.slice(1, 6)}`);
    expect(byName.items.map((u: { username: string }) => u.username)).toEqual([inA.username]);

    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${inB.id}`,
      headers: { cookie: officer.cookie },
    });
    expect(other.statusCode).toBe(404);
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${inA.id}`,
      headers: { cookie: officer.cookie },
    });
    expect(own.json()).toMatchObject({ username: inA.username, orgUnitName: '甲村第一网格' });
  });
});

describe('account administration (三权分立)', () => {
  it('lets the system admin create field accounts but not grant admin roles', async () => {
    const sysadmin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.station });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: sysadmin.cookie },
      payload: newUser(),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ roles: ['grid_worker'], scopeOrgId: tree.gridA.id });

    const escalate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: sysadmin.cookie },
      payload: newUser({ roles: ['audit_admin'], orgUnitId: tree.station.id }),
    });
    expect(escalate.statusCode).toBe(403);

    const roles = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${created.json().id}`,
      headers: { cookie: sysadmin.cookie },
      payload: { roles: ['station_chief'] },
    });
    expect(roles.statusCode).toBe(403);
  });

  it('answers a PATCH that changes nothing with the account as it is: no write, no audit row, sessions kept', async () => {
    const sysadmin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.station });
    const worker = await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA });
    const patch = (payload: unknown, cookie = sysadmin.cookie, id = worker.id) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        headers: { cookie },
        payload: payload as object,
      });
    const current = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/users/${worker.id}`,
        headers: { cookie: sysadmin.cookie },
      })
    ).json();
    const before = await countAuditRows(t);
    for (const payload of [
      {},
      { displayName: current.displayName, disabled: false, workPhone: null },
      { orgUnitId: current.orgUnitId, scopeOrgId: current.scopeOrgId },
    ]) {
      const response = await patch(payload);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(current);
    }
    expect(await countAuditRows(t)).toBe(before);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: worker.cookie },
    });
    expect(me.statusCode).toBe(200);
    // Sending one's own fields back unchanged is no attempt to change them.
    expect((await patch({ disabled: false }, sysadmin.cookie, sysadmin.id)).statusCode).toBe(200);
    expect((await patch({ disabled: true }, sysadmin.cookie, sysadmin.id)).statusCode).toBe(403);
  });

  it("ends the account's sessions when its roles change or its password is reset", async () => {
    const secadmin = await createSignedInUser(t, { roles: ['security_admin'], org: tree.station });
    const sysadmin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.station });
    const me = (cookie: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    const worker = await createSignedInUser(t, { roles: ['grid_worker'], org: tree.gridA });
    const roles = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${worker.id}`,
      headers: { cookie: secadmin.cookie },
      payload: { roles: ['grid_worker', 'volunteer'] },
    });
    expect(roles.statusCode).toBe(200);
    expect((await me(worker.cookie)).statusCode).toBe(401);

    const again = await loginAs(t.app, worker.username);
    expect((await me(again)).statusCode).toBe(200);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${worker.id}/password`,
      headers: { cookie: sysadmin.cookie },
      payload: { password: 'Another-Strong-2026' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await me(again)).statusCode).toBe(401);
    expect((await me(secadmin.cookie)).statusCode).toBe(200);
  });

  it('lets the security admin assign roles but never two admin roles to one person', async () => {
    const secadmin = await createSignedInUser(t, { roles: ['security_admin'], org: tree.station });
    const target = await createTestUser(t.system, { roles: ['grid_worker'], org: tree.gridA });
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      headers: { cookie: secadmin.cookie },
      payload: { roles: ['grid_worker', 'volunteer'] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().roles).toEqual(['grid_worker', 'volunteer']);
    const conflict = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      headers: { cookie: secadmin.cookie },
      payload: { roles: ['system_admin', 'audit_admin'] },
    });
    expect(conflict.statusCode).toBe(422);
    expect(conflict.json().code).toBe('role_conflict');
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${secadmin.id}`,
      headers: { cookie: secadmin.cookie },
      payload: { roles: ['station_chief'] },
    });
    expect(self.statusCode).toBe(403);
  });

  it('gives the total of the list in the caller’s scope, the same on every page', async () => {
    const admin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.communityB });
    const list = (cursor?: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/users?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        headers: { cookie: admin.cookie },
      });
    const seen: string[] = [];
    const totals = new Set<number>();
    let cursor: string | undefined;
    do {
      const page = (await list(cursor)).json();
      expect(page.totalExact).toBe(true);
      totals.add(page.total);
      seen.push(...page.items.map((u: { id: string }) => u.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect([...totals]).toEqual([seen.length]);
    expect(seen).toContain(admin.id);
  });

  it('rejects weak passwords with each reason, and taken usernames', async () => {
    const sysadmin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.station });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: sysadmin.cookie },
      payload: newUser({ password: 'abc' }),
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('weak_password');
    expect(weak.json().errors.length).toBeGreaterThanOrEqual(2);
    expect(weak.json().errors[0]).toMatchObject({ field: 'password' });

    const payload = newUser();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: sysadmin.cookie },
      payload,
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: sysadmin.cookie },
      payload,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('username_taken');
  });

  it('cannot place a user or widen a scope outside the admin subtree', async () => {
    const adminA = await createSignedInUser(t, { roles: ['system_admin'], org: tree.communityA });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: adminA.cookie },
      payload: newUser({ scopeOrgId: tree.station.id }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].field).toBe('scopeOrgId');
  });

  it('keeps business roles away from user administration', async () => {
    const chief = await createSignedInUser(t, { roles: ['station_chief'], org: tree.station });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: chief.cookie },
      payload: newUser(),
    });
    expect(response.statusCode).toBe(403);
    const audit = await createSignedInUser(t, { roles: ['audit_admin'], org: tree.station });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: audit.cookie },
    });
    expect(list.statusCode).toBe(403);
  });
});
