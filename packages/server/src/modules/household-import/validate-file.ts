import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '@fengqiao/shared';
import type { AddressSplitter } from '../../lib/address/split-address.js';
import type { TableRow } from '../../lib/import/index.js';
import type { CoordSystem } from './column-mapping.js';
import { parseIdCardCell, type Relation, type ResidenceType } from './field-values.js';
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
  /** Splits a 住址 column's cells with the station's villages and communities (see RowContext). */
  splitAddress?: AddressSplitter;
  /** Residents of one household whose coordinates differ by more than this get a warning (default 30 m). */
  coordinateToleranceMeters?: number;
}

export interface ImportValidation extends RowValidation {
  /** Not blocking: conflicting coordinates within a household, several or no heads of household. */
  warnings: RowError[];
  /** Distinct households among `records`. */
  households: number;
}

/** The checks of each row and across rows, before anything is decided per household. */
export interface RowValidation {
  /** Rows that passed every check, in file order, with the coordinates each row gives. */
  records: ImportRecord[];
  /**
   * Every problem, sorted by row then column. Nothing may be imported while this is non-empty,
   * unless the user chooses to import only `records`.
   */
  errors: RowError[];
  /** Header cells: those given, or the first row's. */
  header: readonly string[];
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
 * The dry run: validates every row, then checks across rows (validateRows), then per household
 * (checkHouseholds). An importer that refuses more rows on its own grounds calls the two apart and
 * checks the households after its refusals, so the warnings speak of the rows it writes.
 */
export async function validateImport(
  rows: AsyncIterable<TableRow> | Iterable<TableRow>,
  mapping: ImportMapping,
  options: ValidateImportOptions,
): Promise<ImportValidation> {
  const validation = await validateRows(rows, mapping, options);
  const { households, warnings } = checkHouseholds(validation.records, mapping, validation.header, options);
  return { ...validation, warnings, households };
}

/**
 * Validates every row, then checks across rows. Duplicate ID numbers are errors on every row involved
 * ('与第 12 行身份证号重复'), so neither copy is imported. The event loop gets a turn every 2,000 rows so
 * a server stays responsive.
 */
export async function validateRows(
  rows: AsyncIterable<TableRow> | Iterable<TableRow>,
  mapping: ImportMapping,
  options: ValidateImportOptions,
): Promise<RowValidation> {
  let header = options.header;
  const context = {
    header: header ?? [],
    coordSystem: options.coordSystem,
    now: options.now ?? new Date(),
    defaultRelation: options.defaultRelation,
    defaultResidenceType: options.defaultResidenceType,
    splitAddress: options.splitAddress,
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

  errors.sort(byRowThenColumn(mapping));
  options.onProgress?.(rowsRead);
  return { records, errors, header: finalHeader, rowsRead, invalidRows: invalid.size, skippedRows };
}

/** Orders problems by row, then by the position of their column in the file. */
function byRowThenColumn(mapping: ImportMapping): (a: RowError, b: RowError) => number {
  const columnOrder = new Map<ImportField, number>(
    IMPORT_FIELDS.map((f) => [f, mapping[f] ?? Number.MAX_SAFE_INTEGER]),
  );
  return (a, b) => a.row - b.row || (columnOrder.get(a.field) ?? 0) - (columnOrder.get(b.field) ?? 0);
}

/**
 * What the register already holds for a household of the file: one on file in the importer's own
 * area, which an import adds to and never moves.
 */
export interface HouseholdOnFile {
  /** Its point on file (WGS-84), kept whatever the file says. */
  lng: number | null;
  lat: number | null;
  /** Heads of household on file whom the import leaves as they are (no row of the file is theirs). */
  keptHeads: number;
}

export interface HouseholdCheckOptions {
  /** Residents of one household whose coordinates differ by more than this get a warning (default 30 m). */
  coordinateToleranceMeters?: number;
  /** The household on file for a household key of the file; undefined for a household the import creates. */
  onFile?: (householdKey: string) => HouseholdOnFile | undefined;
}

const hasPoint = (r: ImportRecord): r is ImportRecord & { lng: number; lat: number } =>
  r.lng !== null && r.lat !== null;

/** A household's point as the writer takes it: that of its first row that has one. */
export function firstPoint(rows: readonly ImportRecord[]): { lng: number; lat: number; row: number } | null {
  const first = rows.find(hasPoint);
  return first ? { lng: first.lng, lat: first.lat, row: first.rowNumber } : null;
}

/**
 * Checks `records` household by household and gives each row its household's point (firstPoint).
 * Call it with the rows that will be written, after every refusal, so its warnings speak of those rows
 * and of what the write does:
 * - a new household takes the point of its first row that has one; later rows that differ by more than
 *   the tolerance get a warning;
 * - a household on file (`onFile`) keeps its point: the first row whose point differs from the one on
 *   file, or any point when none is on file, gets a warning that the file's point is not used;
 * - several heads of household, counting those on file the import leaves as they are, or none (only
 *   when the file has a relation column: without one, nobody is a head).
 */
export function checkHouseholds(
  records: readonly ImportRecord[],
  mapping: ImportMapping,
  header: readonly string[],
  options: HouseholdCheckOptions = {},
): { households: number; warnings: RowError[] } {
  const tolerance = options.coordinateToleranceMeters ?? 30;
  const warnings: RowError[] = [];
  const warn = (row: number, field: ImportField, reason: string) =>
    warnings.push({ row, column: columnName(field, mapping, header), field, reason });
  const groups = groupByHousehold(records);

  for (const [key, rows] of groups) {
    const onFile = options.onFile?.(key);
    const first = firstPoint(rows);
    if (onFile && first) {
      const kept = onFile.lng !== null && onFile.lat !== null ? { lng: onFile.lng, lat: onFile.lat } : null;
      if (!kept) {
        warn(first.row, 'lng', '档案中该户没有坐标，导入不采用文件中的坐标；如需标注位置请在住户档案中修改');
      } else {
        for (const r of rows) {
          if (!hasPoint(r)) continue;
          const meters = distanceMeters(kept.lng, kept.lat, r.lng, r.lat);
          if (meters <= tolerance) continue;
          warn(
            r.rowNumber,
            'lng',
            `文件中的坐标与档案不一致（相差约 ${Math.round(meters)} 米），未修改住户位置；如需移动请在住户档案中修改`,
          );
          break;
        }
      }
    } else if (first) {
      for (const r of rows) {
        if (r.rowNumber === first.row || !hasPoint(r)) continue;
        const meters = distanceMeters(first.lng, first.lat, r.lng, r.lat);
        if (meters > tolerance) {
          warn(
            r.rowNumber,
            'lng',
            `与同一户第 ${first.row} 行的坐标相差约 ${Math.round(meters)} 米，将采用第 ${first.row} 行的坐标`,
          );
        }
      }
    }

    let headRow: number | undefined;
    for (const r of rows) {
      if (r.relation !== '户主') continue;
      if (onFile && onFile.keptHeads > 0) warn(r.rowNumber, 'relation', '档案中该户已有户主');
      else if (headRow === undefined) headRow = r.rowNumber;
      else warn(r.rowNumber, 'relation', `同一户已有户主（第 ${headRow} 行）`);
    }
    const heads = (headRow === undefined ? 0 : 1) + (onFile?.keptHeads ?? 0);
    if (heads === 0 && mapping.relation !== null) {
      warn((rows[0] as ImportRecord).rowNumber, 'relation', '该户没有户主');
    }
    for (const r of rows) {
      r.lng = first ? first.lng : null;
      r.lat = first ? first.lat : null;
    }
  }

  warnings.sort(byRowThenColumn(mapping));
  return { households: groups.size, warnings };
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
