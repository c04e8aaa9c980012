import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  generateIdCard,
  type OrgTree,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/factories.js';
import { createApiTokenAsSystem } from '../modules/tokens/index.js';
import { crossSiteReason } from './cross-site-guard.js';

let t: TestApp;
let tree: OrgTree;
let officer: { id: string; username: string; cookie: string };
let residentId: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  officer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
  const household = await t.app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: { cookie: officer.cookie },
    payload: { address: { community: '甲村', street: '新村路', room: '3号' }, lng: 120.205, lat: 29.605 },
  });
  const person = await t.app.inject({
    method: 'POST',
    url: `/api/v1/households/${household.json().household.id}/residents`,
    headers: { cookie: officer.cookie },
    payload: {
      name: '何建国',
      idCard: generateIdCard('330681', '1961-07-02', 31),
      relation: '户主',
      residenceType: '户籍',
    },
  });
  expect(person.statusCode).toBe(201);
  residentId = person.json().id;
});
afterAll(() => t.close());

const unmask = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/residents/${residentId}/unmask`, headers });

async function auditCount(action: string, username: string | null = officer.username): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: number }>(
    'select count(*)::int as n from audit_log where action = $1 and actor_name is not distinct from $2',
    [action, username],
  );
  return rows[0]?.n ?? 0;
}

describe('requests another site starts', () => {
  it('refuses a cookie-signed unmask whose Origin is another site, audits the refusal, unmasks nothing', async () => {
    const unmasksBefore = await auditCount('resident.unmask');
    const refused = await unmask({ cookie: officer.cookie, origin: 'https://evil.example' });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'cross_site_request', detail: '拒绝来自其他站点的请求' });
    expect(refused.body).not.toContain('idCard');
    expect(await auditCount('request.cross_site')).toBe(1);
    expect(await auditCount('resident.unmask')).toBe(unmasksBefore);
  });

  it('refuses what Sec-Fetch-Site calls cross-site or same-site, even without an Origin', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const refused = await unmask({ cookie: officer.cookie, 'sec-fetch-site': site });
      expect(refused.statusCode).toBe(403);
    }
  });

  it('lets the app itself through: same origin, a typed address (none), or no header at all', async () => {
    const cases: Record<string, string>[] = [
      { origin: 'http://localhost:80', host: 'localhost:80' },
      { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80', host: 'localhost:80' },
      { 'sec-fetch-site': 'none' },
      // behind a proxy that sends its own Host, the browser's same-origin still holds
      { 'sec-fetch-site': 'same-origin', origin: 'https://fq.example.gov.cn', host: '127.0.0.1:3000' },
      {},
    ];
    for (const headers of cases) {
      const allowed = await unmask({ cookie: officer.cookie, ...headers });
      expect(allowed.statusCode).toBe(200);
      expect(allowed.json().idCard).toMatch(/^330681/);
    }
  });

  it('refuses a sign-in posted from another site (a forged login)', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: officer.username, password: TEST_PASSWORD },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.cookies).toHaveLength(0);
    expect(await auditCount('request.cross_site', null)).toBeGreaterThanOrEqual(1);
  });

  it('leaves bearer-token requests alone: a browser never sends a token by itself', async () => {
    const { token } = await createApiTokenAsSystem(t.system, { name: '脚本', username: officer.username });
    const allowed = await unmask({ authorization: `Bearer ${token}`, origin: 'https://evil.example' });
    expect(allowed.statusCode).toBe(200);
  });

  it('reads the signals as expected', () => {
    expect(crossSiteReason({ origin: 'https://fq.example.gov.cn' }, 'fq.example.gov.cn')).toBeNull();
    expect(crossSiteReason({ origin: 'null' }, 'fq.example.gov.cn')).toBe('origin: null');
    expect(crossSiteReason({ origin: 'https://fq.example.gov.cn:8443' }, 'fq.example.gov.cn')).toMatch(
      /^origin/,
    );
  });
});

describe('the session cookie', () => {
  it('is cleared at sign-out with the attributes it was set with', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: officer.username, password: TEST_PASSWORD },
      remoteAddress: '127.9.9.9',
    });
    const set = login.cookies.find((c) => c.name === 'fq_session');
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: `fq_session=${set?.value}` },
    });
    expect(logout.statusCode).toBe(204);
    const cleared = logout.cookies.find((c) => c.name === 'fq_session');
    const attributes = (c: typeof set) => ({ path: c?.path, httpOnly: c?.httpOnly, sameSite: c?.sameSite });
    expect(attributes(set)).toEqual({ path: '/', httpOnly: true, sameSite: 'Strict' });
    expect(attributes(cleared)).toEqual(attributes(set));
    expect(cleared?.value).toBe('');
  });
});

describe('HTML responses', () => {
  it('all carry a Content-Security-Policy, the API docs included', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    const page = docs.statusCode === 302 ? docs.headers.location : '/api/docs';
    const pages = [
      '/api/docs',
      `/api/docs/${String(page).replace(/^.*\/api\/docs\/?/, '')}`,
      '/api/docs/static/index.html',
    ];
    let htmlSeen = 0;
    for (const url of pages) {
      const response = await t.app.inject({ method: 'GET', url });
      if (!String(response.headers['content-type'] ?? '').startsWith('text/html')) continue;
      htmlSeen++;
      expect(response.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
    }
    expect(htmlSeen).toBeGreaterThan(0);
  });
});
