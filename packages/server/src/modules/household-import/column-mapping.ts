import {
  addressPartsBesideAddress,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  unmappedRequiredFields,
} from '@fengqiao/shared';

export type CoordSystem = 'wgs84' | 'gcj02';

export const FIELD_LABELS: Record<ImportField, string> = {
  address: '住址',
  community: '村/社区',
  street: '街路巷/门牌地址',
  building: '楼栋',
  unit: '单元',
  room: '门牌号/房号',
  lng: '经度',
  lat: '纬度',
  name: '姓名',
  idCard: '身份证号',
  phone: '联系电话',
  relation: '与户主关系',
  residenceType: '户籍类型',
  tags: '标签',
};

/**
 * Header spellings seen in registers from police, village committees and grid systems, already
 * in normalised form (see normalizeHeader). Earlier entries are preferred.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  // Where people live comes before the hukou address when a register has both.
  address: [
    '住址',
    '现住址',
    '居住地址',
    '现居住地址',
    '现住地址',
    '家庭住址',
    '家庭地址',
    '详细地址',
    '地址',
    '门牌地址',
    '联系地址',
    '户籍地址',
    '户籍住址',
    '户口所在地',
    'address',
  ],
  community: [
    '村社区',
    '社区',
    '村',
    '村居',
    '社区村',
    '所属社区',
    '所属村社区',
    '社区名称',
    '村社区名称',
    '村名',
    '村委会',
    '居委会',
    '社区居委会',
    '村居委会',
    'community',
    'village',
    'neighborhood',
    'neighbourhood',
  ],
  street: [
    '街路巷',
    '街路',
    '道路',
    '街巷',
    '路',
    '路名',
    '街路巷名称',
    '道路名称',
    '小区',
    '小区名称',
    'street',
    'road',
  ],
  building: ['楼栋', '幢', '栋', '楼幢', '楼号', '幢号', '栋号', '楼栋号', '楼', 'building', 'bldg'],
  unit: ['单元', '单元号', 'unit'],
  room: [
    '门牌号',
    '房号',
    '室',
    '房间号',
    '室号',
    '户室号',
    '房屋号',
    '门牌',
    '房间',
    'room',
    'roomno',
    'door',
    'doorno',
  ],
  lng: ['经度', '经度坐标', '坐标经度', 'lng', 'lon', 'long', 'longitude', 'x', '坐标x'],
  lat: ['纬度', '纬度坐标', '坐标纬度', 'lat', 'latitude', 'y', '坐标y'],
  name: ['姓名', '名字', '居民姓名', '人员姓名', '人口姓名', 'name', 'fullname'],
  idCard: [
    '身份证号',
    '公民身份号码',
    '身份证号码',
    '身份证',
    '公民身份证号',
    '公民身份证号码',
    '身份号码',
    '证件号码',
    '证件号',
    '身份证件号码',
    'idcard',
    'idcardno',
    'idno',
    'idnumber',
    'id',
  ],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '电话',
    '电话号码',
    '联系方式',
    '移动电话',
    'phone',
    'mobile',
    'tel',
    'telephone',
    'cellphone',
  ],
  relation: ['与户主关系', '与户主的关系', '关系', '家庭关系', '户内关系', 'relation', 'relationship'],
  residenceType: [
    '户籍类型',
    '人口类型',
    '居住类型',
    '人员类型',
    '户籍性质',
    '人口性质',
    '人员性质',
    '户籍类别',
    '人口类别',
    'residencetype',
    'residence',
  ],
  tags: ['标签', '人员标签', '特殊人群', '重点人群', '人员类别', '关注类型', 'tags', 'tag', 'labels'],
};

const BRACKETED = /[（(【[［{｛<《][^）)】\]］}｝>》]*[）)】\]］}｝>》]/g;
const IGNORED = /[\s\p{P}\p{S}]/gu;

/** Lower-case, half-width, without bracketed notes ('身份证号（18位）'), spaces or punctuation. */
export function normalizeHeader(text: string): string {
  const nfkc = text.normalize('NFKC').toLowerCase();
  const withoutNotes = nfkc.replace(BRACKETED, '').replace(IGNORED, '');
  return withoutNotes || nfkc.replace(IGNORED, '');
}

const MIN_CONTAINS = { cjk: 2, latin: 4 };

function score(header: string, field: ImportField): number {
  if (!header) return 0;
  const synonyms = SYNONYMS[field];
  const exact = synonyms.indexOf(header);
  if (exact >= 0) return 1000 - exact;
  let best = 0;
  for (const synonym of synonyms) {
    const latin = /^[a-z0-9]+$/.test(synonym);
    if (synonym.length < (latin ? MIN_CONTAINS.latin : MIN_CONTAINS.cjk)) continue;
    // A longer matched synonym, covering more of the header, is the better guess.
    if (header.includes(synonym)) best = Math.max(best, 100 + (synonym.length * 100) / header.length);
  }
  return best;
}

/**
 * Guesses which column holds each field. Exact synonym matches win over headers that merely
 * contain a synonym ('户主姓名' for name); each column and each field is used at most once.
 */
export function suggestMapping(header: readonly string[]): ImportMapping {
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ImportMapping;
  const normalized = header.map(normalizeHeader);
  const candidates: { field: ImportField; column: number; score: number }[] = [];
  for (const field of IMPORT_FIELDS) {
    normalized.forEach((h, column) => {
      const s = score(h, field);
      if (s > 0) candidates.push({ field, column, score: s });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== null || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  // A file that gives the door (门牌号, 楼栋, 单元) in columns of its own holds only the street in its
  // 地址 column ('门牌地址' beside '门牌号'), as imports always took it.
  if (mapping.address !== null && addressPartsBesideAddress(mapping).length > 0) {
    if (mapping.street === null) mapping.street = mapping.address;
    mapping.address = null;
  }
  return mapping;
}

/** Problems with a mapping, in Chinese; an empty list means it can be used. */
export function validateMapping(mapping: Partial<ImportMapping>, header?: readonly string[]): string[] {
  const errors: string[] = [];
  for (const field of unmappedRequiredFields(mapping)) {
    errors.push(
      field === 'community' || field === 'room'
        ? `请指定"${FIELD_LABELS[field]}"对应的列，或指定整列的"住址"`
        : `请指定"${FIELD_LABELS[field]}"对应的列`,
    );
  }
  const beside = addressPartsBesideAddress(mapping);
  if (beside.length > 0) {
    errors.push(
      `"住址"列会拆分出街路、楼栋、单元和门牌号，不能再为${beside.map((f) => `"${FIELD_LABELS[f]}"`).join('、')}指定列；请二选一`,
    );
  }
  const byColumn = new Map<number, ImportField[]>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === null || column === undefined) continue;
    if (!Number.isInteger(column) || column < 0 || (header && column >= header.length)) {
      errors.push(`"${FIELD_LABELS[field]}"对应的列不存在`);
      continue;
    }
    byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  }
  for (const [column, fields] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    if (fields.length < 2) continue;
    const name = header?.[column] ? `第 ${column + 1} 列"${header[column]}"` : `第 ${column + 1} 列`;
    errors.push(`${name}同时对应了${fields.map((f) => `"${FIELD_LABELS[f]}"`).join('和')}，一列只能对应一项`);
  }
  const hasLng = mapping.lng !== null && mapping.lng !== undefined;
  const hasLat = mapping.lat !== null && mapping.lat !== undefined;
  if (hasLng !== hasLat) errors.push('经度和纬度必须同时指定，或都不指定');
  return errors;
}

/** Completes a partial mapping (e.g. from a request body) with nulls. */
export function completeMapping(partial: Partial<ImportMapping>): ImportMapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, partial[f] ?? null])) as ImportMapping;
}

/** Required fields the mapping leaves without a column (a 住址 column gives 村/社区 and 门牌号). */
export const unmappedRequired = unmappedRequiredFields;

/**
 * A mapping as JSON text (the HTTP query's `mapping`): an object of field → zero-based column or null.
 * A value other than a whole number ≥ 0 or null is a problem naming its key and is left out, so the
 * mapping handed back in the 422 always fits its schema. What cannot be used is returned as Chinese problems, to be reported with the file's header like any
 * other mapping problem; column indexes themselves are checked by validateMapping.
 */
export function parseMappingJson(text: string): { mapping: Partial<ImportMapping>; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { mapping: {}, problems: ['列对应关系格式错误：应为 JSON 对象，如 {"name": 5}'] };
  }
  const mapping: Partial<Record<ImportField, number | null>> = {};
  const problems: string[] = [];
  for (const [key, column] of Object.entries(value)) {
    if (!(IMPORT_FIELDS as readonly string[]).includes(key)) {
      problems.push(`列对应关系中有未知的项目"${key}"`);
      continue;
    }
    if (column !== null && !(Number.isInteger(column) && column >= 0)) {
      problems.push(
        `列对应关系中"${FIELD_LABELS[key as ImportField]}"（${key}）的值应为从 0 起的列序号或 null`,
      );
      continue;
    }
    mapping[key as ImportField] = column as number | null;
  }
  return { mapping, problems };
}
