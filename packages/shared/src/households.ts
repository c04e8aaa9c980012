import Type, { type Static } from 'typebox';
import { MAP_POINT_LIMIT, MAX_HEADER_ROW } from './household-rules.js';
import { IMPORT_MODES } from './imports.js';
import { RELATIONS, RESIDENCE_TYPES, RESIDENT_TAGS } from './residents.js';
import { ProblemSchema } from './schemas.js';

const Uuid = Type.String({ format: 'uuid' });
const strict = { additionalProperties: false } as const;
const NullableString = () => Type.Unsafe<string | null>({ type: ['string', 'null'] });
const NullableNumber = () => Type.Unsafe<number | null>({ type: ['number', 'null'] });

export const AddressSchema = Type.Object(
  {
    community: Type.String({ minLength: 1, maxLength: 40 }),
    street: Type.String({ maxLength: 60 }),
    building: Type.Optional(Type.String({ maxLength: 20 })),
    unit: Type.Optional(Type.String({ maxLength: 20 })),
    room: Type.String({ minLength: 1, maxLength: 20 }),
  },
  strict,
);
export type Address = Static<typeof AddressSchema>;

export const HouseholdSummarySchema = Type.Object({
  id: Uuid,
  gridId: NullableString(),
  gridName: NullableString(),
  outsideGrid: Type.Boolean(),
  community: Type.String(),
  addressMasked: Type.String(),
  /** The door's full address, for the officer and grid worker of its own grid (README: 住户信息); else null. */
  address: NullableString(),
  lng: NullableNumber(),
  lat: NullableNumber(),
  residentCount: Type.Integer(),
  headName: NullableString(),
  tags: Type.Array(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type HouseholdSummary = Static<typeof HouseholdSummarySchema>;

export const ResidentSchema = Type.Object({
  id: Uuid,
  householdId: Uuid,
  name: Type.String(),
  idCardMasked: Type.String(),
  age: Type.Integer(),
  sex: Type.Enum(['male', 'female']),
  phoneMasked: NullableString(),
  relation: Type.String(),
  residenceType: Type.String(),
  tags: Type.Array(Type.String()),
  /** True when the record is shown reduced because the caller may not see it in full. */
  restricted: Type.Boolean(),
});
export type Resident = Static<typeof ResidentSchema>;

export const ResidentSearchResultSchema = Type.Object({
  ...ResidentSchema.properties,
  community: Type.String(),
  addressMasked: Type.String(),
  gridName: NullableString(),
});
export type ResidentSearchResult = Static<typeof ResidentSearchResultSchema>;

export const HouseholdEventSchema = Type.Object({
  id: Uuid,
  at: Type.String({ format: 'date-time' }),
  actorName: NullableString(),
  kind: Type.String(),
  summary: Type.String(),
  changes: Type.Any(),
});
export type HouseholdEvent = Static<typeof HouseholdEventSchema>;

export const HouseholdFileSchema = Type.Object({
  household: HouseholdSummarySchema,
  qrCode: Type.String(),
  residents: Type.Array(ResidentSchema),
  history: Type.Array(HouseholdEventSchema),
});
export type HouseholdFile = Static<typeof HouseholdFileSchema>;

export const HouseholdCreateSchema = Type.Object(
  {
    address: AddressSchema,
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    /** Phones and Amap/Tencent maps give GCJ-02; it is converted to WGS-84 on the way in. */
    coordSystem: Type.Optional(Type.Enum(['wgs84', 'gcj02'])),
  },
  strict,
);
export type HouseholdCreate = Static<typeof HouseholdCreateSchema>;

export const HouseholdUpdateSchema = Type.Object(
  {
    address: Type.Optional(AddressSchema),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    coordSystem: Type.Optional(Type.Enum(['wgs84', 'gcj02'])),
  },
  strict,
);
export type HouseholdUpdate = Static<typeof HouseholdUpdateSchema>;

export const ResidentCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    idCard: Type.String({ minLength: 1, maxLength: 24 }),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    relation: Type.Enum(RELATIONS),
    residenceType: Type.Enum(RESIDENCE_TYPES),
    tags: Type.Optional(Type.Array(Type.Enum(RESIDENT_TAGS), { uniqueItems: true })),
  },
  strict,
);
export type ResidentCreate = Static<typeof ResidentCreateSchema>;

export const ResidentUpdateSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    relation: Type.Optional(Type.Enum(RELATIONS)),
    residenceType: Type.Optional(Type.Enum(RESIDENCE_TYPES)),
    tags: Type.Optional(Type.Array(Type.Enum(RESIDENT_TAGS), { uniqueItems: true })),
  },
  strict,
);
export type ResidentUpdate = Static<typeof ResidentUpdateSchema>;

export const UnmaskedResidentSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  idCard: Type.String(),
  phone: NullableString(),
  address: Type.String(),
  birthDate: Type.String(),
});
export type UnmaskedResident = Static<typeof UnmaskedResidentSchema>;

export const GridStatsSchema = Type.Object({
  households: Type.Integer(),
  residents: Type.Integer(),
  outsideGrid: Type.Integer(),
  tagged: Type.Record(Type.String(), Type.Integer()),
});
export type GridStats = Static<typeof GridStatsSchema>;

export const PublicHouseholdSchema = Type.Object({
  community: Type.String(),
  gridName: NullableString(),
  officerName: NullableString(),
  /** The officer's published work phone (警务电话). */
  officerPhone: NullableString(),
  stationName: NullableString(),
});
export type PublicHousehold = Static<typeof PublicHouseholdSchema>;

/**
 * `GET /households/map-points`. Compact on purpose: 20,000 households in view are ~1.3 MB (a few
 * hundred KB gzipped) as tuples, against ~4.4 MB as a GeoJSON FeatureCollection; the web builds the
 * features for its map.
 */
export const HouseholdMapPointsSchema = Type.Object(
  {
    truncated: Type.Boolean({ description: `true when the scope holds more than ${MAP_POINT_LIMIT} points` }),
    tags: Type.Array(Type.String(), {
      description: '标签编码表：points 中 tagBits 的第 i 位代表 tags[i]（与 RESIDENT_TAGS 同序）',
    }),
    points: Type.Array(
      Type.Tuple([
        Type.String({ format: 'uuid', description: 'household id' }),
        Type.Number({ description: 'longitude, WGS-84, 5 decimals (≈1 m)' }),
        Type.Number({ description: 'latitude, WGS-84, 5 decimals (≈1 m)' }),
        Type.Integer({
          minimum: 0,
          description: 'tagBits: bit i set when a member has tags[i] (only tags the caller may see)',
        }),
      ]),
      { description: '[id, lng, lat, tagBits], in id order; households without a point are left out' },
    ),
  },
  { additionalProperties: false },
);
export type HouseholdMapPoints = Static<typeof HouseholdMapPointsSchema>;
/** One `[id, lng, lat, tagBits]`; bit i of tagBits is `tags[i]`. */
export type HouseholdMapPoint = HouseholdMapPoints['points'][number];

export const ImportRowErrorSchema = Type.Object({
  row: Type.Integer(),
  column: Type.String(),
  field: Type.String(),
  reason: Type.String(),
});

export const ImportReportSchema = Type.Object({
  /** The header's row number in the file (1-based, as Excel shows it): found, or as chosen. */
  headerRow: Type.Integer(),
  header: Type.Array(Type.String()),
  mapping: Type.Record(Type.String(), Type.Union([Type.Integer(), Type.Null()])),
  rowsRead: Type.Integer(),
  validRows: Type.Integer(),
  invalidRows: Type.Integer(),
  households: Type.Integer(),
  /**
   * Households of the valid rows that are (or, in a dry run, would be) outside every grid: a new one
   * whose point lies in no grid or that has no point, and one already on file that is outside. The
   * dry run and the commit count the same way.
   */
  outsideGrid: Type.Integer(),
  /** Every problem, sorted by row then column; large reports are sent compressed (br or gzip) when accepted. */
  errors: Type.Array(ImportRowErrorSchema),
  warnings: Type.Array(ImportRowErrorSchema),
  written: Type.Union([
    Type.Object({
      householdsCreated: Type.Integer(),
      householdsMatched: Type.Integer(),
      residentsCreated: Type.Integer(),
      /** People already on file whose row differed from the file: written and logged in the history. */
      residentsUpdated: Type.Integer(),
      /** People already on file exactly as the file has them: not written, no history row. */
      residentsUnchanged: Type.Integer(),
      outsideGrid: Type.Integer(),
    }),
    Type.Null(),
  ]),
});
export type ImportReport = Static<typeof ImportReportSchema>;

const MappingSchema = () => Type.Record(Type.String(), Type.Union([Type.Integer(), Type.Null()]));

/**
 * The import's 422: a problem+json that, for `invalid_mapping`, also carries what the mapping step
 * needs to be shown again — the file's header row, the mapping that was checked, the server's own
 * suggestion, and the required fields left without a column.
 */
export const ImportProblemSchema = Type.Object({
  ...ProblemSchema.properties,
  /** The row taken as the header (1-based): found past any title rows, or as chosen. */
  headerRow: Type.Optional(Type.Integer()),
  header: Type.Optional(Type.Array(Type.String())),
  /** The mapping that was checked: the one sent, or the suggestion when none was sent. */
  mapping: Type.Optional(MappingSchema()),
  /** Field → zero-based column, guessed from the header. */
  suggestedMapping: Type.Optional(MappingSchema()),
  /** Required fields (村/社区, 门牌号, 姓名, 身份证号) that `mapping` leaves without a column. */
  unmappedRequired: Type.Optional(Type.Array(Type.String())),
});
export type ImportProblem = Static<typeof ImportProblemSchema>;

export const ImportQuerySchema = Type.Object(
  {
    mode: Type.Enum(IMPORT_MODES),
    format: Type.Optional(Type.Enum(['csv', 'xlsx', 'auto'])),
    coordSystem: Type.Optional(Type.Enum(['wgs84', 'gcj02'])),
    /** JSON object: field → zero-based column index, as the mapping step chose. */
    mapping: Type.Optional(Type.String({ maxLength: 2000 })),
    /** The header's row number (1-based); omitted: found among the first rows, past any title rows. */
    headerRow: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_HEADER_ROW })),
  },
  { additionalProperties: false },
);

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
/** validate: rows are read and checked; check: against the register; write: households are written. */
export const IMPORT_JOB_PHASES = ['queued', 'validate', 'check', 'write', 'done'] as const;
export type ImportJobPhase = (typeof IMPORT_JOB_PHASES)[number];

/**
 * A household import running in the background (POST /household-imports answers 202 with it; GET
 * /household-imports/{id} polls it). `report` is, once succeeded, what the import reports for every
 * mode; `failure`, once failed, what a synchronous request would have answered as problem+json.
 */
export const ImportJobSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  mode: Type.Enum(IMPORT_MODES),
  status: Type.Enum(IMPORT_JOB_STATUSES),
  progress: Type.Object({
    phase: Type.Enum(IMPORT_JOB_PHASES),
    rowsChecked: Type.Integer(),
    /** Lines of a csv file below its header; null for xlsx, whose row count is known only once read. */
    estimatedRows: Type.Union([Type.Integer(), Type.Null()]),
    householdsWritten: Type.Integer(),
    /** Households to write, known once the rows are checked. */
    householdsTotal: Type.Union([Type.Integer(), Type.Null()]),
  }),
  /** Runs started so far: a run cut off by a server restart is retried once. */
  attempts: Type.Integer(),
  /** Said beside the status, in Chinese (e.g. that an interrupted run is being retried). */
  notice: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  report: Type.Union([ImportReportSchema, Type.Null()]),
  failure: Type.Union([
    Type.Object({
      status: Type.Integer(),
      code: Type.String(),
      detail: Type.String(),
      errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
    }),
    Type.Null(),
  ]),
});
export type ImportJob = Static<typeof ImportJobSchema>;

export const ImportJobParamsSchema = Type.Object({ jobId: Type.String({ format: 'uuid' }) });
