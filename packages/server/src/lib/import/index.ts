export {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  REQUIRED_IMPORT_FIELDS,
} from '@fengqiao/shared';
export type { TableInput } from './byte-source.js';
export {
  type CoordSystem,
  completeMapping,
  FIELD_LABELS,
  normalizeHeader,
  parseMappingJson,
  suggestMapping,
  unmappedRequired,
  validateMapping,
} from './column-mapping.js';
export {
  ID_15_DIGIT_REASON,
  ID_EXCEL_NUMBER_REASON,
  type Relation,
  type ResidenceType,
} from './field-values.js';
export { headerScore, pickHeader } from './find-header.js';
export { ImportFileError, type ImportFileErrorCode } from './import-file-error.js';
export { openTable, readHeader, readRows, type TableFormat, type TableReadOptions } from './read-table.js';
export type { TableRow } from './table-row.js';
export {
  checkHouseholds,
  firstPoint,
  groupByHousehold,
  type HouseholdCheckOptions,
  type HouseholdOnFile,
  type ImportValidation,
  type RowValidation,
  type ValidateImportOptions,
  validateImport,
  validateRows,
} from './validate-file.js';
export {
  type BlankField,
  householdKeyOf,
  type ImportRecord,
  isBlankRow,
  type RowContext,
  type RowError,
  type RowResult,
  validateRow,
} from './validate-row.js';
export type { XlsxReadOptions } from './xlsx-reader.js';
