import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';
import { orgUnits } from './org-units.js';

/**
 * A household (户) at one address. The exact address is personal data: it is stored sealed, with a
 * masked copy for lists and a blind index for exact lookups. `org_path` is the grid's path (or the
 * station's when the point lies outside every grid), so scope checks are one prefix match.
 */
export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    stationId: uuid('station_id').notNull(),
    gridId: uuid('grid_id').references(() => orgUnits.id),
    orgPath: text('org_path').notNull(),
    community: text('community').notNull(),
    street: text('street').notNull(),
    addressSealed: text('address_sealed').notNull(),
    addressMasked: text('address_masked').notNull(),
    addressIndex: text('address_index').notNull(),
    /**
     * Blind index of the address in canonical form (householdKeyOf: '3号楼' = '3幢'), so the same door
     * typed another way is the same household. Null only on rows written before it existed, until the
     * backfill run at start (backfillAddressKeyIndexes) fills them.
     */
    addressKeyIndex: text('address_key_index'),
    /**
     * Every 1- and 2-character piece of village + street (both plain text), kept by PostgreSQL itself,
     * so part of a place name is found through a GIN index instead of a scan of the area.
     */
    placeGrams: text('place_grams').array().generatedAlwaysAs(sql`fq_text_grams(community || street)`),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    qrCode: text('qr_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('households_qr_code_key').on(t.qrCode),
    uniqueIndex('households_address_index_key').on(t.stationId, t.addressIndex),
    index('households_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, t.id),
    index('households_grid_idx').on(t.gridId),
    index('households_place_grams_idx').using('gin', t.placeGrams),
    // Full-address lookups may span stations (a bureau-wide search), so one index without station first.
    index('households_address_lookup_idx').on(t.addressIndex),
    // Not unique: rows filed before the canonical key existed may already be two households at one door.
    index('households_address_key_idx').on(t.stationId, t.addressKeyIndex),
    // The backfill's work list: empty once it has run, so the check at every start costs nothing.
    index('households_address_key_missing_idx').on(t.id).where(sql`${t.addressKeyIndex} is null`),
  ],
);

/** A resident (人). ID number and phone are sealed, masked and blind-indexed like the address. */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    stationId: uuid('station_id').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    orgPath: text('org_path').notNull(),
    name: text('name').notNull(),
    /** Every 1- and 2-character piece of the name, so partial Chinese name search uses a GIN index. */
    nameGrams: text('name_grams').array().notNull(),
    idCardSealed: text('id_card_sealed').notNull(),
    idCardMasked: text('id_card_masked').notNull(),
    idCardIndex: text('id_card_index').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    phoneSealed: text('phone_sealed'),
    phoneMasked: text('phone_masked'),
    phoneIndex: text('phone_index'),
    relation: text('relation').notNull(),
    residenceType: text('residence_type').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('residents_id_card_index_key').on(t.stationId, t.idCardIndex),
    // Searches run across the caller's subtree, which may span stations, so the index cannot lead with station.
    index('residents_id_card_lookup_idx').on(t.idCardIndex),
    index('residents_phone_index_idx').on(t.phoneIndex),
    index('residents_household_idx').on(t.householdId),
    index('residents_org_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, t.id),
    index('residents_name_grams_idx').using('gin', t.nameGrams),
    index('residents_tags_idx').using('gin', t.tags),
  ],
);

/** The household file's history and timeline: every change, who made it, with personal data masked. */
export const householdEvents = pgTable(
  'household_events',
  {
    id: uuid('id').primaryKey().$defaultFn(uuidv7),
    stationId: uuid('station_id').notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    residentId: uuid('resident_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    changes: jsonb('changes'),
  },
  (t) => [index('household_events_household_idx').on(t.householdId, t.at)],
);
