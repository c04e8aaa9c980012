import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createTestApp,
  createTestUser,
  loginAs,
  type OrgTree,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/factories.js';
import { createTotpSecret, currentTotp } from '../../lib/security/totp.js';

let t: TestApp;
let tree: OrgTree;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
});
afterAll(() => t.close());

const login = (
  username: string,
  password = TEST_PASSWORD,
  extra: Record<string, unknown> = {},
  ip = '127.0.0.9',
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, ...extra },
    remoteAddress: ip,
  });

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('login and sessions', () => {
  it('signs in with a fresh httpOnly SameSite session cookie and answers /me', async () => {
    const user = await createTestUser(t.system, { roles: ['community_officer'], org: tree.communityA });
    const response = await login(user.username, TEST_PASSWORD, {}, '127.0.1.1');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'fq_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = response.json();
    expect(body.user.username).toBe(user.username);
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.permissions).toContain('org.read');

    const again = await login(user.username, TEST_PASSWORD, {}, '127.0.1.1');
    const second = again.cookies.find((c) => c.name === 'fq_session');
    expect(second?.value).not.toBe(cookie?.value);
    expect((await me(`fq_session=${second?.value}`)).statusCode).toBe(200);
  });

  it('rejects a wrong password with problem+json in Chinese and never says which part was wrong', async () => {
    const user = await createTestUser(t.system, { roles: ['grid_worker'], org: tree.gridA });
    const wrong = await login(user.username, 'Wrong-Pass-1234', {}, '127.0.1.2');
    const unknown = await login('nobody-here', 'Wrong-Pass-1234', {}, '127.0.1.2');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 401,
        code: 'invalid_credentials',
        detail: '用户名或密码错误',
      });
    }
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const user = await createTestUser(t.system, { roles: ['grid_worker'], org: tree.gridA });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await login(user.username, 'Wrong-Pass-1234', {}, '127.0.2.1')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await login(user.username, TEST_PASSWORD, {}, '127.0.2.1');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('account_locked');

    const { rows } = await t.database.pool.query<{ minutes: number }>(
      'select extract(epoch from locked_until - now()) / 60 as minutes from users where id = $1',
      [user.id],
    );
    expect(Number(rows[0]?.minutes)).toBeGreaterThan(14);
    expect(Number(rows[0]?.minutes)).toBeLessThanOrEqual(15);

    const secadmin = await createTestUser(t.system, {
      roles: ['security_admin'],
      org: tree.station,
      totpSecret: createTotpSecret(),
    });
    const secret = await totpSecretOf(secadmin.id);
    const cookie = await loginAs(t.app, secadmin.username, { totp: currentTotp(secret) });
    const unlock = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/unlock`,
      headers: { cookie },
    });
    expect(unlock.statusCode).toBe(204);
    expect((await login(user.username, TEST_PASSWORD, {}, '127.0.2.1')).statusCode).toBe(200);
  });

  it('limits login attempts per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await login('nobody', 'Wrong-Pass-1234', {}, '127.0.3.1')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const other = await login('nobody', 'Wrong-Pass-1234', {}, '127.0.3.2');
    expect(other.statusCode).toBe(401);
  });

  it('expires a session after 30 idle minutes and after 12 hours in all', async () => {
    const user = await createTestUser(t.system, { roles: ['auxiliary'], org: tree.gridA });
    const idle = await loginAs(t.app, user.username);
    await t.system.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${user.id}`,
    );
    const idleResponse = await me(idle);
    expect(idleResponse.statusCode).toBe(401);
    expect(idleResponse.json().detail).toBe('登录已超时，请重新登录');

    const old = await loginAs(t.app, user.username);
    await t.system.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${user.id} and revoked_at is null`,
    );
    expect((await me(old)).statusCode).toBe(401);

    const fresh = await loginAs(t.app, user.username);
    await t.system.db.execute(
      sql`update sessions set last_seen_at = now() - interval '29 minutes' where user_id = ${user.id}`,
    );
    expect((await me(fresh)).statusCode).toBe(200);
  });

  it('kills the session on logout and when the account is disabled', async () => {
    const user = await createTestUser(t.system, { roles: ['mediator'], org: tree.communityA });
    const cookie = await loginAs(t.app, user.username);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    const sessionCount = async () =>
      (await t.database.pool.query('select 1 from sessions where user_id = $1', [user.id])).rowCount;
    expect(await sessionCount()).toBe(1);

    const again = await loginAs(t.app, user.username);
    expect(await sessionCount()).toBe(1); // the signed-out session was cleared at this sign-in
    const admin = await createTestUser(t.system, {
      roles: ['system_admin'],
      org: tree.station,
      totpSecret: createTotpSecret(),
    });
    const adminCookie = await loginAs(t.app, admin.username, {
      totp: currentTotp(await totpSecretOf(admin.id)),
    });
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { cookie: adminCookie },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect((await me(again)).statusCode).toBe(401);
    const blocked = await login(user.username, TEST_PASSWORD, {}, '127.0.4.1');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('account_disabled');
  });
});

async function totpSecretOf(userId: string): Promise<string> {
  const { openTotpSecret } = await import('../../lib/security/totp.js');
  const { rows } = await t.database.pool.query<{ totp_secret: string }>(
    'select totp_secret from users where id = $1',
    [userId],
  );
  return openTotpSecret(t.system.keys.field, rows[0]?.totp_secret ?? '');
}

describe('TOTP second factor', () => {
  it('asks for the code, rejects a wrong one, accepts the right one', async () => {
    const secret = createTotpSecret();
    const user = await createTestUser(t.system, {
      roles: ['community_officer'],
      org: tree.communityA,
      totpSecret: secret,
    });
    const noCode = await login(user.username, TEST_PASSWORD, {}, '127.0.5.1');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('totp_required');
    expect(noCode.cookies.find((c) => c.name === 'fq_session')).toBeUndefined();
    const code = currentTotp(secret);
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const wrong = await login(user.username, TEST_PASSWORD, { totp: wrongCode }, '127.0.5.1');
    expect(wrong.json().code).toBe('totp_invalid');
    const ok = await login(user.username, TEST_PASSWORD, { totp: code }, '127.0.5.1');
    expect(ok.statusCode).toBe(200);
  });

  it('takes a code once: the same code, or an older one, is refused after it was used', async () => {
    const secret = createTotpSecret();
    const user = await createTestUser(t.system, {
      roles: ['community_officer'],
      org: tree.communityA,
      totpSecret: secret,
    });
    const next = await login(user.username, TEST_PASSWORD, { totp: currentTotp(secret, 1) }, '127.0.5.3');
    expect(next.statusCode).toBe(200);
    const replay = await login(user.username, TEST_PASSWORD, { totp: currentTotp(secret, 1) }, '127.0.5.3');
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({
      code: 'totp_replayed',
      detail: '该动态码已使用过，请等待下一个动态码',
    });
    const older = await login(user.username, TEST_PASSWORD, { totp: currentTotp(secret) }, '127.0.5.3');
    expect(older.json().code).toBe('totp_replayed');
    const failures = await t.system.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where actor_name = ${user.username} and detail->>'reason' = 'totp_replayed'`,
    );
    expect(failures.rows[0]?.n).toBe(2);
  });

  it('makes an admin without TOTP enrol before doing anything else', async () => {
    const admin = await createTestUser(t.system, { roles: ['audit_admin'], org: tree.station });
    const cookie = await loginAs(t.app, admin.username);
    const meResponse = await me(cookie);
    expect(meResponse.json()).toMatchObject({
      totpRequired: true,
      totpEnrollmentRequired: true,
      permissions: [],
    });
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('totp_enrollment_required');

    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: { cookie } });
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      headers: { cookie },
      payload: { totp: '000000' === currentTotp(secret) ? '111111' : '000000' },
    });
    expect(bad.statusCode).toBe(422);
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      headers: { cookie },
      payload: { totp: currentTotp(secret) },
    });
    expect(enable.statusCode).toBe(204);
    // The enrolment used this step's code; the next step's is still inside the window.
    const relogin = await login(admin.username, TEST_PASSWORD, { totp: currentTotp(secret, 1) }, '127.0.5.2');
    expect(relogin.json().totpEnrollmentRequired).toBe(false);
    const cookie2 = `fq_session=${relogin.cookies.find((c) => c.name === 'fq_session')?.value}`;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: { cookie: cookie2 } }))
        .statusCode,
    ).toBe(200);
  });
});
