import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id (never wraps), as a decimal string. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Append-only. A request inserts its row with no lock; the sealer links committed rows into the
 * hash chain (`audit_seals`) afterwards. Triggers in the migrations refuse UPDATE, DELETE and TRUNCATE.
 * Rows from before migration 0008 have no `id`/`mac`: their links were carried over unchanged.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Given by the database on insert; rows may commit out of this order, so it is not the chain order. */
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Chosen by the app (UUIDv7) and covered by `mac`, so a copied row shows up as a duplicate. */
    id: uuid('id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    stationId: uuid('station_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    result: text('result').notNull(),
    ip: text('ip'),
    detail: jsonb('detail'),
    /** HMAC-SM3 of the row's content, made by the app at insert: a row written without the key fails it. */
    mac: text('mac'),
    /** The inserting transaction: lets the sealer find late commits without scanning the whole table. */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorName, t.seq),
    index('audit_log_xid_idx').on(t.xid),
  ],
);

/**
 * The hash chain, append-only: link `chainSeq` seals audit row `auditSeq`. Written only by the sealer,
 * one at a time (advisory lock), so chain order is seal order and no row is skipped.
 */
export const auditSeals = pgTable(
  'audit_seals',
  {
    chainSeq: bigint('chain_seq', { mode: 'number' }).primaryKey(),
    auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set on the last link of a complete sealing pass: every audit row of a transaction older than this
     * was committed and sealed by then, so the next pass looks only at newer transactions.
     */
    xidFloor: xid8('xid_floor'),
  },
  (t) => [uniqueIndex('audit_seals_audit_seq_key').on(t.auditSeq)],
);
