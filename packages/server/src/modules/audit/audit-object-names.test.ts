import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  generateIdCard,
  type OrgTree,
  type TestApp,
} from '../../../test/factories.js';
import { recordAudit } from './audit.service.js';

let t: TestApp;
let tree: OrgTree;
let stationAuditor: string;
let auditorA: string;
let officerA: { id: string; username: string; cookie: string };
let officerB: { id: string; username: string; cookie: string };
let chief: string;
let householdId: string;

interface Event {
  action: string;
  objectType: string | null;
  objectId: string | null;
  objectName: string | null;
}

const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie }, payload: payload as object });

async function events(cookie: string, query = ''): Promise<Event[]> {
  const response = await call(cookie, 'GET', `/api/v1/audit-events?limit=500${query}`);
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  stationAuditor = (await createSignedInUser(t, { roles: ['audit_admin'], org: tree.station })).cookie;
  auditorA = (await createSignedInUser(t, { roles: ['audit_admin'], org: tree.communityA })).cookie;
  chief = (await createSignedInUser(t, { roles: ['station_chief'], org: tree.station })).cookie;
  officerA = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA });
  officerB = await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityB });
  const created = await call(officerA.cookie, 'POST', '/api/v1/households', {
    address: { community: '甲村', street: '新村路', room: '7号' },
    lng: 120.205,
    lat: 29.605,
  });
  expect(created.statusCode).toBe(201);
  householdId = created.json().household.id;
  const head = await call(officerA.cookie, 'POST', `/api/v1/households/${householdId}/residents`, {
    relation: '户主',
    residenceType: '户籍',
    name: '王建国',
    idCard: generateIdCard('330681', '1960-05-01', 701),
  });
  expect(head.statusCode).toBe(201);
  await recordAudit(t.system.db, t.system.keys.audit, {
    action: 'org.update',
    objectType: 'org_unit',
    objectId: tree.gridB.id,
    result: 'ok',
  });
});
afterAll(() => t.close());

describe('audit log objects', () => {
  it('names accounts, households and units in one page, as the caller may see them', async () => {
    const items = await events(stationAuditor);
    const loginA = items.find((e) => e.action === 'auth.login' && e.objectId === officerA.id);
    const loginB = items.find((e) => e.action === 'auth.login' && e.objectId === officerB.id);
    expect(loginA?.objectName).toBe(`测试用户（${officerA.username}）`);
    expect(loginB?.objectName).toBe(`测试用户（${officerB.username}）`);
    expect(items.find((e) => e.objectId === tree.gridB.id)?.objectName).toBe('乙村第一网格');
  });

  it('shows a household by its masked address and head, exactly as the household list masks them at the same scope', async () => {
    const named = (await events(stationAuditor)).find(
      (e) => e.objectType === 'household' && e.objectId === householdId,
    );
    const listed = (await call(chief, 'GET', `/api/v1/households?ids=${householdId}`)).json().items[0];
    expect(named?.objectName).toBe(`${listed.addressMasked} · ${listed.headName}`);
    expect(named?.objectName).toContain('甲村新村路');
    expect(named?.objectName).not.toContain('7号');
  });

  it('names no object outside the caller’s scope: only its type shows', async () => {
    const items = await events(auditorA);
    const loginA = items.find((e) => e.action === 'auth.login' && e.objectId === officerA.id);
    const loginB = items.find((e) => e.action === 'auth.login' && e.objectId === officerB.id);
    expect(loginA?.objectName).toBe(`测试用户（${officerA.username}）`);
    expect(loginB).toMatchObject({ objectType: 'user', objectName: null });
    expect(items.find((e) => e.objectId === tree.gridB.id)).toMatchObject({
      objectType: 'org_unit',
      objectName: null,
    });
  });

  it('filters by action group', async () => {
    const register = await events(stationAuditor, '&group=register');
    expect(register.length).toBeGreaterThan(0);
    expect(new Set(register.map((e) => e.action))).toEqual(new Set(['household.create', 'resident.create']));
    const accounts = await events(stationAuditor, '&group=account');
    expect(accounts.every((e) => e.action.startsWith('auth.') || e.action.startsWith('user.'))).toBe(true);
    expect(accounts.some((e) => e.action === 'auth.login')).toBe(true);
    expect((await call(stationAuditor, 'GET', '/api/v1/audit-events?group=nope')).statusCode).toBe(400);
  });
});
