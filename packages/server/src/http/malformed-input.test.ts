import { randomInt, randomUUID } from 'node:crypto';
import type { Role } from '@fengqiao/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOrgTree,
  createSignedInUser,
  createTestApp,
  createTestUser,
  generateIdCard,
  loginAs,
  type OrgTree,
  square,
  TEST_PASSWORD,
  type TestApp,
} from '../../test/factories.js';

/**
 * Every operation of the published OpenAPI document, fed malformed values in every body field,
 * query parameter and path parameter, one at a time with plausible values in the others: none may
 * answer 5xx or let internal text out. Routes are read from `/api/v1/openapi.json` at run time, so a
 * route added later is covered without anyone adding it here.
 */

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  minLength?: number;
  minItems?: number;
  minimum?: number;
  $ref?: string;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: string;
  /** OpenAPI template, e.g. /api/v1/org-units/{id}. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: Schema;
}

/** A request of the run: what was sent, and where the malformed value went. */
interface Probe {
  method: string;
  url: string;
  field: string;
  value: string;
  payload?: string;
  contentType?: string;
  cookie?: string;
}

/** Registered but not published: health checks, the document itself, the docs UI and the web shell. */
const UNPUBLISHED = [
  /^\/healthz$/,
  /^\/readyz$/,
  /^\/api\/v1\/openapi\.json$/,
  /^\/api\/docs(\/|\*|$)/,
  /^\/\*$/,
];

/** Routes whose body is not JSON: a small valid file so their query parameters are reached. */
const FILE_BODIES: Record<string, { contentType: string; payload: string }> = {
  'POST /api/v1/household-imports': {
    contentType: 'text/csv',
    payload: `村/社区,门牌号,姓名,身份证号\r\n甲村,1号,张三,${generateIdCard('330681', '1970-01-01', 901)}`,
  },
};

/** Routes that end the caller's session: each request of theirs signs in afresh. */
const SESSION_ENDING = new Set(['POST /api/v1/auth/logout']);

const CONCURRENCY = 6;
const LEAK =
  /FST_ERR|Failed query|invalid byte sequence|violates|duplicate key|DrizzleQueryError|at .*\.js:\d+/;

let t: TestApp;
let tree: OrgTree;
/** Business and admin sessions, tried in this order until one is allowed the operation. */
let cookies: string[];
let victims: Record<string, string>;
let victimUsername: string;
let victimQr: string;
let logoutUser: string;
let counter = 0;

const RAW = '@@raw-json@@';
const raw = (text: string) => ({ [RAW]: text });

/** Values that each take the place of one body field (JSON). `raw()` ones are written as JSON text. */
const BODY_VALUES: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00',
  '\udbff\udbff',
  'x'.repeat(100_000),
  '',
  ' ',
  '😀𠀀',
  "' or 1=1 --",
  '../../etc/passwd',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  0,
  -1,
  1.5,
  -0,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  raw('1e309'),
  raw('-1e309'),
  raw('9007199254740993'),
  raw(`1${'0'.repeat(400)}`),
  raw('1e-400'),
  true,
  false,
  null,
  [],
  {},
  ['\u0000'],
  [null, [], {}],
  Array.from({ length: 10_000 }, () => 'x'),
  { a: { b: { c: '\u0000' } } },
  raw('{"__proto__":{"polluted":true}}'),
  raw('{"constructor":{"prototype":{"polluted":true}}}'),
  { prototype: { polluted: true } },
  raw(`${'['.repeat(5000)}${']'.repeat(5000)}`),
];

/** Values for query and path parameters, already percent-encoded as they travel. */
const URL_VALUES: string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  'x%ED%B0%80',
  '%F0%9F%98',
  '%FF',
  '%C0%80',
  '%',
  '%%41',
  'x'.repeat(100_000),
  '',
  '%20',
  '-1',
  '0',
  '1.5',
  '1e309',
  '9007199254740993',
  `1${'0'.repeat(400)}`,
  'NaN',
  'Infinity',
  'true',
  'null',
  '%5B%5D',
  '%7B%7D',
  '__proto__',
  'constructor',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  encodeURIComponent("' or 1=1 --"),
  '..%2F..%2Fetc%2Fpasswd',
  encodeURIComponent('😀𠀀'),
];

/** Whole query strings added to the operation's own: odd keys and repeated keys. */
const EXTRA_QUERIES = [
  '__proto__=x',
  '__proto__%5Bpolluted%5D=1',
  'constructor%5Bprototype%5D%5Bpolluted%5D=1',
  '%00=1',
  '%ED%A0%80=1',
];

/** Whole bodies in place of the operation's own. */
const WHOLE_BODIES = [
  'null',
  '[]',
  '"\\u0000"',
  '"\\ud800"',
  '1e309',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  '{"\\u0000":1}',
];

const describeValue = (value: unknown): string => {
  if (value && typeof value === 'object' && RAW in value)
    return String((value as Record<string, string>)[RAW]);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
};

/** JSON text of a body holding raw() values where they stand. */
function toJsonText(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value) => {
    if (value && typeof value === 'object' && RAW in value) {
      raws.push(value[RAW]);
      return `${RAW}${raws.length - 1}`;
    }
    return value;
  });
  return text.replace(new RegExp(`"${RAW}(\\d+)"`, 'g'), (_m, i) => raws[Number(i)] as string);
}

/** Plausible values by field name, so the malformed field is the only thing wrong with a request. */
function knownValue(opKey: string, name: string): unknown {
  const n = ++counter;
  const values: Record<string, () => unknown> = {
    username: () => (opKey === 'POST /api/v1/users' ? `mf${n}x${randomInt(1e9)}` : victimUsername),
    password: () => (opKey.endsWith('/auth/login') ? TEST_PASSWORD : `Strong-Pass-${n}-2026!`),
    totp: () => '123456',
    displayName: () => '测试用户',
    roles: () => ['grid_worker'],
    orgUnitId: () => tree.gridA.id,
    scopeOrgId: () => tree.gridA.id,
    parentId: () => tree.communityA.id,
    kind: () => 'grid',
    code: () => `MF${n}${randomInt(1e6)}`,
    name: () => '测试名称',
    boundary: () => square(120.205, 29.605, 0.001),
    workPhone: () => '13800000000',
    disabled: () => false,
    address: () => ({ community: '甲村', street: '测试路', room: `${n}号` }),
    community: () => '甲村',
    street: () => '测试路',
    room: () => `${n}号`,
    lng: () => 120.205,
    lat: () => 29.605,
    idCard: () => generateIdCard('330681', '1980-01-01', n % 1000),
    phone: () => '13800000001',
    relation: () => '户主',
    residenceType: () => '户籍',
    expiresInDays: () => 30,
    mode: () => 'dry-run',
    limit: () => 10,
    q: () => '张',
  };
  return values[name]?.();
}

function resolve(schema: Schema | undefined, spec: Record<string, unknown>): Schema | undefined {
  if (!schema?.$ref) return schema;
  const parts = schema.$ref.replace(/^#\//, '').split('/');
  return resolve(
    parts.reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], spec) as Schema,
    spec,
  );
}

/** A value the schema accepts, or near enough: the schema's first choice of everything. */
function sampleOf(schema: Schema | undefined, spec: Record<string, unknown>): unknown {
  const s = resolve(schema, spec);
  if (!s) return 'x';
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const branch = (s.anyOf ?? s.oneOf)?.find((b) => resolve(b, spec)?.type !== 'null');
  if (branch) return sampleOf(branch, spec);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return tree.gridA.id;
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'date') return '2020-01-01';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items, spec));
    case 'object':
      return Object.fromEntries((s.required ?? []).map((key) => [key, sampleOf(s.properties?.[key], spec)]));
    default:
      return 'x';
  }
}

/**
 * The body to send: its required fields, and for a create every field we know a plausible value for.
 * An edit sends only the field under test, so no other field's permission or rule stops it first.
 * Made afresh for each request, so names and numbers that must be unique are.
 */
function baselineBody(op: Operation, schema: Schema, spec: Record<string, unknown>): Record<string, unknown> {
  const opKey = `${op.method} ${op.path}`;
  const s = resolve(schema, spec) as Schema;
  const body: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(s.properties ?? {})) {
    const required = s.required?.includes(key);
    if (!required && op.method === 'PATCH') continue;
    const known = knownValue(opKey, key);
    if (known !== undefined) body[key] = known;
    else if (required) body[key] = sampleOf(property, spec);
  }
  return body;
}

/** Dotted paths of every body field, nested objects included (`address.room`). */
function fieldPaths(schema: Schema | undefined, spec: Record<string, unknown>, prefix = ''): string[] {
  const s = resolve(schema, spec);
  if (!s?.properties) return [];
  return Object.entries(s.properties).flatMap(([key, property]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(property, spec, path)];
  });
}

function withField(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
  return copy;
}

/** The path parameter's plausible value: the record of that resource made for the run. */
function pathValue(op: Operation, param: Parameter): string {
  if (op.method === 'DELETE') return randomUUID();
  if (param.name === 'code') return victimQr;
  const resource = op.path.split('/{')[0]?.split('/').pop() ?? '';
  return victims[resource] ?? randomUUID();
}

function readOperations(spec: Record<string, unknown>): Operation[] {
  const paths = spec.paths as Record<string, Record<string, Record<string, unknown>>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => {
        const parameters = (op.parameters ?? []) as Parameter[];
        const content = (op.requestBody as { content?: Record<string, { schema: Schema }> })?.content;
        return {
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path'),
          queryParams: parameters.filter((p) => p.in === 'query'),
          body: content?.['application/json']?.schema,
        };
      }),
  );
}

/**
 * Every probe of one operation: a first baseline to choose the session with, the baseline itself,
 * then one malformed value in one place at a time.
 */
function probesOf(op: Operation, spec: Record<string, unknown>): Probe[] {
  const key = `${op.method} ${op.path}`;
  const file = FILE_BODIES[key];
  const params = Object.fromEntries(op.pathParams.map((p) => [p.name, encodeURIComponent(pathValue(op, p))]));
  const query: Record<string, string> = {};
  for (const p of op.queryParams) {
    const known = knownValue(key, p.name);
    if (known !== undefined) query[p.name] = encodeURIComponent(String(known));
    else if (p.required) query[p.name] = encodeURIComponent(String(sampleOf(p.schema, spec)));
  }
  const freshBody = () => (op.body ? baselineBody(op, op.body, spec) : undefined);
  const body = freshBody();
  const urlOf = (p: Record<string, string>, q: Record<string, string>, extra?: string) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_m, name) => p[name] ?? '');
    const search = [...Object.entries(q).map(([k, v]) => `${k}=${v}`), ...(extra ? [extra] : [])].join('&');
    return search ? `${path}?${search}` : path;
  };
  const base = {
    method: op.method,
    ...(file ?? (body ? { contentType: 'application/json', payload: toJsonText(body) } : {})),
  };
  const baseline = (): Probe => ({
    ...base,
    ...(body && !file ? { payload: toJsonText(freshBody()) } : {}),
    url: urlOf(params, query),
    field: '(baseline)',
    value: '',
  });
  const probes: Probe[] = [baseline(), baseline()];
  for (const p of op.pathParams) {
    for (const value of URL_VALUES) {
      probes.push({
        ...base,
        url: urlOf({ ...params, [p.name]: value }, query),
        field: `params.${p.name}`,
        value,
      });
    }
  }
  for (const p of op.queryParams) {
    for (const value of URL_VALUES) {
      probes.push({
        ...base,
        url: urlOf(params, { ...query, [p.name]: value }),
        field: `querystring.${p.name}`,
        value,
      });
    }
    probes.push({
      ...base,
      url: urlOf(params, query, `${p.name}=a&${p.name}=b`),
      field: `querystring.${p.name}`,
      value: 'repeated',
    });
  }
  // Parameters the operation does not declare, for routes with no query schema at all.
  for (const value of [...URL_VALUES.slice(0, 10), 'x'.repeat(100_000)]) {
    probes.push({
      ...base,
      url: urlOf(params, { ...query, undeclared: value }),
      field: 'querystring.undeclared',
      value,
    });
  }
  for (const extra of EXTRA_QUERIES) {
    probes.push({ ...base, url: urlOf(params, query, extra), field: 'querystring', value: extra });
  }
  if (body && op.body) {
    for (const path of fieldPaths(op.body, spec)) {
      for (const value of [...BODY_VALUES, [BODY_VALUES[0]]]) {
        probes.push({
          ...base,
          url: urlOf(params, query),
          payload: toJsonText(withField(freshBody() as Record<string, unknown>, path, value)),
          field: `body.${path}`,
          value: describeValue(value),
        });
      }
    }
    const poisoned = toJsonText(freshBody()).replace(/^\{/, '{"__proto__":{"polluted":true},');
    for (const payload of [...WHOLE_BODIES, poisoned]) {
      probes.push({
        ...base,
        url: urlOf(params, query),
        payload,
        field: 'body',
        value: describeValue(raw(payload)),
      });
    }
  }
  return probes;
}

async function send(probe: Probe): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: probe.method as 'GET',
    url: probe.url,
    payload: probe.payload,
    headers: {
      ...(probe.cookie ? { cookie: probe.cookie } : {}),
      ...(probe.contentType ? { 'content-type': probe.contentType } : {}),
    },
    // Each from its own address, so the per-address sign-in limit leaves the login route reachable.
    remoteAddress: `10.${randomInt(255)}.${randomInt(255)}.${randomInt(1, 255)}`,
  });
}

async function runLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/**
 * The first session allowed the operation: the baseline answers neither 401 nor 403 to it. Public
 * routes get none (signing in with a session cookie ends that session, as it should).
 */
async function cookieFor(probe: Probe): Promise<string | undefined> {
  for (const cookie of [undefined, ...cookies]) {
    const response = await send({ ...probe, cookie });
    if (response.statusCode !== 401 && response.statusCode !== 403) return cookie;
  }
  return cookies[0];
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.system);
  const session = async (roles: Role[], org = tree.station) =>
    (await createSignedInUser(t, { roles, org })).cookie;
  cookies = [
    await session(['community_officer'], tree.communityA),
    await session(['station_chief']),
    await session(['system_admin']),
    await session(['security_admin']),
    await session(['audit_admin']),
  ];
  const officer = cookies[0] as string;
  const victim = await createTestUser(t.system, { roles: ['grid_worker'], org: tree.gridA });
  victimUsername = victim.username;
  logoutUser = (await createTestUser(t.system, { roles: ['grid_worker'], org: tree.gridA })).username;
  const inject = (cookie: string, method: 'POST', url: string, payload: object) =>
    t.app.inject({ method, url, payload, headers: { cookie } });
  const grid = await inject(cookies[2] as string, 'POST', '/api/v1/org-units', {
    parentId: tree.communityA.id,
    kind: 'grid',
    code: 'MF-VICTIM',
    name: '受测网格',
  });
  const household = await inject(officer, 'POST', '/api/v1/households', {
    address: { community: '甲村', street: '受测路', room: '1号' },
    lng: 120.205,
    lat: 29.605,
  });
  const resident = await inject(
    officer,
    'POST',
    `/api/v1/households/${household.json().household.id}/residents`,
    {
      name: '受测人',
      idCard: generateIdCard('330681', '1975-05-05', 77),
      relation: '户主',
      residenceType: '户籍',
    },
  );
  const token = await inject(cookies[2] as string, 'POST', '/api/v1/api-tokens', {
    name: '受测令牌',
    username: victim.username,
  });
  for (const made of [grid, household, resident, token]) expect(made.statusCode, made.body).toBe(201);
  victims = {
    'org-units': grid.json().id,
    users: victim.id,
    households: household.json().household.id,
    residents: resident.json().id,
    'api-tokens': token.json().id,
  };
  victimQr = household.json().qrCode;
});
afterAll(() => t.close());

describe('malformed input on every published operation', () => {
  it('publishes every route in the OpenAPI document, except the listed health, document and shell routes', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const published = new Set(
      readOperations(spec).map((op) => `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const registered = registeredRoutes(t.app.printRoutes({ commonPrefix: false }));
    const hidden = registered.filter(
      (route) =>
        !published.has(route) && !UNPUBLISHED.some((pattern) => pattern.test(route.split(' ')[1] as string)),
    );
    expect(registered.length).toBeGreaterThan(20);
    expect(hidden).toEqual([]);
  });

  it('answers no malformed value with a 5xx or internal text', async () => {
    const started = Date.now();
    const spec = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations = readOperations(spec);
    expect(operations.length).toBeGreaterThan(25);
    const failures: string[] = [];
    let sent = 0;
    let baselineOk = 0;
    const check = (probe: Probe, response: LightMyRequestResponse) => {
      sent++;
      const where = `${probe.method} ${probe.url.slice(0, 120)} ${probe.field}=${probe.value.slice(0, 60)}`;
      if (response.statusCode >= 500) failures.push(`${response.statusCode} ${where}`);
      else if (response.statusCode >= 400 && LEAK.test(response.body))
        failures.push(`leak ${where}: ${response.body.slice(0, 200)}`);
      if (probe.field === '(baseline)' && response.statusCode < 300) baselineOk++;
    };
    // Deletions last, so the records the others point at are there while they run.
    const ordered = [...operations].sort(
      (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
    );
    for (const op of ordered) {
      const probes = probesOf(op, spec);
      if (SESSION_ENDING.has(`${op.method} ${op.path}`)) {
        await runLimited(probes, 2, async (probe) => {
          const cookie = await loginAs(t.app, logoutUser);
          check(probe, await send({ ...probe, cookie }));
        });
        continue;
      }
      const cookie = await cookieFor(probes.shift() as Probe);
      // The chosen session first; a field that needs another permission is retried with the others.
      const order = [cookie, ...[undefined, ...cookies].filter((c) => c !== cookie)];
      await runLimited(probes, CONCURRENCY, async (probe) => {
        let response = await send({ ...probe, cookie });
        for (const other of order.slice(1)) {
          if (response.statusCode !== 401 && response.statusCode !== 403) break;
          response = await send({ ...probe, cookie: other });
        }
        check(probe, response);
      });
    }
    // A route that ended a session mid-run would have left the rest of it untested.
    const lost: number[] = [];
    for (const [i, cookie] of cookies.entries()) {
      const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
      if (me.statusCode !== 200) lost.push(i);
    }
    console.info(
      `malformed input: ${operations.length} operations, ${sent} requests, ${baselineOk} baselines answered 2xx, ` +
        `${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(failures, failures.join('\n')).toEqual([]);
    // Most plausible requests must get through, or the malformed ones test little beyond the schemas.
    expect(baselineOk).toBeGreaterThan(operations.length * 0.75);
    expect(lost, 'sessions ended during the run').toEqual([]);
  }, 300_000);
});

/** `METHOD /path` of every route Fastify registered, from its printed tree (each level indents by 4). */
function registeredRoutes(printed: string): string[] {
  const routes: string[] = [];
  const prefixes: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    const path = (prefixes[depth - 1] ?? '') + (match[2] as string);
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}
