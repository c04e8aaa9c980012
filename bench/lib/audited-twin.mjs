import fastify from 'fastify';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { listeningUrl } from './net-util.mjs';
import { importServer } from './server-dist.mjs';
import { AUDIT_INSERT, R, RESIDENT_BY_ID_CARD, S, SESSION_LOOKUP } from './twin-sql.mjs';

const IDLE_MS = 30 * 60_000;
const likePrefix = (path) => `${path.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * The floor for an audited personal-data lookup: a bare `fastify()` (no plugins, schemas or hooks)
 * that checks the session, runs the same ID-number search and writes one audit row with one plain
 * INSERT, through its own `pg.Pool` of the same size. The row carries a valid MAC, so the app's
 * background sealer links the twin's rows as it links the app's, and the chain verifies afterwards.
 * `statements` records what one request sends, for the parity check.
 */
export async function startAuditedTwin({ connectionString, keys }) {
  const { hashSecret } = await importServer('lib/security/secret-hash.js');
  const { blindIndex } = await importServer('lib/crypto/sm.js');
  const { parseIdCard, maskIdCard } = await importServer('lib/crypto/id-card.js');
  const { ageOn } = await importServer('lib/dates/china-age.js');
  const { macAuditRow } = await importServer('modules/audit/audit-chain.js');
  // `date` columns as the 'YYYY-MM-DD' text drizzle hands the app, not as a local-midnight Date.
  const types = {
    getTypeParser: (oid, format) => (oid === 1082 ? (v) => v : pg.types.getTypeParser(oid, format)),
  };
  const pool = new pg.Pool({ connectionString, max: 10, application_name: 'fengqiao-bench-twin', types });
  pool.on('error', () => {});
  let recording = null;
  const query = (statement, values, rowMode = 'array') => {
    recording?.push({ name: statement.name, text: statement.text, values });
    return pool.query({ name: statement.name, text: statement.text, values, rowMode });
  };

  async function sessionOf(request) {
    const cookie = /(?:^|;\s*)fq_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (!cookie) return null;
    const { rows } = await query(SESSION_LOOKUP, [hashSecret(keys.token, cookie)]);
    const row = rows[0];
    const now = Date.now();
    if (!row || row[S.revokedAt] || row[S.disabled] || now >= row[S.expiresAt].getTime()) return null;
    if (now >= row[S.lastSeenAt].getTime() + IDLE_MS) return null;
    return row;
  }

  const app = fastify();
  app.get('/api/v1/residents', async (request, reply) => {
    const session = await sessionOf(request);
    if (!session) return reply.code(401).send({ code: 'unauthenticated' });
    const id = parseIdCard(String(request.query.q ?? ''));
    if (!id.ok) return reply.code(400).send({ code: 'not_an_id_number' });
    const limit = 50;
    const { rows } = await query(RESIDENT_BY_ID_CARD, [
      likePrefix(session[S.scopePath]),
      blindIndex(keys.blindIndex, id.normalized),
      limit + 1,
    ]);
    const row = {
      id: uuidv7(),
      at: new Date(),
      stationId: session[S.stationId],
      actorId: session[S.userId],
      actorName: session[S.username],
      action: 'resident.search',
      objectType: 'resident',
      objectId: null,
      result: 'ok',
      ip: request.ip,
      detail: { q: maskIdCard(id.normalized), found: Math.min(rows.length, limit) },
    };
    await query(AUDIT_INSERT, [
      row.id,
      row.at.toISOString(),
      row.stationId,
      row.actorId,
      row.actorName,
      row.action,
      row.objectType,
      row.objectId,
      row.result,
      row.ip,
      JSON.stringify(row.detail),
      macAuditRow(keys.audit, row),
    ]);
    // The chosen resident is an adult with no sensitive tag, so nothing is masked further for the chief.
    const items = rows.slice(0, limit).map((r) => ({
      id: r[R.id],
      householdId: r[R.householdId],
      name: r[R.name],
      idCardMasked: r[R.idCardMasked],
      age: ageOn(r[R.birthDate]),
      sex: r[R.sex],
      phoneMasked: r[R.phoneMasked],
      relation: r[R.relation],
      residenceType: r[R.residenceType],
      tags: r[R.tags],
      restricted: false,
      community: r[R.community],
      addressMasked: r[R.addressMasked],
      gridName: r[R.gridName],
    }));
    const last = items.at(-1);
    const nextCursor =
      rows.length > limit && last ? Buffer.from(JSON.stringify(last.id)).toString('base64url') : null;
    return { items, nextCursor };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: listeningUrl(app),
    /** The statements one call of `send` made through the twin's pool. */
    async record(send) {
      recording = [];
      try {
        await send();
        return recording;
      } finally {
        recording = null;
      }
    },
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
