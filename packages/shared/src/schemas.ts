import Type, { type Static, type TSchema } from 'typebox';
import { AUDIT_ACTION_GROUPS } from './audit-actions.js';
import { ORG_KINDS } from './org.js';
import { WORK_PHONE_PATTERN } from './phone.js';
import { PERMISSIONS, ROLES } from './roles.js';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const strict = { additionalProperties: false } as const;

/**
 * Nullable scalars as `type: [t, 'null']` rather than `anyOf`: the response serializer writes them
 * directly instead of running a validator on every value (measured in docs/performance.md).
 */
const NullableString = (format?: 'uuid' | 'date-time') =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...(format ? { format } : {}) });
const NullableInteger = () => Type.Unsafe<number | null>({ type: ['integer', 'null'] });

export const RoleSchema = Type.Enum(ROLES);
export const PermissionSchema = Type.Enum(PERMISSIONS);
export const OrgKindSchema = Type.Enum(ORG_KINDS);

/** Where in a submitted geometry a field error is: the spot and the two clashing edges (0-based). */
export const ProblemLocationSchema = Type.Object({
  coordinate: Type.Optional(Type.Array(Type.Number(), { minItems: 2, maxItems: 2 })),
  segments: Type.Optional(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 })),
});

/** RFC 9457 problem details; `errors` lists each invalid field. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  code: Type.String(),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(
    Type.Array(
      Type.Object({
        field: Type.String(),
        message: Type.String(),
        location: Type.Optional(ProblemLocationSchema),
      }),
    ),
  ),
});
export type Problem = Static<typeof ProblemSchema>;

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: NullableString() });
}

/**
 * A page with the list's total in the caller's scope: counted exactly up to 10,000 rows, above that
 * the planner's estimate with `totalExact: false` (shown as 约 N 条).
 */
export function countedPageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: NullableString(),
    total: Type.Integer({ minimum: 0 }),
    totalExact: Type.Boolean(),
  });
}

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const SortOrderSchema = Type.Enum(SORT_ORDERS);

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  strict,
);

export const IdParams = Type.Object({ id: Uuid }, strict);

/** GeoJSON geometry; its shape is checked by the grid polygon validator, not only by the schema. */
export const GeometrySchema = Type.Object({
  type: Type.Union([Type.Literal('Polygon'), Type.Literal('MultiPolygon')]),
  coordinates: Type.Array(Type.Any()),
});

export const OrgUnitSchema = Type.Object({
  id: Uuid,
  parentId: NullableString('uuid'),
  stationId: NullableString('uuid'),
  kind: OrgKindSchema,
  code: Type.String(),
  name: Type.String(),
  boundary: Type.Union([GeometrySchema, Type.Null()]),
  childCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OrgUnit = Static<typeof OrgUnitSchema>;

/** Why 删除 would be refused (a catalog key), as the delete itself would answer. */
export const UNDELETABLE_REASONS = ['org_unit_is_scope_root', 'org_unit_not_empty'] as const;

/** One unit as its page shows it: the parent's name even when the parent is outside the caller's scope. */
export const OrgUnitDetailSchema = Type.Object({
  ...OrgUnitSchema.properties,
  parentName: Type.Union([Type.String(), Type.Null()]),
  undeletableReason: Type.Union([Type.Enum(UNDELETABLE_REASONS), Type.Null()]),
});
export type OrgUnitDetail = Static<typeof OrgUnitDetailSchema>;

export const OrgUnitCreateSchema = Type.Object(
  {
    parentId: Uuid,
    kind: OrgKindSchema,
    code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 80 }),
    boundary: Type.Optional(Type.Union([GeometrySchema, Type.Null()])),
  },
  strict,
);
export type OrgUnitCreate = Static<typeof OrgUnitCreateSchema>;

export const OrgUnitUpdateSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    boundary: Type.Optional(Type.Union([GeometrySchema, Type.Null()])),
  },
  strict,
);
export type OrgUnitUpdate = Static<typeof OrgUnitUpdateSchema>;

/** Login names: lower-case ASCII, so they type the same on every phone keyboard. */
export const USERNAME_PATTERN = '^[a-z][a-z0-9_.-]{2,39}$';

const WorkPhone = Type.String({ maxLength: 20, pattern: WORK_PHONE_PATTERN });
const NullableWorkPhone = Type.Unsafe<string | null>({
  type: ['string', 'null'],
  maxLength: 20,
  pattern: WORK_PHONE_PATTERN,
});

export const UserSchema = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  orgUnitId: Uuid,
  orgUnitName: Type.String(),
  scopeOrgId: Uuid,
  scopeOrgName: Type.String(),
  workPhone: NullableString(),
  totpEnabled: Type.Boolean(),
  disabled: Type.Boolean(),
  lockedUntil: NullableString('date-time'),
  lastLoginAt: NullableString('date-time'),
  createdAt: Timestamp,
});
export type User = Static<typeof UserSchema>;

export const UserCreateSchema = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 40, pattern: USERNAME_PATTERN }),
    displayName: Type.String({ minLength: 1, maxLength: 40 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: 11, uniqueItems: true }),
    orgUnitId: Uuid,
    scopeOrgId: Type.Optional(Uuid),
    workPhone: Type.Optional(WorkPhone),
  },
  strict,
);
export type UserCreate = Static<typeof UserCreateSchema>;

export const UserUpdateSchema = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: 11, uniqueItems: true })),
    orgUnitId: Type.Optional(Uuid),
    scopeOrgId: Type.Optional(Uuid),
    disabled: Type.Optional(Type.Boolean()),
    /** null clears it. */
    workPhone: Type.Optional(NullableWorkPhone),
  },
  strict,
);
export type UserUpdate = Static<typeof UserUpdateSchema>;

export const PasswordResetSchema = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  strict,
);

export const MeSchema = Type.Object({
  user: UserSchema,
  permissions: Type.Array(PermissionSchema),
  totpRequired: Type.Boolean(),
  totpEnrollmentRequired: Type.Boolean(),
});
export type Me = Static<typeof MeSchema>;

/** The web's session probe: who is signed in here, or `null` (an answer, not an error). */
export const SessionSchema = Type.Object({ me: Type.Union([MeSchema, Type.Null()]) });
export type Session = Static<typeof SessionSchema>;

export const LoginSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 40 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    totp: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
  },
  strict,
);
export type LoginBody = Static<typeof LoginSchema>;

export const TotpSetupSchema = Type.Object({ secret: Type.String(), otpauthUrl: Type.String() });
export const TotpEnableSchema = Type.Object({ totp: Type.String({ pattern: '^[0-9]{6}$' }) }, strict);

export const ApiTokenSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  userId: Uuid,
  username: Type.String(),
  scopeOrgId: Uuid,
  createdAt: Timestamp,
  expiresAt: NullableString('date-time'),
  lastUsedAt: NullableString('date-time'),
  revokedAt: NullableString('date-time'),
});
export type ApiToken = Static<typeof ApiTokenSchema>;

export const ApiTokenCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    username: Type.String({ minLength: 1, maxLength: 40 }),
    scopeOrgId: Type.Optional(Uuid),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  strict,
);
export type ApiTokenCreate = Static<typeof ApiTokenCreateSchema>;

/** A newly issued token: `token` is the secret, shown this once and never stored. */
export const ApiTokenIssuedSchema = Type.Object({ token: Type.String(), apiToken: ApiTokenSchema });
export type ApiTokenIssued = Static<typeof ApiTokenIssuedSchema>;

export const AuditEventSchema = Type.Object({
  seq: Type.Integer(),
  at: Timestamp,
  actorId: NullableString('uuid'),
  actorName: NullableString(),
  action: Type.String(),
  objectType: NullableString(),
  objectId: NullableString(),
  /** The object's name as the caller may see it (masked like elsewhere); null outside their scope. */
  objectName: NullableString(),
  result: Type.String(),
  ip: NullableString(),
  detail: Type.Any(),
});
export type AuditEvent = Static<typeof AuditEventSchema>;

export const AuditQuerySchema = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 40 })),
    actor: Type.Optional(Type.String({ maxLength: 40 })),
    action: Type.Optional(Type.String({ maxLength: 60 })),
    group: Type.Optional(Type.Enum(AUDIT_ACTION_GROUPS)),
    result: Type.Optional(Type.String({ maxLength: 20 })),
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
  },
  strict,
);
export type AuditQuery = Static<typeof AuditQuerySchema>;

export const AuditVerifySchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  brokenAtSeq: NullableInteger(),
  reason: NullableString(),
  /** Signed checkpoints (kept outside the database) compared with the chain. */
  checkpoints: Type.Integer(),
  /** Rows committed moments ago, not yet linked into the chain. */
  pending: Type.Integer(),
});
