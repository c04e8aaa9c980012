import type { ImportField, ImportMapping, ResidentTag } from '@fengqiao/shared';
import { type AddressParts, householdKeyOf } from '../../lib/address/household-key.js';
import { type AddressSplitter, createAddressSplitter } from '../../lib/address/split-address.js';
import { gcj02ToWgs84, isInChina } from '../../lib/geo/coordinates.js';
import { type CoordSystem, FIELD_LABELS } from './column-mapping.js';
import {
  degreesRangeError,
  normalizeText,
  parseDegrees,
  parseIdCardCell,
  parseName,
  parsePhone,
  parseRelation,
  parseResidenceType,
  parseTags,
  type Relation,
  type ResidenceType,
} from './field-values.js';

/** One resident row that passed validation, normalised; coordinates are WGS-84. */
export interface ImportRecord {
  rowNumber: number;
  /** community|street|building|unit|room in canonical form; rows with the same key are one household. */
  householdKey: string;
  community: string;
  /** '' when blank, as are building and unit. */
  street: string;
  building: string;
  unit: string;
  room: string;
  lng: number | null;
  lat: number | null;
  name: string;
  /** 18 characters, upper-case X. The key for idempotent re-import. */
  idCard: string;
  birthDate: string;
  sex: 'male' | 'female';
  phone: string | null;
  relation: Relation;
  residenceType: ResidenceType;
  tags: ResidentTag[];
  /**
   * Optional fields the row left blank (or the file has no column for). For a new person the defaults
   * above apply; for a person on file the register keeps what it has, so a file with fewer columns
   * never erases a phone, a relation or tags.
   */
  blank: BlankField[];
}

export type BlankField = 'phone' | 'relation' | 'residenceType' | 'tags';

export interface RowError {
  /** Row number as shown in Excel. */
  row: number;
  /** The header text of the column, or the field's Chinese name when the header cell is empty. */
  column: string;
  field: ImportField;
  /** Chinese, for the user. */
  reason: string;
}

export interface RowContext {
  /** Header cells, to name columns in errors. */
  header: readonly string[];
  coordSystem: CoordSystem;
  /** Today, for "birth date in the future"; defaults to the current time. */
  now?: Date;
  /** Used when the relation cell is blank or unmapped (default 其他). */
  defaultRelation?: Relation;
  /** Used when the residence-type cell is blank or unmapped (default 户籍). */
  defaultResidenceType?: ResidenceType;
  /**
   * Splits a 住址 column's cells, knowing the station's villages and communities (createAddressSplitter).
   * Without it only rows whose 村/社区 column names the village can be split.
   */
  splitAddress?: AddressSplitter;
}

const noVillages = createAddressSplitter([]);

export type RowResult = { ok: true; record: ImportRecord } | { ok: false; errors: RowError[] };

const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  community: 40,
  street: 60,
  building: 20,
  unit: 20,
  room: 20,
};

const COORD_DECIMALS = 1e7;

export function columnName(field: ImportField, mapping: ImportMapping, header: readonly string[]): string {
  const column = mapping[field];
  const text = column === null ? undefined : header[column];
  return text ? text : FIELD_LABELS[field];
}

/** True when every mapped cell is empty (e.g. a row holding only a remark); such rows are skipped. */
export function isBlankRow(cells: readonly string[], mapping: ImportMapping): boolean {
  for (const field in mapping) {
    const column = mapping[field as ImportField];
    if (column !== null && (cells[column] ?? '') !== '') return false;
  }
  return true;
}

export { householdKeyOf };

/** Checks one data row and reports every problem in it, not just the first. */
export function validateRow(
  rowNumber: number,
  cells: readonly string[],
  mapping: ImportMapping,
  context: RowContext,
): RowResult {
  const errors: RowError[] = [];
  const error = (field: ImportField, reason: string) =>
    errors.push({ row: rowNumber, column: columnName(field, mapping, context.header), field, reason });
  const cell = (field: ImportField): string => {
    const column = mapping[field];
    return column === null ? '' : (cells[column] ?? '');
  };

  const text = (field: ImportField, required: boolean): string => {
    const value = normalizeText(cell(field));
    if (required && !value) error(field, `${FIELD_LABELS[field]}不能为空`);
    const max = MAX_LENGTH[field];
    if (max && value.length > max) error(field, `${FIELD_LABELS[field]}不能超过 ${max} 个字`);
    return value;
  };
  const address =
    mapping.address === null
      ? {
          community: text('community', true),
          street: text('street', false),
          building: text('building', false),
          unit: text('unit', false),
          room: text('room', true),
        }
      : splitAddressCell(
          cell('address'),
          mapping.community === null ? '' : text('community', false),
          context,
          (reason) => error('address', reason),
        );

  let name = '';
  const rawName = cell('name');
  if (!rawName) error('name', '姓名不能为空');
  else {
    const parsed = parseName(rawName);
    if (parsed.ok) name = parsed.value;
    else error('name', parsed.reason);
  }

  let id: { idCard: string; birthDate: string; sex: 'male' | 'female' } | undefined;
  const rawId = cell('idCard');
  if (!rawId) error('idCard', '身份证号不能为空');
  else {
    const parsed = parseIdCardCell(rawId, context.now ?? new Date());
    if (parsed.ok) id = parsed.value;
    else error('idCard', parsed.reason);
  }

  let phone: string | null = null;
  const rawPhone = cell('phone');
  if (rawPhone) {
    const parsed = parsePhone(rawPhone);
    if (parsed.ok) phone = parsed.value;
    else error('phone', parsed.reason);
  }

  const coords = parseCoordinates(cell('lng'), cell('lat'), context.coordSystem, error);

  let relation = context.defaultRelation ?? '其他';
  const rawRelation = cell('relation');
  if (rawRelation) {
    const parsed = parseRelation(rawRelation);
    if (parsed.ok) relation = parsed.value;
    else error('relation', parsed.reason);
  }

  let residenceType = context.defaultResidenceType ?? '户籍';
  const rawResidence = cell('residenceType');
  if (rawResidence) {
    const parsed = parseResidenceType(rawResidence);
    if (parsed.ok) residenceType = parsed.value;
    else error('residenceType', parsed.reason);
  }

  let tags: ResidentTag[] = [];
  const rawTags = cell('tags');
  if (rawTags) {
    const parsed = parseTags(rawTags);
    if (parsed.ok) tags = parsed.value;
    else error('tags', parsed.reason);
  }

  if (errors.length > 0 || !id || !address) return { ok: false, errors };
  const blank = (
    [
      ['phone', rawPhone],
      ['relation', rawRelation],
      ['residenceType', rawResidence],
      ['tags', rawTags],
    ] as const
  )
    .filter(([, raw]) => !raw)
    .map(([field]) => field);
  return {
    ok: true,
    record: {
      rowNumber,
      householdKey: householdKeyOf(address),
      ...address,
      lng: coords?.[0] ?? null,
      lat: coords?.[1] ?? null,
      name,
      idCard: id.idCard,
      birthDate: id.birthDate,
      sex: id.sex,
      phone,
      relation,
      residenceType,
      tags,
      blank,
    },
  };
}

/** The parts of a 住址 cell, or undefined when it cannot be split (the reason goes to `fail`). */
function splitAddressCell(
  raw: string,
  community: string,
  context: RowContext,
  fail: (reason: string) => void,
): AddressParts | undefined {
  const cell = normalizeText(raw);
  if (!cell) {
    fail('住址不能为空');
    return undefined;
  }
  const split = (context.splitAddress ?? noVillages)(cell, { community });
  if (!split.ok) {
    fail(split.reason);
    return undefined;
  }
  const tooLong = (Object.keys(split.parts) as (keyof AddressParts)[]).find(
    (part) => split.parts[part].length > (MAX_LENGTH[part] ?? Number.POSITIVE_INFINITY),
  );
  if (tooLong) {
    fail(`住址拆分出的${FIELD_LABELS[tooLong]}「${split.parts[tooLong]}」超过 ${MAX_LENGTH[tooLong]} 个字`);
    return undefined;
  }
  return split.parts;
}

/** Both or neither; inside China; GCJ-02 converted to WGS-84. Returns undefined when absent or bad. */
function parseCoordinates(
  rawLng: string,
  rawLat: string,
  coordSystem: CoordSystem,
  error: (field: ImportField, reason: string) => void,
): [number, number] | undefined {
  if (!rawLng && !rawLat) return undefined;
  if (!rawLng) {
    error('lng', '填写了纬度但没有填写经度，经纬度要么都填，要么都不填');
    return undefined;
  }
  if (!rawLat) {
    error('lat', '填写了经度但没有填写纬度，经纬度要么都填，要么都不填');
    return undefined;
  }
  const lng = parseDegrees(rawLng, '经度');
  const lat = parseDegrees(rawLat, '纬度');
  if (!lng.ok) error('lng', lng.reason);
  if (!lat.ok) error('lat', lat.reason);
  if (!lng.ok || !lat.ok) return undefined;
  if (!isInChina(lng.value, lat.value)) {
    if (isInChina(lat.value, lng.value)) {
      error('lng', `经纬度可能填反了（经度 ${rawLng}，纬度 ${rawLat}）`);
      return undefined;
    }
    const lngRange = degreesRangeError(lng.value, '经度');
    const latRange = degreesRangeError(lat.value, '纬度');
    if (lngRange) error('lng', lngRange);
    if (latRange) error('lat', latRange);
    if (!lngRange && !latRange) error('lng', `坐标（经度 ${rawLng}，纬度 ${rawLat}）不在中国境内`);
    return undefined;
  }
  const [wLng, wLat] = coordSystem === 'gcj02' ? gcj02ToWgs84(lng.value, lat.value) : [lng.value, lat.value];
  return [
    Math.round(wLng * COORD_DECIMALS) / COORD_DECIMALS,
    Math.round(wLat * COORD_DECIMALS) / COORD_DECIMALS,
  ];
}
