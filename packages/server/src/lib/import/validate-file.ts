import { COLUMN_FIELDS, type ColumnField, type ColumnMapping, type CoordSystem } from './column-mapping.js';
import { parseIdCardCell, type Relation, type ResidenceType } from './field-values.js';
import type { TableRow } from './table-row.js';
import { columnName, type ImportRecord, isBlankRow, type RowError, validateRow } from './validate-row.js';

export interface ValidateImportOptions {
  coordSystem: CoordSystem;
  /** Header cells. When omitted, the first row of `rows` is taken as the header. */
  header?: readonly string[];
  /** Called with the number of data rows processed, every `progressEvery` rows and at the end. */
  onProgress?(done: number): void;
  progressEvery?: number;
  now?: Date;
  defaultRelation?: Relation;
  defaultResidenceType?: ResidenceType;
  /** Residents of one household whose coordinates differ by more than this get a warning (default 30 m). */
  coordinateToleranceMeters?: number;
}

export interface ImportValidation {
  /** Rows that passed every check, in file order; coordinates already unified per household. */
  records: ImportRecord[];
  /**
   * Every problem, sorted by row then column. Nothing may be imported while this is non-empty,
   * unless the user chooses to import only `records`.
   */
  errors: RowError[];
  /** Not blocking: conflicting coordinates within a household, several or no heads of household. */
  warnings: RowError[];
  /** Distinct households among `records`. */
  households: number;
  /** Data rows read after the header (blank lines excluded). */
  rowsRead: number;
  /** Rows with at least one error. */
  invalidRows: number;
  /** Rows whose mapped cells were all empty (e.g. a remark row); ignored. */
  skippedRows: number;
}

const YIELD_EVERY = 2000;
const MAX_LISTED_ROWS = 5;

/**
 * The dry run: validates every row, then checks across rows. Duplicate ID numbers are errors on
 * every row involved ('与第 12 行身份证号重复'), so neither copy is imported. A household's
 * coordinates are those of its first row that has any; later rows of the same household that
 * differ by more than the tolerance get a warning, and every resident takes the household's
 * coordinates. The event loop gets a turn every 2,000 rows so a server stays responsive.
 */
export async function validateImport(
  rows: AsyncIterable<TableRow> | Iterable<TableRow>,
  mapping: ColumnMapping,
  options: ValidateImportOptions,
): Promise<ImportValidation> {
  let header = options.header;
  const context = {
    header: header ?? [],
    coordSystem: options.coordSystem,
    now: options.now ?? new Date(),
    defaultRelation: options.defaultRelation,
    defaultResidenceType: options.defaultResidenceType,
  };
  const progressEvery = options.progressEvery ?? 1000;
  let records: ImportRecord[] = [];
  const errors: RowError[] = [];
  const invalid = new Set<number>();
  const firstRowById = new Map<string, number>();
  const duplicates = new Map<string, number[]>();
  let rowsRead = 0;
  let skippedRows = 0;

  const noteId = (idCard: string, row: number) => {
    const first = firstRowById.get(idCard);
    if (first === undefined) {
      firstRowById.set(idCard, row);
      return true;
    }
    const list = duplicates.get(idCard);
    if (list) list.push(row);
    else duplicates.set(idCard, [first, row]);
    return false;
  };

  for await (const row of rows) {
    if (!header) {
      header = row.cells;
      context.header = header;
      continue;
    }
    rowsRead++;
    if (isBlankRow(row.cells, mapping)) skippedRows++;
    else {
      const result = validateRow(row.rowNumber, row.cells, mapping, context);
      if (result.ok) {
        noteId(result.record.idCard, row.rowNumber);
        records.push(result.record);
      } else {
        for (const e of result.errors) errors.push(e);
        invalid.add(row.rowNumber);
        // A row with other errors still claims its ID, so fixing it later cannot reveal a duplicate.
        if (mapping.idCard !== null && !result.errors.some((e) => e.field === 'idCard')) {
          const id = parseIdCardCell(row.cells[mapping.idCard] ?? '', context.now);
          if (id.ok) noteId(id.value.idCard, row.rowNumber);
        }
      }
    }
    if (rowsRead % progressEvery === 0) options.onProgress?.(rowsRead);
    if (rowsRead % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const finalHeader = header ?? [];

  if (duplicates.size > 0) {
    const idColumn = columnName('idCard', mapping, finalHeader);
    const duplicated = new Set<number>();
    for (const rowNumbers of duplicates.values()) {
      for (const row of rowNumbers) {
        const others = rowNumbers.filter((r) => r !== row);
        const listed = others.slice(0, MAX_LISTED_ROWS).join('、');
        const more = others.length > MAX_LISTED_ROWS ? ` 等 ${others.length} 行` : ' 行';
        errors.push({ row, column: idColumn, field: 'idCard', reason: `与第 ${listed}${more}身份证号重复` });
        duplicated.add(row);
        invalid.add(row);
      }
    }
    records = records.filter((r) => !duplicated.has(r.rowNumber));
  }

  const columnOrder = new Map<ColumnField, number>(
    COLUMN_FIELDS.map((f) => [f, mapping[f] ?? Number.MAX_SAFE_INTEGER]),
  );
  const byRowThenColumn = (a: RowError, b: RowError) =>
    a.row - b.row || (columnOrder.get(a.field) ?? 0) - (columnOrder.get(b.field) ?? 0);
  errors.sort(byRowThenColumn);

  const { households, warnings } = unifyHouseholds(records, mapping, finalHeader, options);
  warnings.sort(byRowThenColumn);
  options.onProgress?.(rowsRead);
  return { records, errors, warnings, households, rowsRead, invalidRows: invalid.size, skippedRows };
}

interface HouseholdState {
  firstRow: number;
  coords?: { lng: number; lat: number; row: number };
  headRow?: number;
}

function unifyHouseholds(
  records: ImportRecord[],
  mapping: ColumnMapping,
  header: readonly string[],
  options: ValidateImportOptions,
): { households: number; warnings: RowError[] } {
  const tolerance = options.coordinateToleranceMeters ?? 30;
  const warnings: RowError[] = [];
  const warn = (row: number, field: ColumnField, reason: string) =>
    warnings.push({ row, column: columnName(field, mapping, header), field, reason });
  const states = new Map<string, HouseholdState>();

  for (const r of records) {
    let state = states.get(r.householdKey);
    if (!state) {
      state = { firstRow: r.rowNumber };
      states.set(r.householdKey, state);
    }
    if (r.lng !== null && r.lat !== null) {
      if (!state.coords) state.coords = { lng: r.lng, lat: r.lat, row: r.rowNumber };
      else {
        const meters = distanceMeters(state.coords.lng, state.coords.lat, r.lng, r.lat);
        if (meters > tolerance) {
          warn(
            r.rowNumber,
            'lng',
            `与同一户第 ${state.coords.row} 行的坐标相差约 ${Math.round(meters)} 米，将采用第 ${state.coords.row} 行的坐标`,
          );
        }
      }
    }
    if (r.relation === '户主') {
      if (state.headRow === undefined) state.headRow = r.rowNumber;
      else warn(r.rowNumber, 'relation', `同一户已有户主（第 ${state.headRow} 行）`);
    }
  }

  for (const r of records) {
    const coords = states.get(r.householdKey)?.coords;
    r.lng = coords ? coords.lng : null;
    r.lat = coords ? coords.lat : null;
  }
  if (mapping.relation !== null) {
    for (const state of states.values()) {
      if (state.headRow === undefined) warn(state.firstRow, 'relation', '该户没有户主');
    }
  }
  return { households: states.size, warnings };
}

/** Equirectangular approximation; plenty for "are these the same building". */
function distanceMeters(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const toRad = Math.PI / 180;
  const x = (lng2 - lng1) * toRad * Math.cos(((lat1 + lat2) / 2) * toRad);
  const y = (lat2 - lat1) * toRad;
  return Math.sqrt(x * x + y * y) * 6371008.8;
}

/** Records grouped by household, in order of first appearance, for the writer. */
export function groupByHousehold(records: readonly ImportRecord[]): Map<string, ImportRecord[]> {
  const groups = new Map<string, ImportRecord[]>();
  for (const r of records) {
    const group = groups.get(r.householdKey);
    if (group) group.push(r);
    else groups.set(r.householdKey, [r]);
  }
  return groups;
}
