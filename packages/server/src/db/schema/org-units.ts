import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** The org tree. `path` is the materialised chain of ids (`/root/…/self/`) so subtree scope is one prefix match. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    stationId: uuid('station_id'),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    kind: text('kind', { enum: ['bureau', 'station', 'community', 'grid'] }).notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    boundary: jsonb('boundary'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_units_code_key').on(t.code),
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('org_units_parent_idx').on(t.parentId),
  ],
);
