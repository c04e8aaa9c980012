import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  generateIdCard,
  type TestApp,
} from '../../test/factories.js';
import { loggableUrl, scrubErrorText } from './log-options.js';

const logged: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    logged.push(String(chunk));
    done();
  },
});

let t: TestApp;
let officer: string;
const idCard = generateIdCard('330681', '1968-03-09', 417);
const phone = '13957781234';

beforeAll(async () => {
  t = await createTestApp({ logger: { level: 'trace', stream: sink } });
  const tree = await createOrgTree(t.system);
  officer = (await createSignedInUser(t, { roles: ['community_officer'], org: tree.communityA })).cookie;
  const household = await t.app.inject({
    method: 'POST',
    url: '/api/v1/households',
    headers: { cookie: officer },
    payload: { address: { community: '甲村', street: '新村路', room: '8号' }, lng: 120.205, lat: 29.605 },
  });
  expect(household.statusCode).toBe(201);
  const person = await t.app.inject({
    method: 'POST',
    url: `/api/v1/households/${household.json().household.id}/residents`,
    headers: { cookie: officer },
    payload: { name: '冯秋菊', idCard, phone, relation: '户主', residenceType: '户籍' },
  });
  expect(person.statusCode).toBe(201);
});
afterAll(() => t.close());

describe('what the server logs', () => {
  it('keeps the ID number and phone of an exact search out of every log line', async () => {
    logged.length = 0;
    for (const q of [idCard, phone, `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`]) {
      const found = await t.app.inject({
        method: 'GET',
        url: `/api/v1/residents?q=${encodeURIComponent(q)}`,
        headers: { cookie: officer },
      });
      expect(found.statusCode).toBe(200);
      expect(found.json().items).toHaveLength(1);
    }
    // A body the server cannot parse still gets logged as a request; its text must not be.
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: officer, 'content-type': 'application/json' },
      payload: `{"idCard": "${idCard}", "phone": ${phone}`,
    });
    expect(broken.statusCode).toBe(400);

    const text = logged.join('');
    // The searches were logged (so the check below looks at real lines), by path and parameter name only.
    expect(text).toContain('"url":"/api/v1/residents?q=*"');
    for (const secret of [idCard, phone, phone.slice(3, 7) + phone.slice(7)])
      expect(text).not.toContain(secret);
  });
});

describe('log helpers', () => {
  it('logs a query string by its parameter names only', () => {
    expect(loggableUrl('/api/v1/residents?q=330681196803094170&limit=20&q=x')).toBe(
      '/api/v1/residents?q=*&limit=*',
    );
    expect(loggableUrl('/api/v1/households/abc')).toBe('/api/v1/households/abc');
  });

  it("cuts the values a driver error quotes: Drizzle's params and PostgreSQL's Key (…)=(…)", () => {
    const drizzle =
      'Failed query: select * from residents where id_hash = $1\nparams: 330681196803094170,13957781234';
    expect(scrubErrorText(drizzle)).toBe(
      'Failed query: select * from residents where id_hash = $1\nparams: [redacted]',
    );
    expect(scrubErrorText('Key (username)=(zhang.san) already exists.')).toBe(
      'Key (username)=(***) already exists.',
    );
  });
});
