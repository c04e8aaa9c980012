import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { users } from './users.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A household file being imported in the background (a pg-boss job does the work). The file and the
 * report are personal data: both are stored sealed (SM4 + HMAC-SM3, bound to the row), and the file
 * is dropped as soon as the job ends. What the importer may do is taken again from their account when
 * the job runs; `scope_*` and `via` record how they were signed in when they sent the file.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    stationId: uuid('station_id').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    via: text('via').notNull(),
    scopeOrgId: uuid('scope_org_id').notNull(),
    scopePath: text('scope_path').notNull(),
    ip: text('ip'),
    mode: text('mode').notNull(),
    /** format, coordSystem and mapping as the request gave them. */
    options: jsonb('options').notNull(),
    fileSealed: bytea('file_sealed'),
    fileBytes: integer('file_bytes').notNull(),
    /** Lines of a csv file less its header, to show how far the check has come; null for xlsx. */
    estimatedRows: integer('estimated_rows'),
    /** queued, running, succeeded or failed. */
    status: text('status').notNull(),
    /** queued, validate, check, write or done. */
    phase: text('phase').notNull(),
    rowsChecked: integer('rows_checked').notNull().default(0),
    householdsWritten: integer('households_written').notNull().default(0),
    householdsTotal: integer('households_total'),
    attempts: integer('attempts').notNull().default(0),
    /** Said to the user beside the status, e.g. that an interrupted run is being retried. */
    notice: text('notice'),
    reportSealed: bytea('report_sealed'),
    /** Why the job failed: code, Chinese detail, field errors (the same as the synchronous problem). */
    problem: jsonb('problem'),
    bossJobId: uuid('boss_job_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('import_jobs_station_idx').on(t.stationId, t.createdAt),
    index('import_jobs_unfinished_idx').on(t.status).where(sql`status in ('queued', 'running')`),
  ],
);
