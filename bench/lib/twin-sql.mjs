/**
 * The statements the app sends for the benchmarked endpoints, copied from what drizzle emits
 * (captured with a wrapped `pool.query`). `checkParity` re-captures them on every run and the run
 * fails when the app's SQL has drifted from these copies, so the comparison stays like for like.
 * `name` set = a named (server-side prepared) statement, as drizzle's `.prepare(name)` sends it.
 */

export const SESSION_LOOKUP = {
  name: 'session_lookup',
  text:
    'select "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."revoked_at", "users"."id", ' +
    '"users"."username", "users"."display_name", "users"."roles", "users"."scope_path", "users"."scope_org_id", ' +
    '"users"."station_id", "users"."totp_enabled", "users"."disabled" ' +
    'from "sessions" inner join "users" on "users"."id" = "sessions"."user_id" where "sessions"."id" = $1',
};

/** Column positions in a SESSION_LOOKUP row (rowMode 'array'). */
export const S = {
  lastSeenAt: 0,
  expiresAt: 1,
  revokedAt: 2,
  userId: 3,
  username: 4,
  scopePath: 7,
  stationId: 9,
  disabled: 11,
};

export const USER_LIST = {
  name: 'users_first_page',
  text:
    'select "users"."id", "users"."username", "users"."display_name", "users"."roles", "users"."org_unit_id", ' +
    '"users"."scope_org_id", "users"."work_phone", "users"."totp_enabled", "users"."disabled", "users"."locked_until", ' +
    '"users"."last_login_at", "users"."created_at", "org_units"."name", "org_units"."path", "scope_org"."name" ' +
    'from "users" inner join "org_units" on "org_units"."id" = "users"."org_unit_id" ' +
    'inner join "org_units" "scope_org" on "scope_org"."id" = "users"."scope_org_id" ' +
    'where "org_units"."path" like $1 order by "users"."username" asc limit $2',
};

export const U = {
  id: 0,
  username: 1,
  displayName: 2,
  roles: 3,
  orgUnitId: 4,
  scopeOrgId: 5,
  workPhone: 6,
  totpEnabled: 7,
  disabled: 8,
  lockedUntil: 9,
  lastLoginAt: 10,
  createdAt: 11,
  orgUnitName: 12,
  scopeOrgName: 14,
};

export const ORG_SUBTREE = {
  name: 'org_subtree',
  text:
    'select "id", "station_id", "parent_id", "kind", "code", "name", "path", "depth", "boundary", ' +
    '"created_at", "updated_at", (select count(*)::int from org_units c where c.parent_id = "org_units"."id") ' +
    'from "org_units" where "org_units"."path" like $1 order by "org_units"."depth" asc, "org_units"."code" asc',
};

export const O = {
  id: 0,
  stationId: 1,
  parentId: 2,
  kind: 3,
  code: 4,
  name: 5,
  boundary: 8,
  createdAt: 9,
  updatedAt: 10,
  childCount: 11,
};

/** What each benchmarked endpoint sends, in order. */
export const STATEMENTS_BY_ENDPOINT = {
  '/api/v1/users?limit=50': [SESSION_LOOKUP, USER_LIST],
  '/api/v1/org-units/tree': [SESSION_LOOKUP, ORG_SUBTREE],
};

/** The exact ID-number search (`GET /api/v1/residents?q=<ID>`): blind index, scope prefix, limit + 1. */
export const RESIDENT_BY_ID_CARD = {
  name: 'resident_by_id_card',
  text:
    'select "residents"."id", "residents"."station_id", "residents"."household_id", "residents"."org_path", ' +
    '"residents"."name", "residents"."name_grams", "residents"."id_card_sealed", "residents"."id_card_masked", ' +
    '"residents"."id_card_index", "residents"."birth_date", "residents"."sex", "residents"."phone_sealed", ' +
    '"residents"."phone_masked", "residents"."phone_index", "residents"."relation", "residents"."residence_type", ' +
    '"residents"."tags", "residents"."created_at", "residents"."updated_at", "households"."community", ' +
    '"households"."address_masked", "org_units"."name" from "residents" ' +
    'inner join "households" on "households"."id" = "residents"."household_id" ' +
    'left join "org_units" on "org_units"."id" = "households"."grid_id" ' +
    'where ("residents"."org_path" like $1 and "residents"."id_card_index" = $2) ' +
    'order by "residents"."id" asc limit $3',
};

export const R = {
  id: 0,
  householdId: 2,
  name: 4,
  idCardMasked: 7,
  birthDate: 9,
  sex: 10,
  phoneMasked: 12,
  relation: 14,
  residenceType: 15,
  tags: 16,
  community: 19,
  addressMasked: 20,
  gridName: 21,
};

/** The audit row of a personal-data lookup: one plain INSERT, no lock (the sealer links it later). */
export const AUDIT_INSERT = {
  name: 'audit_insert',
  text:
    'insert into "audit_log" ("seq", "id", "at", "station_id", "actor_id", "actor_name", "action", ' +
    '"object_type", "object_id", "result", "ip", "detail", "mac", "xid") ' +
    'values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, default)',
};
