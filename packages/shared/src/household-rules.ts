// The households' map and import constants and pure rules, without TypeBox (households.ts builds the
// schemas on them; the register's vocabulary is in residents.ts), so the web takes them from
// `@fengqiao/shared/rules` without the schema library.

/** Points for the map are capped so a bureau-wide view cannot ask for millions at once. */
export const MAP_POINT_LIMIT = 50_000;

/**
 * The columns an import file can supply, in the order the mapping step lists them. `address` is one
 * 住址 column holding the whole address, which the import splits into the five parts after it.
 */
export const IMPORT_FIELDS = [
  'address',
  'community',
  'street',
  'building',
  'unit',
  'room',
  'lng',
  'lat',
  'name',
  'idCard',
  'phone',
  'relation',
  'residenceType',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Zero-based column index for each field, or null when the file has no such column. */
export type ImportMapping = Record<ImportField, number | null>;

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['community', 'room', 'name', 'idCard'];

/** The parts a 住址 column is split into; the file may still give 村/社区 in its own column. */
export const ADDRESS_PART_FIELDS: readonly ImportField[] = [
  'community',
  'street',
  'building',
  'unit',
  'room',
];

type AnyMapping = Readonly<Partial<Record<ImportField, number | null>>>;
const mapped = (mapping: AnyMapping, field: ImportField) =>
  mapping[field] !== null && mapping[field] !== undefined;

/**
 * Required fields the mapping leaves without a column, in the order the mapping step lists them. A
 * 住址 column stands in for 村/社区 and 门牌号, which are split from it.
 */
export function unmappedRequiredFields(mapping: AnyMapping): ImportField[] {
  const byAddress = new Set<ImportField>(mapped(mapping, 'address') ? ['community', 'room'] : []);
  return REQUIRED_IMPORT_FIELDS.filter((f) => !mapped(mapping, f) && !byAddress.has(f));
}

/**
 * Address parts chosen beside a 住址 column, which the split fills itself: the file must give the
 * address one way or the other. Only 村/社区 may have its own column too (the split checks they agree).
 */
export function addressPartsBesideAddress(mapping: AnyMapping): ImportField[] {
  if (!mapped(mapping, 'address')) return [];
  return ADDRESS_PART_FIELDS.filter((f) => f !== 'community' && mapped(mapping, f));
}

/** The first rows searched for the header: title rows above it are skipped. */
export const HEADER_SEARCH_ROWS = 20;
/** The highest header row that may be chosen by hand. */
export const MAX_HEADER_ROW = 1000;

/** A sheet holds six plates; more than this many at once is too much for one print job. */
export const MAX_DOOR_PLATES = 300;

/** The household list's sortable columns (without one: the order of filing, by id). */
export const HOUSEHOLD_SORTS = ['updatedAt', 'residentCount', 'gridName', 'headName'] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];
