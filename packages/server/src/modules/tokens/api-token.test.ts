import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  createTestUser,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';
import { createApiTokenAsSystem } from './api-token.service.js';

let t: TestApp;
let tree: OrgTree;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
});
afterAll(() => t.close());

const bearer = (token: string, url = '/api/v1/org-units/tree') =>
  t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('bearer tokens', () => {
  it('authenticate scripts within the owner scope, hashed at rest', async () => {
    const owner = await createTestUser(t.system, { roles: ['community_officer'], org: tree.communityA });
    const { token, apiToken } = await createApiTokenAsSystem(t.system, {
      name: '脚本',
      username: owner.username,
    });
    expect(token).toMatch(/^fqt_/);
    const response = await bearer(token);
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((u: { id: string }) => u.id)).toEqual([
      tree.communityA.id,
      tree.gridA.id,
    ]);
    expect((await bearer(token, `/api/v1/org-units/${tree.gridB.id}`)).statusCode).toBe(404);

    const { rows } = await t.database.pool.query<{ token_hash: string }>(
      'select token_hash from api_tokens where id = $1',
      [apiToken.id],
    );
    expect(rows[0]?.token_hash).not.toContain(token.slice(4));
  });

  it('can be narrowed to a grid, and never reach beyond the owner', async () => {
    const owner = await createTestUser(t.system, { roles: ['community_officer'], org: tree.communityA });
    const { token } = await createApiTokenAsSystem(t.system, {
      name: '网格',
      username: owner.username,
      scopeOrgId: tree.gridA.id,
    });
    expect((await bearer(token)).json().items.map((u: { id: string }) => u.id)).toEqual([tree.gridA.id]);
    await expect(
      createApiTokenAsSystem(t.system, {
        name: '越权',
        username: owner.username,
        scopeOrgId: tree.station.id,
      }),
    ).rejects.toMatchObject({ code: 'scope_too_wide' });
  });

  it('stop working once revoked, and unknown tokens get 401 problem+json', async () => {
    const admin = await createSignedInUser(t, { roles: ['security_admin'], org: tree.station });
    const owner = await createTestUser(t.system, { roles: ['command_room'], org: tree.station });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-tokens',
      headers: { cookie: admin.cookie },
      payload: { name: '指挥大屏', username: owner.username, expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    expect(apiToken.expiresAt).toEqual(expect.any(String));
    expect((await bearer(token)).statusCode).toBe(200);

    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-tokens',
      headers: { cookie: admin.cookie },
    });
    expect(listed.json().items.map((x: { id: string }) => x.id)).toContain(apiToken.id);
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect(listed.json()).toMatchObject({
      nextCursor: null,
      total: listed.json().items.length,
      totalExact: true,
    });

    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-tokens/${apiToken.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(revoked.statusCode).toBe(204);
    const after = await bearer(token);
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    expect(after.json().code).toBe('invalid_token');
    expect((await bearer('fqt_made-up')).statusCode).toBe(401);
  });
});
