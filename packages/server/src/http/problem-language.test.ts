import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  type OrgTree,
  type TestApp,
} from '../../test/factories.js';

let t: TestApp;
let tree: OrgTree;
let admin: { cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  admin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.station });
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `lang${Math.random().toString(36).slice(2, 8)}`,
  displayName: '李四',
  password: 'Strong-Pass-2026',
  roles: ['grid_worker'],
  orgUnitId: tree.gridA.id,
  ...overrides,
});

type Ask = (headers: Record<string, string>) => Promise<LightMyRequestResponse>;

/** The same request asked with no language, in English, and with a language we do not speak. */
async function inLanguages(ask: Ask) {
  const [plain, english, french] = await Promise.all([
    ask({}),
    ask({ 'accept-language': 'en-US,en;q=0.9' }),
    ask({ 'accept-language': 'fr-FR' }),
  ]);
  for (const res of [plain, english, french]) {
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(String(res.headers.vary)).toMatch(/accept-language/i);
  }
  expect(english.statusCode).toBe(plain.statusCode);
  expect(english.json().code).toBe(plain.json().code);
  expect(french.json()).toEqual(plain.json());
  return { zh: plain.json(), en: english.json() };
}

describe('problem answers follow Accept-Language', () => {
  it('answers a 401 in Chinese by default and in English when asked', async () => {
    const { zh, en } = await inLanguages((headers) =>
      t.app.inject({ method: 'GET', url: '/api/v1/users', headers }),
    );
    expect(zh).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: '未登录或登录已失效',
      detail: '请先登录',
    });
    expect(en).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: 'Not signed in or session expired',
      detail: 'Please sign in first',
    });
  });

  it('answers a 404 of a service in either language', async () => {
    const { zh, en } = await inLanguages((headers) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/users/01900000-0000-7000-8000-000000000000',
        headers: { ...headers, cookie: admin.cookie },
      }),
    );
    expect(zh).toMatchObject({ status: 404, code: 'not_found', detail: '用户不存在或无权访问' });
    expect(en).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: 'The user does not exist or you may not access it',
    });
  });

  it('answers a 409 username_taken with the username in either language', async () => {
    const payload = newUser();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie },
      payload,
    });
    expect(created.statusCode).toBe(201);
    const { zh, en } = await inLanguages((headers) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { ...headers, cookie: admin.cookie },
        payload,
      }),
    );
    expect(zh).toMatchObject({
      status: 409,
      code: 'username_taken',
      detail: `用户名 ${payload.username} 已被使用`,
    });
    expect(en).toMatchObject({
      status: 409,
      code: 'username_taken',
      detail: `Username ${payload.username} is already taken`,
    });
  });

  it('answers a 422 with its field errors in either language', async () => {
    const payload = newUser({ password: 'abc' });
    const { zh, en } = await inLanguages((headers) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { ...headers, cookie: admin.cookie },
        payload,
      }),
    );
    expect(zh).toMatchObject({ status: 422, code: 'weak_password', detail: '密码不符合复杂度要求' });
    expect(zh.errors).toContainEqual({ field: 'password', message: '密码长度不能少于10位' });
    expect(en).toMatchObject({
      status: 422,
      code: 'weak_password',
      detail: 'The password does not meet the complexity rules',
    });
    expect(en.errors).toContainEqual({
      field: 'password',
      message: 'The password must be at least 10 characters long',
    });
    expect(en.errors).toHaveLength(zh.errors.length);
  });

  it('answers the text guard’s 400 naming the field in either language', async () => {
    const payload = newUser({ displayName: 'a\u0000b' });
    const { zh, en } = await inLanguages((headers) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { ...headers, cookie: admin.cookie },
        payload,
      }),
    );
    expect(zh).toMatchObject({
      status: 400,
      code: 'validation_failed',
      detail: '提交的内容含有不允许的字符',
    });
    expect(zh.errors).toEqual([{ field: 'displayName', message: '含有不允许的空字符（\\u0000）' }]);
    expect(en).toMatchObject({
      status: 400,
      code: 'validation_failed',
      detail: 'The submission contains characters that are not allowed',
    });
    expect(en.errors).toEqual([
      { field: 'displayName', message: 'Contains a null character (\\u0000), which is not allowed' },
    ]);
  });

  it('answers the schema validator’s 400 in either language', async () => {
    const { zh, en } = await inLanguages((headers) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { ...headers, cookie: admin.cookie },
        payload: { ...newUser(), displayName: undefined },
      }),
    );
    expect(zh).toMatchObject({ status: 400, code: 'validation_failed', detail: '提交的内容未通过校验' });
    expect(zh.errors).toContainEqual({ field: 'displayName', message: '必填项缺失' });
    expect(en).toMatchObject({ detail: 'The submission did not pass validation' });
    expect(en.errors).toContainEqual({ field: 'displayName', message: 'Required' });
  });
});
