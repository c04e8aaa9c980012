import { parseIdCard, RELATIONS, RESIDENCE_TYPES, RESIDENT_TAGS, type ResidentTag } from '@fengqiao/shared';

export type Relation = (typeof RELATIONS)[number];
export type ResidenceType = (typeof RESIDENCE_TYPES)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const NEEDS_NFKC = /[\u3000\uff01-\uff5e]/;
const NEEDS_SPACE_FIX = /\s\s|[^\S ]/;

/** Full-width letters, digits and spaces to half-width; runs of whitespace to one space. */
export function normalizeText(raw: string): string {
  const s = NEEDS_NFKC.test(raw) ? raw.normalize('NFKC') : raw;
  return NEEDS_SPACE_FIX.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** Lookup form for synonyms: half-width, lower case, no spaces. */
function lookupKey(raw: string): string {
  return normalizeText(raw).toLowerCase().replace(/\s/g, '');
}

export const ID_EXCEL_NUMBER_REASON = '身份证号被 Excel 转成了数字，请将该列设为文本后重新导出';
export const ID_15_DIGIT_REASON =
  '身份证号只有 15 位：如是旧版 15 位号码请换成 18 位号码；如被 Excel 转成了数字，请将该列设为文本后重新导出';
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;
const MIN_PLAUSIBLE_BIRTH = '1900-01-01';

export interface IdCardValue {
  idCard: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/**
 * GB 11643 check (via parseIdCard) plus the ways spreadsheets damage ID numbers: scientific
 * notation ('3.30681E+17'), and 18 digits ending in 000 that fail the checksum (Excel keeps only
 * 15 significant digits, so the last three become zeros).
 */
export function parseIdCardCell(raw: string, now: Date): Parsed<IdCardValue> {
  const s = normalizeText(raw).replace(/^'/, '').replace(/\s/g, '').replace(/x$/, 'X');
  if (SCIENTIFIC.test(s)) return fail(ID_EXCEL_NUMBER_REASON);
  if (/^\d{15}$/.test(s)) return fail(ID_15_DIGIT_REASON);
  const parsed = parseIdCard(s, now);
  if (!parsed.ok) {
    if (/^\d{15}000$/.test(s) && parsed.reason.includes('校验位')) return fail(ID_EXCEL_NUMBER_REASON);
    return fail(parsed.reason);
  }
  if (parsed.birthDate < MIN_PLAUSIBLE_BIRTH) return fail('身份证号码中的出生日期无效（早于 1900 年）');
  return ok({ idCard: parsed.normalized, birthDate: parsed.birthDate, sex: parsed.sex });
}

/** One mainland mobile number, normalised to 11 digits; +86, spaces, dashes and brackets allowed. */
export function parsePhone(raw: string): Parsed<string> {
  const s = normalizeText(raw).replace(/[\s\-()（）.]/g, '');
  if (SCIENTIFIC.test(normalizeText(raw)))
    return fail('手机号被 Excel 转成了数字，请将该列设为文本后重新导出');
  const digits = s.replace(/^(\+86|0086|86)(?=\d{11}$)/, '');
  if (/^1\d{10}$/.test(digits)) return ok(digits);
  if (/[,，;；、/]/.test(s)) return fail('只能填写一个手机号码');
  return fail('手机号码应为以 1 开头的 11 位数字');
}

/** Decimal degrees; '°' and surrounding spaces are tolerated. Range is checked by degreesRangeError. */
export function parseDegrees(raw: string, label: '经度' | '纬度'): Parsed<number> {
  const s = normalizeText(raw).replace(/\s/g, '').replace(/°$/, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s))
    return fail(`${label}不是有效的数字，请填写十进制度数（如 120.1552）`);
  return ok(Number(s));
}

export function degreesRangeError(value: number, label: '经度' | '纬度'): string | undefined {
  const limit = label === '经度' ? 180 : 90;
  return Math.abs(value) > limit ? `${label}超出范围（-${limit} 到 ${limit}）` : undefined;
}

const RELATION_SYNONYMS: Record<Relation, readonly string[]> = {
  户主: ['本人', '户主本人', '本人户主', '自己', '户长', 'head', 'self'],
  配偶: ['妻', '妻子', '夫', '丈夫', '老婆', '老公', '爱人', '夫妻', 'spouse', 'wife', 'husband'],
  子女: [
    '子',
    '女',
    '儿子',
    '女儿',
    '儿女',
    '长子',
    '次子',
    '三子',
    '四子',
    '长女',
    '次女',
    '三女',
    '四女',
    '独生子',
    '独生女',
    '养子',
    '养女',
    '继子',
    '继女',
    '子女',
    'child',
    'son',
    'daughter',
  ],
  父母: [
    '父',
    '母',
    '父亲',
    '母亲',
    '爸爸',
    '妈妈',
    '公公',
    '婆婆',
    '岳父',
    '岳母',
    'parent',
    'father',
    'mother',
  ],
  孙辈: [
    '孙',
    '孙子',
    '孙女',
    '外孙',
    '外孙子',
    '外孙女',
    '曾孙',
    '曾孙女',
    'grandchild',
    'grandson',
    'granddaughter',
  ],
  兄弟姐妹: [
    '兄',
    '弟',
    '姐',
    '妹',
    '哥哥',
    '弟弟',
    '姐姐',
    '妹妹',
    '兄弟',
    '姐妹',
    'sibling',
    'brother',
    'sister',
  ],
  其他: [
    '其它',
    '其他亲属',
    '其他关系',
    '儿媳',
    '女婿',
    '祖父',
    '祖母',
    '外祖父',
    '外祖母',
    '侄子',
    '侄女',
    '外甥',
    '外甥女',
    '保姆',
    '租客',
    '非亲属',
    'other',
  ],
};

const RESIDENCE_SYNONYMS: Record<ResidenceType, readonly string[]> = {
  户籍: ['户籍人口', '户籍人员', '常住', '常住人口', '本地', '本地户籍', '本地人口', 'registered', 'local'],
  流动: [
    '流动人口',
    '流动人员',
    '外来',
    '外来人口',
    '外来人员',
    '暂住',
    '暂住人口',
    '外地',
    '流入',
    'migrant',
    'floating',
  ],
  寄住: ['寄住人口', '寄住人员', '寄居', '借住', 'lodger'],
};

const TAG_SYNONYMS: Record<ResidentTag, readonly string[]> = {
  空巢老人: ['空巢'],
  独居老人: ['独居'],
  留守儿童: ['留守'],
  残疾人: ['残疾', '残障', '残障人士', '残疾人员'],
  低保: ['低保户', '低保对象', '低保人员'],
  重点关注: ['重点', '重点人员'],
  反诈App已安装: [
    '反诈app',
    '已装反诈app',
    '已安装反诈app',
    '国家反诈中心app',
    '已安装国家反诈中心app',
    '反诈',
  ],
};

function synonymTable<T extends string>(canonical: readonly T[], synonyms: Record<T, readonly string[]>) {
  const table = new Map<string, T>();
  for (const value of canonical) {
    table.set(lookupKey(value), value);
    for (const s of synonyms[value]) table.set(lookupKey(s), value);
  }
  return table;
}

const RELATION_TABLE = synonymTable(RELATIONS, RELATION_SYNONYMS);
const RESIDENCE_TABLE = synonymTable(RESIDENCE_TYPES, RESIDENCE_SYNONYMS);
const TAG_TABLE = synonymTable(RESIDENT_TAGS, TAG_SYNONYMS);

export function parseRelation(raw: string): Parsed<Relation> {
  const value = RELATION_TABLE.get(lookupKey(raw));
  return value ? ok(value) : fail(`无法识别与户主关系"${raw}"，可填：${RELATIONS.join('、')}`);
}

export function parseResidenceType(raw: string): Parsed<ResidenceType> {
  const value = RESIDENCE_TABLE.get(lookupKey(raw));
  return value ? ok(value) : fail(`无法识别户籍类型"${raw}"，可填：${RESIDENCE_TYPES.join('、')}`);
}

const TAG_SEPARATORS = /[、,，;；|｜/\s]+/;

/** Tags separated by 、 , ; | / or spaces (full- or half-width); duplicates are dropped. */
export function parseTags(raw: string): Parsed<ResidentTag[]> {
  const tags: ResidentTag[] = [];
  const unknown: string[] = [];
  for (const part of normalizeText(raw).split(TAG_SEPARATORS)) {
    if (!part) continue;
    const tag = TAG_TABLE.get(lookupKey(part));
    if (!tag) unknown.push(part);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  if (unknown.length > 0) {
    return fail(`无法识别标签"${unknown.join('、')}"，可用标签：${RESIDENT_TAGS.join('、')}`);
  }
  return ok(tags);
}

const NAME_EXTRA = /[·•・．.]/g;

/** Chinese, minority ('阿卜杜·热合曼') and foreign names; digits and symbols are rejected. */
export function parseName(raw: string): Parsed<string> {
  const s = normalizeText(raw).replace(NAME_EXTRA, '·');
  if (/\d/.test(s)) return fail('姓名中不能包含数字');
  if (/[^\p{L}\p{M}· '-]/u.test(s)) return fail('姓名中含有无效字符');
  if (s.length > 40) return fail('姓名不能超过 40 个字');
  return ok(s);
}
