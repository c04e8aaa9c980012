import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  type OrgTree,
  type TestApp,
} from '../../test/factories.js';

// A built web app as the server sees it: the shell, and the door plate's own page.
const webDir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-web-'));
mkdirSync(path.join(webDir, 'assets'));
writeFileSync(
  path.join(webDir, 'index.html'),
  '<!doctype html><html><head><!-- fengqiao:config --></head><body><div id="root"></div></body></html>',
);
writeFileSync(
  path.join(webDir, 'qr.html'),
  '<!doctype html><html><head><!-- fengqiao:viewer --><script type="module" src="/assets/qr.js"></script></head><body><main id="qr"></main></body></html>',
);

let t: TestApp;
let tree: OrgTree;
let qrCode: string;
let householdId: string;

beforeAll(async () => {
  t = await createTestApp({ webDir });
  tree = await createOrgTree(t.system);
  const officer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: { cookie: officer.cookie },
    payload: { address: { community: '甲村', street: '新村路', room: '5号' }, lng: 120.205, lat: 29.605 },
  });
  expect(created.statusCode).toBe(201);
  householdId = created.json().household.id;
  qrCode = created.json().qrCode;
});
afterAll(() => t.close());

const scan = (cookie?: string, code = qrCode) =>
  t.app.inject({ method: 'GET', url: `/h/${code}`, headers: cookie ? { cookie } : {} });

describe('a scanned door plate', () => {
  it('gives a stranger the public page, not the app, under a policy that allows nothing inline', async () => {
    const page = await scan();
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<main id="qr">');
    expect(page.body).not.toContain('id="root"');
    expect(page.body).toContain('<meta name="fengqiao-viewer" content="stranger" />');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('sha256-');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('sends the community officer who may see the household straight to its file', async () => {
    const officer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
    const page = await scan(officer.cookie);
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe(`/households/${householdId}`);
  });

  it("gives another community's officer the public page, told the plate is not theirs, and audits the denial", async () => {
    const other = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB });
    const page = await scan(other.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('content="not-yours"');
    const { rows } = await t.database.pool.query(
      `select 1 from audit_log where actor_name = $1 and result = 'denied' and object_id = $2`,
      [other.username, householdId],
    );
    expect(rows.length).toBe(1);
  });

  it('gives signed-in staff without access to households the public page as staff, with no denial audited', async () => {
    const admin = await createSignedInUser(t, { roles: ['system_admin'], org: tree.bureau });
    const page = await scan(admin.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('content="staff"');
    const { rows } = await t.database.pool.query(
      `select 1 from audit_log where actor_name = $1 and result = 'denied'`,
      [admin.username],
    );
    expect(rows.length).toBe(0);
  });

  it('treats an expired or forged session cookie as a stranger', async () => {
    const page = await scan('fq_session=not-a-session');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('content="stranger"');
  });

  it('gives staff the public page for a plate that does not exist, which then says it is invalid', async () => {
    const officer = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
    const page = await scan(officer.cookie, 'A'.repeat(22));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('content="not-yours"');
  });
});
