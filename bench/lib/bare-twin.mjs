import fastify from 'fastify';
import pg from 'pg';
import { listeningUrl } from './net-util.mjs';
import { importServer } from './server-dist.mjs';
import { O, ORG_SUBTREE, S, SESSION_LOOKUP, U, USER_LIST } from './twin-sql.mjs';

const IDLE_MS = 30 * 60_000;
const likePrefix = (path) => `${path.replace(/[%_\\]/g, '\\$&')}%`;
const iso = (date) => date?.toISOString() ?? null;

/**
 * The floor to compare the app with: a bare Fastify instance, no plugins, no schemas, no hooks,
 * running the same statements through the same driver (`pg`, same database, same pool size) and
 * answering the same JSON. Also `/plain`, a JSON route without SQL.
 */
export async function startBareTwin({ connectionString, tokenKey }) {
  const { hashSecret } = await importServer('lib/security/secret-hash.js');
  const pool = new pg.Pool({ connectionString, max: 10, application_name: 'fengqiao-bench-twin' });
  pool.on('error', () => {}); // an idle client dropped at shutdown must not crash the run
  const app = fastify();

  const query = (statement, values) =>
    pool.query({ name: statement.name, text: statement.text, values, rowMode: 'array' });

  /** The session check every API request makes: hash the cookie, one prepared join, expiry rules. */
  async function scopePathOf(request) {
    const cookie = /(?:^|;\s*)fq_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (!cookie) return null;
    const { rows } = await query(SESSION_LOOKUP, [hashSecret(tokenKey, cookie)]);
    const row = rows[0];
    const now = Date.now();
    if (!row || row[S.revokedAt] || row[S.disabled] || now >= row[S.expiresAt].getTime()) return null;
    if (now >= row[S.lastSeenAt].getTime() + IDLE_MS) return null;
    return row[S.scopePath];
  }

  app.get('/plain', async () => ({ status: 'ok' }));

  app.get('/api/v1/users', async (request, reply) => {
    const scopePath = await scopePathOf(request);
    if (!scopePath) return reply.code(401).send({ code: 'unauthenticated' });
    const limit = Number(request.query.limit ?? 50);
    const { rows } = await query(USER_LIST, [likePrefix(scopePath), limit + 1]);
    const now = new Date();
    const items = rows.slice(0, limit).map((r) => ({
      id: r[U.id],
      username: r[U.username],
      displayName: r[U.displayName],
      roles: r[U.roles],
      orgUnitId: r[U.orgUnitId],
      orgUnitName: r[U.orgUnitName],
      scopeOrgId: r[U.scopeOrgId],
      scopeOrgName: r[U.scopeOrgName],
      workPhone: r[U.workPhone],
      totpEnabled: r[U.totpEnabled],
      disabled: r[U.disabled],
      lockedUntil: r[U.lockedUntil] && r[U.lockedUntil] > now ? iso(r[U.lockedUntil]) : null,
      lastLoginAt: iso(r[U.lastLoginAt]),
      createdAt: iso(r[U.createdAt]),
    }));
    const last = items.at(-1);
    const nextCursor =
      rows.length > limit && last ? Buffer.from(JSON.stringify(last.username)).toString('base64url') : null;
    return { items, nextCursor };
  });

  app.get('/api/v1/org-units/tree', async (request, reply) => {
    const scopePath = await scopePathOf(request);
    if (!scopePath) return reply.code(401).send({ code: 'unauthenticated' });
    const { rows } = await query(ORG_SUBTREE, [likePrefix(scopePath)]);
    return {
      items: rows.map((r) => ({
        id: r[O.id],
        parentId: r[O.parentId],
        stationId: r[O.stationId],
        kind: r[O.kind],
        code: r[O.code],
        name: r[O.name],
        boundary: r[O.boundary] ?? null,
        childCount: r[O.childCount],
        createdAt: iso(r[O.createdAt]),
        updatedAt: iso(r[O.updatedAt]),
      })),
    };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: listeningUrl(app),
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
