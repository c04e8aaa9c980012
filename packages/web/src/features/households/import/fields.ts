import {
  addressPartsBesideAddress,
  computeIdCardCheckChar,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  REQUIRED_IMPORT_FIELDS,
  unmappedRequiredFields,
} from '@fengqiao/shared/rules';

// The mapping step's vocabulary is the API contract's.
export { IMPORT_FIELDS, type ImportField, type ImportMapping, REQUIRED_IMPORT_FIELDS };

/** Required with this mapping: a 住址 column gives 村/社区 and 门牌号. */
export const isRequired = (field: ImportField, mapping: ImportMapping) =>
  REQUIRED_IMPORT_FIELDS.includes(field) &&
  !(mapping.address !== null && (field === 'community' || field === 'room'));

export function emptyMapping(): ImportMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ImportMapping;
}

/** The server's mapping (a plain record) as an ImportMapping. */
export function toMapping(raw: Readonly<Record<string, number | null>>): ImportMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, raw[f] ?? null])) as ImportMapping;
}

export function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  return IMPORT_FIELDS.every((f) => a[f] === b[f]);
}

export interface MappingCheck {
  /** Required fields without a column; a 住址 column gives 村/社区 and 门牌号. */
  missing: ImportField[];
  /** Address parts chosen beside a 住址 column, which is split into them. */
  besideAddress: ImportField[];
  /** Columns chosen for more than one field. */
  duplicates: Set<number>;
  /** Only one of longitude and latitude is chosen. */
  lngLatUnpaired: boolean;
}

/** The server's mapping rules, checked in the browser for instant feedback (the server checks again). */
export function checkMapping(mapping: ImportMapping): MappingCheck {
  const missing = unmappedRequiredFields(mapping);
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === null) continue;
    if (seen.has(column)) duplicates.add(column);
    seen.add(column);
  }
  return {
    missing,
    besideAddress: addressPartsBesideAddress(mapping),
    duplicates,
    lngLatUnpaired: (mapping.lng === null) !== (mapping.lat === null),
  };
}

export const mappingOk = (c: MappingCheck) =>
  !c.missing.length && !c.besideAddress.length && !c.duplicates.size && !c.lngLatUnpaired;

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The template gives the address in its parts; a file may instead hold it in one 住址 column. */
const TEMPLATE_FIELDS = IMPORT_FIELDS.filter((f) => f !== 'address');
type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** The template's header: spellings the server's column suggestion recognises exactly. */
const TEMPLATE_HEADER: Record<TemplateField, string> = {
  community: '村/社区',
  street: '街路',
  building: '楼栋',
  unit: '单元',
  room: '门牌号',
  lng: '经度',
  lat: '纬度',
  name: '姓名',
  idCard: '身份证号',
  phone: '手机号',
  relation: '与户主关系',
  residenceType: '户籍类型',
  tags: '标签',
};

/** The example row: a made-up person with a well-formed ID number (诸暨 region code). */
function exampleRow(): Record<TemplateField, string> {
  const first17 = '33068119850312123';
  return {
    community: '枫源村',
    street: '枫桥路',
    building: '3幢',
    unit: '1单元',
    room: '101',
    lng: '120.2401',
    lat: '29.7102',
    name: '张三',
    idCard: first17 + computeIdCardCheckChar(first17),
    phone: '13912345678',
    relation: '户主',
    residenceType: '户籍',
    tags: '',
  };
}

/** Text cells Excel must not turn into numbers (18-digit IDs lose their last digits). */
const TEXT_FIELDS: ReadonlySet<ImportField> = new Set(['idCard', 'phone', 'room']);

export function templateRows(): { header: string[]; example: string[]; textColumns: Set<number> } {
  const example = exampleRow();
  return {
    header: TEMPLATE_FIELDS.map((f) => TEMPLATE_HEADER[f]),
    example: TEMPLATE_FIELDS.map((f) => example[f]),
    textColumns: new Set(TEMPLATE_FIELDS.flatMap((f, i) => (TEXT_FIELDS.has(f) ? [i] : []))),
  };
}
