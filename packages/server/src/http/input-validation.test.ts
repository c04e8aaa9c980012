import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgTree, createSignedInUser, createTestApp, type TestApp } from '../../test/factories.js';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await createOrgTree(t.system);
  cookie = (await createSignedInUser(t, { roles: ['system_admin'], org: tree.station })).cookie;
});
afterAll(() => t.close());

const send = (
  method: 'POST' | 'PATCH' | 'GET',
  url: string,
  payload?: string,
  contentType = 'application/json',
) => t.app.inject({ method, url, payload, headers: { cookie, 'content-type': contentType } });

function expectProblem(response: Awaited<ReturnType<typeof send>>, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body).toMatchObject({ status, code });
  expect(body.title).toMatch(/[\u4e00-\u9fa5]/);
  return body;
}

describe('bad input gets 4xx problem+json, never 5xx', () => {
  it('malformed JSON', async () => {
    expectProblem(await send('POST', '/api/v1/users', '{"username": '), 400, 'bad_request');
  });

  it('unknown fields and wrong types, each field listed', async () => {
    const body = expectProblem(
      await send('POST', '/api/v1/users', JSON.stringify({ username: 5, displayName: '张三', isRoot: true })),
      400,
      'validation_failed',
    );
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields.join(' ')).toContain('isRoot');
    expect(fields.join(' ')).toContain('username');
    expect(body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
  });

  it('bad UUIDs in the path and query', async () => {
    expectProblem(await send('GET', '/api/v1/org-units/not-a-uuid'), 400, 'validation_failed');
    expectProblem(await send('GET', '/api/v1/users?orgUnitId=123'), 400, 'validation_failed');
    expectProblem(await send('GET', '/api/v1/users?limit=100000'), 400, 'validation_failed');
  });

  it('oversized bodies', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    expectProblem(
      await send('PATCH', '/api/v1/org-units/01a21b09-9d4f-73f6-a941-785c34ee640d', huge),
      413,
      'body_too_large',
    );
  });

  it('wrong content type', async () => {
    expectProblem(
      await send('POST', '/api/v1/users', '<user/>', 'application/xml'),
      415,
      'unsupported_media_type',
    );
  });

  it('unknown routes and garbage cursors', async () => {
    expectProblem(await send('GET', '/api/v1/nothing-here'), 404, 'not_found');
    expectProblem(await send('GET', '/api/v1/users?cursor=%%%'), 400, 'invalid_cursor');
  });

  it('requests without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
    expectProblem(response, 401, 'unauthenticated');
  });

  it('publishes the OpenAPI document with every route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const spec = response.json();
    expect(spec.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/users',
      '/api/v1/org-units/{id}',
      '/api/v1/audit-events',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });

  it('health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
