import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../../test/global-setup.js';
import { testAction } from '../../../test/test-action.js';
import { connectDatabase, type Database } from '../../db/client.js';
import { MIGRATIONS_DIR, runMigrations } from '../../db/migrate.js';
import { keysFromMaster } from '../../security/secret-key.js';
import { recordAudit } from './audit.service.js';
import { GENESIS_HASH, hashAuditLink } from './audit-chain.js';
import { sealAuditChain } from './audit-sealer.js';
import { verifyAuditChain } from './audit-verify.js';

/** A station as it was before migration 0008: its chain lived in audit_log (prev_hash, hash) and audit_head. */
const name = `fq_upgrade_${randomBytes(4).toString('hex')}`;
const adminUrl = inject('pgAdminUrl');
const keys = keysFromMaster(randomBytes(32));
let database: Database;
let dir: string;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The migrations folder as it was up to and including `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const folder = path.join(dir, 'migrations');
  cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fengqiao-upgrade-'));
  await admin(`create database ${name}`);
  database = connectDatabase(withDatabase(adminUrl, name), 3);
  await migrate(database.db, { migrationsFolder: migrationsUpTo('0007_household_address_key') });
});
afterAll(async () => {
  await database.close();
  await admin(`drop database if exists ${name} with (force)`);
  rmSync(dir, { recursive: true, force: true });
});

/** Writes rows the way the app did before: each row's hash chained to the previous one's, head upserted. */
async function writeLegacyChain(n: number): Promise<void> {
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const row = {
      seq,
      id: null,
      mac: null,
      at: new Date(Date.UTC(2026, 10, 1, 8, 0, seq)),
      stationId: null,
      actorId: null,
      actorName: seq % 2 ? 'chief' : null,
      action: 'auth.login',
      objectType: 'user',
      objectId: null,
      result: 'ok',
      ip: '10.0.0.1',
      detail: { username: 'chief', 次: seq },
    };
    const hash = hashAuditLink(keys.audit, prevHash, row);
    await database.pool.query(
      `insert into audit_log (seq, at, actor_id, actor_name, action, object_type, object_id, result, ip, detail, prev_hash, hash)
       values ($1, $2, null, $3, $4, $5, null, $6, $7, $8, $9, $10)`,
      [
        seq,
        row.at,
        row.actorName,
        row.action,
        row.objectType,
        row.result,
        row.ip,
        row.detail,
        prevHash,
        hash,
      ],
    );
    await database.pool.query(
      `insert into audit_head (id, seq, hash) values ('chain', $1, $2)
       on conflict (id) do update set seq = excluded.seq, hash = excluded.hash`,
      [seq, hash],
    );
    prevHash = hash;
  }
}

describe('upgrading a station to sealed audit links (migration 0008)', () => {
  it('keeps the old chain verifiable, anchors it, and goes on sealing new rows after it', async () => {
    await writeLegacyChain(5);
    await runMigrations(database.db);
    const sealing = { pool: database.pool, keys, checkpointFile: path.join(dir, 'audit-checkpoints.log') };

    const carried = await verifyAuditChain(sealing);
    expect(carried).toMatchObject({ ok: true, checked: 5, checkpoints: 1 });
    const anchor = JSON.parse(readFileSync(sealing.checkpointFile, 'utf8').trim());
    expect(anchor.seq).toBe(5);

    await recordAudit(database.db, keys.audit, { action: testAction('test.after_upgrade'), result: 'ok' });
    const { rows } = await database.pool.query<{ seq: string }>(
      "select seq from audit_log where action = 'test.after_upgrade'",
    );
    expect(Number(rows[0]?.seq)).toBe(6);
    expect((await sealAuditChain(sealing)).sealed).toBe(1);
    expect(await verifyAuditChain(sealing)).toMatchObject({ ok: true, checked: 6, checkpoints: 2 });
  });

  it('still names an old row changed after the upgrade', async () => {
    const client = await database.pool.connect();
    try {
      await client.query('set session_replication_role = replica');
      await client.query("update audit_log set ip = '10.9.9.9' where seq = 2");
      await client.query('set session_replication_role = origin');
    } finally {
      client.release();
    }
    const sealing = { pool: database.pool, keys, checkpointFile: path.join(dir, 'audit-checkpoints.log') };
    const result = await verifyAuditChain(sealing);
    expect(result).toMatchObject({ ok: false, brokenAtSeq: 2 });
    expect(result.reason).toContain('篡改');
  });
});
