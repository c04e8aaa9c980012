import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { AppError, verbatim } from './app-error.js';
import { registerErrorHandler } from './error-handler.js';

let database: TestDatabase;
let app: FastifyInstance;

/** An AppError whose extension the route's 422 schema refuses, as a bad import mapping once did. */
class MisfitError extends AppError {
  constructor() {
    super(422, 'misfit', verbatim('不合规').params, undefined, { key: 'verbatim' });
  }
  override get extensions() {
    return { mapping: { room: true } };
  }
}

const problemWithMapping = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    mapping: { type: 'object', additionalProperties: { anyOf: [{ type: 'integer' }, { type: 'null' }] } },
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  // Made by the owner, as migrations make tables; the app's role gets its rights by default privileges.
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  await owner.query(`
    create table probe (
      id integer primary key,
      name varchar(3) check (name <> 'bad'),
      parent integer references probe(id),
      n smallint
    );
    insert into probe (id, name) values (1, 'one');`);
  await owner.end();
  app = Fastify();
  registerErrorHandler(app);
  app.get('/misfit', { schema: { response: { 422: problemWithMapping } } }, async () => {
    throw new MisfitError();
  });
  app.get(
    '/bad-answer',
    {
      schema: {
        response: {
          200: { type: 'object', properties: { n: { anyOf: [{ type: 'integer' }, { type: 'null' }] } } },
        },
      },
    },
    async () => ({ n: { secret: 'internal' } }),
  );
  app.get('/fastify-4xx', async () => {
    throw Object.assign(new Error('FST_ERR_SOMETHING: internal path /srv/app/lib.js'), {
      statusCode: 400,
      code: 'FST_ERR_SOMETHING',
    });
  });
  app.get('/crash', async () => {
    throw new Error('connection to 10.0.0.5 refused, password=hunter2');
  });
  app.post<{ Body: { statement: string } }>('/db', async (request) => {
    // Through Drizzle, as the repositories run SQL: the pg error arrives wrapped in DrizzleQueryError.
    await database.db.execute(sql.raw(request.body.statement));
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

const genericBody = (body: string) => {
  expect(JSON.parse(body)).toMatchObject({
    status: 500,
    code: 'internal_error',
    detail: '服务器内部错误，请稍后重试',
  });
  expect(body).not.toMatch(/FST_ERR|serializ|internal path|hunter2|secret|10\.0\.0\.5/i);
};

describe('the error handler', () => {
  it('answers a problem its route schema refuses with the generic 500 only, never Fastify’s internal text', async () => {
    const response = await app.inject({ method: 'GET', url: '/misfit' });
    expect(response.statusCode).toBe(500);
    genericBody(response.body);
  });

  it('answers a success body that cannot be serialised with the generic 500 only', async () => {
    const response = await app.inject({ method: 'GET', url: '/bad-answer' });
    expect(response.statusCode).toBe(500);
    genericBody(response.body);
  });

  it('never echoes the message of an unexpected error, whatever its status', async () => {
    const crash = await app.inject({ method: 'GET', url: '/crash' });
    expect(crash.statusCode).toBe(500);
    genericBody(crash.body);
    const fastify4xx = await app.inject({ method: 'GET', url: '/fastify-4xx' });
    expect(fastify4xx.statusCode).toBe(400);
    expect(fastify4xx.json()).toMatchObject({ code: 'bad_request', detail: '请求无效' });
    expect(fastify4xx.body).not.toMatch(/FST_ERR|internal path/);
  });

  it('turns database refusals into 4xx problems with a Chinese reason and none of the values sent', async () => {
    const cases: Array<[string, number, string]> = [
      ['insert into probe (id, name) values (1, $$x$$)', 409, 'conflict'],
      ['insert into probe (id, parent) values (2, 99)', 422, 'invalid_reference'],
      ['delete from probe where id = 1; ', 200, ''],
      ['insert into probe (id, name) values (3, $$bad$$)', 422, 'constraint_violation'],
      ['insert into probe (id, name) values (4, $$long-name$$)', 422, 'value_too_long'],
      ['insert into probe (id, n) values (5, 99999)', 422, 'value_out_of_range'],
      ['select $$abc$$::integer', 400, 'invalid_value'],
      ['select $$not-a-uuid$$::uuid', 400, 'invalid_value'],
      ['select convert_from($$\\x00$$::bytea, $$UTF8$$)', 400, 'invalid_value'],
      ['insert into probe (id) values (null)', 422, 'missing_value'],
    ];
    await database.pool.query(`insert into probe (id, name) values (10, 'p'), (11, 'c')`);
    await database.pool.query('update probe set parent = 10 where id = 11');
    cases.push(['delete from probe where id = 10', 409, 'still_referenced']);
    for (const [statement, status, code] of cases) {
      const response = await app.inject({ method: 'POST', url: '/db', payload: { statement } });
      expect(response.statusCode, statement).toBe(status);
      if (status === 200) continue;
      const problem = response.json();
      expect(problem.code, statement).toBe(code);
      expect(problem.detail).toMatch(/[\u4e00-\u9fa5]/);
      expect(response.body).not.toMatch(/probe|long-name|99999|Failed query|duplicate key|foreign key/);
    }
  });

  it('names the reason of a unique violation by its constraint', async () => {
    // A schema of its own, since index names are unique per schema and `public` has the real one.
    const { rows } = await database.pool.query<{ role: string }>('select current_user as role');
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    await owner.query(`create schema scratch; create table scratch.people (name text);
      create unique index users_username_key on scratch.people (name);
      insert into scratch.people values ('dup');
      grant usage on schema scratch to ${pg.escapeIdentifier(rows[0]?.role ?? '')};
      grant insert on scratch.people to ${pg.escapeIdentifier(rows[0]?.role ?? '')}`);
    await owner.end();
    const response = await app.inject({
      method: 'POST',
      url: '/db',
      payload: { statement: `insert into scratch.people values ('dup')` },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'username_taken', detail: '用户名已存在' });
  });
});
