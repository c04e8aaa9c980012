import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgTree, createSignedInUser, createTestApp, type TestApp } from '../../test/factories.js';

let t: TestApp;
let cookie: string;
let officer: string;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await createOrgTree(t.system);
  cookie = (await createSignedInUser(t, { roles: ['system_admin'], org: tree.station })).cookie;
  officer = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
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

  it('refuses NUL and lone surrogates in a sign-in body, naming the field, before the sign-in counts an attempt', async () => {
    const attempts = async () =>
      Number((await t.database.pool.query('select count(*) from login_attempts')).rows[0].count);
    const before = await attempts();
    for (const [payload, field] of [
      ['{"username":"admin\\u0000","password":"x"}', 'username'],
      ['{"username":"admin","password":"\\ud800"}', 'password'],
      ['{"username":"admin","password":"x\\udc00y"}', 'password'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      const body = expectProblem(response, 400, 'validation_failed');
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(body.errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await attempts()).toBe(before);
  });

  it('keeps a valid surrogate pair (an emoji or a rare hanzi) as text', async () => {
    const response = await send('GET', `/api/v1/users?q=${encodeURIComponent('𠀀😀')}`);
    expect(response.statusCode).toBe(200);
  });

  it('refuses NUL in nested body fields and arrays, with their paths', async () => {
    const body = expectProblem(
      await send(
        'POST',
        '/api/v1/users',
        JSON.stringify({
          username: 'abc',
          displayName: 'x',
          roles: ['grid_worker', 'a\u0000'],
          nested: { deep: ['\u0000'] },
        }),
      ),
      400,
      'validation_failed',
    );
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nested.deep.0', 'roles.1']);
  });

  it('refuses NUL in query strings, on routes with a schema for them or without one', async () => {
    for (const [url, field] of [
      ['/api/v1/users?q=%00', 'querystring.q'],
      ['/api/v1/residents?q=a%00b', 'querystring.q'],
      ['/api/v1/households?address=%00', 'querystring.address'],
      ['/api/v1/audit-events?actor=%00', 'querystring.actor'],
      ['/api/v1/audit-events/export?actor=%00', 'querystring.actor'],
      ['/api/v1/auth/me?anything=%00', 'querystring.anything'],
    ] as const) {
      const body = expectProblem(await send('GET', url), 400, 'validation_failed');
      expect(
        body.errors.map((e: { field: string }) => e.field),
        url,
      ).toEqual([field]);
    }
  });

  it('refuses NUL in path parameters', async () => {
    for (const [url, field] of [
      ['/api/v1/org-units/%00', 'params.id'],
      ['/api/v1/households/by-qr/abcdefghijklmnop%00', 'params.code'],
    ] as const) {
      const body = expectProblem(await send('GET', url), 400, 'validation_failed');
      expect(
        body.errors.map((e: { field: string }) => e.field),
        url,
      ).toEqual([field]);
    }
  });

  it('answers a path that does not decode, or a parameter too long, in Chinese and without Fastify text', async () => {
    for (const url of ['/api/v1/org-units/%FF', '/api/v1/org-units/%ED%A0%80', '/api/v1/users/%']) {
      const body = expectProblem(await send('GET', url), 400, 'bad_url');
      expect(JSON.stringify(body), url).not.toMatch(/FST_ERR|valid url component/);
    }
    const long = await send('GET', `/api/v1/org-units/${'x'.repeat(1000)}`);
    expect(expectProblem(long, 414, 'url_too_long').detail).toMatch(/[\u4e00-\u9fa5]/);
    expect(long.body).not.toContain('FST_ERR');
  });

  it('refuses bodies nested deeper than any of ours before the validator recurses into them', async () => {
    const deep = `{"username":"abc","displayName":"x","roles":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const body = expectProblem(await send('POST', '/api/v1/users', deep), 400, 'validation_failed');
    expect(body.errors[0].field).toMatch(/^roles(\.0)+$/);
    expect(body.errors[0].message).toContain('嵌套层级过深');
  });

  it('leaves an uploaded file alone: its bytes are not text to the guard', async () => {
    const file = Buffer.from('村/社区,门牌号,姓名,身份证号\r\n甲村,1\u0000号,张三,x', 'utf8');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/household-imports?mode=dry-run',
      payload: file,
      headers: { cookie: officer, 'content-type': 'text/csv' },
    });
    // The file reached the import's own reader, which judges a NUL byte: not the guard's 400.
    expectProblem(response, 422, 'invalid_file');
    // Its query parameters are text like any other.
    const mapping = await t.app.inject({
      method: 'POST',
      url: '/api/v1/household-imports?mode=dry-run&mapping=%7B%22name%22%3A%22%00%22%7D',
      payload: file,
      headers: { cookie: officer, 'content-type': 'text/csv' },
    });
    const body = expectProblem(mapping, 400, 'validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['querystring.mapping']);
  });

  it('health and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
