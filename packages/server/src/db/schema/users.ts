import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { orgUnits } from './org-units.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    stationId: uuid('station_id'),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    scopeOrgId: uuid('scope_org_id')
      .notNull()
      .references(() => orgUnits.id),
    /** Denormalised path of the scope unit, so policy checks need no join. */
    scopePath: text('scope_path').notNull(),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The 30-second TOTP step last accepted: a code is good once, never replayed inside its window. */
    totpLastStep: integer('totp_last_step'),
    /**
     * The number printed on door plates and shown on the public page (警务电话), published on
     * purpose, so not sealed like residents' phones.
     */
    workPhone: text('work_phone'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username), index('users_org_unit_idx').on(t.orgUnitId)],
);
