import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
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

const probe = (cookie?: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: cookie ? { cookie } : {} });

describe("the web's session probe", () => {
  it('answers 200 with no one when signed out, so the browser logs no failed request', async () => {
    const response = await probe();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ me: null });
  });

  it('answers the same as /auth/me when signed in', async () => {
    const user = await createTestUser(t.system, { roles: ['community_officer'], org: tree.communityA });
    const cookie = await loginAs(t.app, user.username);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    const response = await probe(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ me: me.json() });
    expect(response.json().me.user.username).toBe(user.username);
  });

  it('answers no one, and clears the cookie, after logout', async () => {
    const user = await createTestUser(t.system, { roles: ['grid_worker'], org: tree.gridA });
    const cookie = await loginAs(t.app, user.username);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    const response = await probe(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ me: null });
    expect(response.cookies.find((c) => c.name === 'fq_session')?.value).toBe('');
  });

  it('tells an admin who must still set up TOTP to enrol, as /auth/me does', async () => {
    const admin = await createTestUser(t.system, { roles: ['audit_admin'], org: tree.station });
    const cookie = await loginAs(t.app, admin.username);
    const response = await probe(cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().me).toMatchObject({ totpEnrollmentRequired: true, permissions: [] });
  });
});
