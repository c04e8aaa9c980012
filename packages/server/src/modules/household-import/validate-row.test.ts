import { generateIdCard } from '@fengqiao/shared';
import { describe, expect, it } from 'vitest';
import { createAddressSplitter } from '../../lib/address/split-address.js';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../lib/geo/coordinates.js';
import { suggestMapping } from './column-mapping.js';
import { ID_EXCEL_NUMBER_REASON } from './field-values.js';
import { householdKeyOf, isBlankRow, type RowContext, validateRow } from './validate-row.js';

const HEADER = [
  '村/社区',
  '街路巷',
  '楼栋',
  '单元',
  '门牌号',
  '经度',
  '纬度',
  '姓名',
  '身份证号',
  '联系电话',
  '与户主关系',
  '人口类型',
  '标签',
];
const MAPPING = suggestMapping(HEADER);
const CONTEXT: RowContext = { header: HEADER, coordSystem: 'wgs84', now: new Date('2026-06-01T00:00:00Z') };
const ID = generateIdCard('330681', '1952-03-04', 35);

function row(overrides: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    '村/社区': '枫桥村',
    街路巷: '枫溪路',
    楼栋: '3幢',
    单元: '1单元',
    门牌号: '301室',
    经度: '120.2501',
    纬度: '29.7102',
    姓名: '陈阿婆',
    身份证号: ID,
    联系电话: '138-1234-5678',
    与户主关系: '本人',
    人口类型: '户籍',
    标签: '独居老人、低保',
  };
  return HEADER.map((h) => overrides[h] ?? base[h] ?? '');
}

describe('validateRow', () => {
  it('normalises a good row into a record', () => {
    expect(validateRow(2, row(), MAPPING, CONTEXT)).toEqual({
      ok: true,
      record: {
        rowNumber: 2,
        householdKey: '枫桥村|枫溪路|3|1|301',
        community: '枫桥村',
        street: '枫溪路',
        building: '3幢',
        unit: '1单元',
        room: '301室',
        lng: 120.2501,
        lat: 29.7102,
        name: '陈阿婆',
        idCard: ID,
        birthDate: '1952-03-04',
        sex: 'male',
        phone: '13812345678',
        relation: '户主',
        residenceType: '户籍',
        tags: ['独居老人', '低保'],
        blank: [],
      },
    });
  });

  it('reports every problem in the row with its row number and header text', () => {
    const result = validateRow(
      7,
      row({
        '村/社区': '',
        门牌号: '',
        姓名: '',
        身份证号: '330681195203040000',
        联系电话: '12345',
        与户主关系: '邻居',
        人口类型: '华侨',
        标签: '爱心人士',
        纬度: '',
      }),
      MAPPING,
      CONTEXT,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.column, e.field])).toEqual([
      [7, '村/社区', 'community'],
      [7, '门牌号', 'room'],
      [7, '姓名', 'name'],
      [7, '身份证号', 'idCard'],
      [7, '联系电话', 'phone'],
      [7, '纬度', 'lat'],
      [7, '与户主关系', 'relation'],
      [7, '人口类型', 'residenceType'],
      [7, '标签', 'tags'],
    ]);
    expect(result.errors.map((e) => e.reason)).toEqual([
      '村/社区不能为空',
      '门牌号/房号不能为空',
      '姓名不能为空',
      ID_EXCEL_NUMBER_REASON,
      '手机号码应为以 1 开头的 11 位数字',
      '填写了经度但没有填写纬度，经纬度要么都填，要么都不填',
      expect.stringContaining('无法识别与户主关系"邻居"'),
      expect.stringContaining('无法识别户籍类型"华侨"'),
      expect.stringContaining('无法识别标签"爱心人士"'),
    ]);
  });

  it('gives the specific reason for an ID number Excel turned into a number', () => {
    const result = validateRow(3, row({ 身份证号: '3.30681E+17' }), MAPPING, CONTEXT);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 3, column: '身份证号', field: 'idCard', reason: ID_EXCEL_NUMBER_REASON }],
    });
  });

  it('rejects impossible and future birth dates and bad checksums', () => {
    const reasons = (id: string) => {
      const r = validateRow(2, row({ 身份证号: id }), MAPPING, CONTEXT);
      return r.ok ? [] : r.errors.map((e) => e.reason);
    };
    expect(reasons('330681199002300011')).toEqual(['身份证号码中的出生日期无效']);
    expect(reasons(generateIdCard('330681', '2026-12-01', 1))).toEqual(['身份证号码中的出生日期晚于今天']);
    expect(reasons(`${ID.slice(0, 17)}${ID[17] === '5' ? '6' : '5'}`)).toEqual(['身份证号码校验位错误']);
  });

  it('rejects coordinates outside China, non-numbers, and spots swapped ones', () => {
    const reasons = (lng: string, lat: string) => {
      const r = validateRow(2, row({ 经度: lng, 纬度: lat }), MAPPING, CONTEXT);
      return r.ok ? [] : r.errors.map((e) => `${e.column}:${e.reason}`);
    };
    expect(reasons('2.35', '48.85')).toEqual(['经度:坐标（经度 2.35，纬度 48.85）不在中国境内']);
    expect(reasons('29.71', '120.25')).toEqual(['经度:经纬度可能填反了（经度 29.71，纬度 120.25）']);
    expect(reasons('200', '95')).toEqual([
      '经度:经度超出范围（-180 到 180）',
      '纬度:纬度超出范围（-90 到 90）',
    ]);
    expect(reasons('abc', '')).toEqual(['纬度:填写了经度但没有填写纬度，经纬度要么都填，要么都不填']);
    expect(reasons('abc', '29.7')).toEqual(['经度:经度不是有效的数字，请填写十进制度数（如 120.1552）']);
  });

  it('converts GCJ-02 coordinates to WGS-84 when the file says so', () => {
    const [gLng, gLat] = wgs84ToGcj02(120.2501, 29.7102);
    const result = validateRow(2, row({ 经度: String(gLng), 纬度: String(gLat) }), MAPPING, {
      ...CONTEXT,
      coordSystem: 'gcj02',
    });
    if (!result.ok) throw new Error('expected ok');
    expect(result.record.lng).toBeCloseTo(120.2501, 6);
    expect(result.record.lat).toBeCloseTo(29.7102, 6);
    const [expectedLng] = gcj02ToWgs84(gLng, gLat);
    expect(result.record.lng).toBeCloseTo(expectedLng, 6);
    // The same numbers read as WGS-84 stay where they are, hundreds of metres away.
    const asWgs = validateRow(2, row({ 经度: String(gLng), 纬度: String(gLat) }), MAPPING, CONTEXT);
    expect(asWgs.ok && asWgs.record.lng).toBeCloseTo(gLng, 6);
  });

  it('allows optional fields to be blank or unmapped, using defaults', () => {
    const mapping = suggestMapping(['村', '门牌号', '姓名', '身份证号']);
    const result = validateRow(2, ['东溪社区', '5号', '李四', ID], mapping, {
      header: ['村', '门牌号', '姓名', '身份证号'],
      coordSystem: 'wgs84',
      defaultResidenceType: '流动',
    });
    expect(result).toMatchObject({
      ok: true,
      record: {
        street: '',
        building: '',
        unit: '',
        lng: null,
        phone: null,
        relation: '其他',
        residenceType: '流动',
        tags: [],
        // A person on file keeps what the register has for these.
        blank: ['phone', 'relation', 'residenceType', 'tags'],
      },
    });
  });

  it('limits lengths to what the register stores', () => {
    const result = validateRow(2, row({ 门牌号: '1'.repeat(21) }), MAPPING, CONTEXT);
    expect(result.ok ? [] : result.errors.map((e) => e.reason)).toEqual(['门牌号/房号不能超过 20 个字']);
  });
});

describe('householdKeyOf', () => {
  it('treats common spellings of the same address as one household', () => {
    const a = householdKeyOf({
      community: '枫桥村',
      street: '枫溪路',
      building: '3号楼',
      unit: '1单元',
      room: '301室',
    });
    const b = householdKeyOf({
      community: '枫桥村',
      street: '枫溪 路',
      building: '3幢',
      unit: '1',
      room: '301',
    });
    expect(a).toBe(b);
    const c = householdKeyOf({
      community: '枫桥村',
      street: '枫溪路',
      building: '3',
      unit: '1',
      room: '302',
    });
    expect(c).not.toBe(a);
  });
});

describe('isBlankRow', () => {
  it('is true only when every mapped cell is empty', () => {
    const mapping = suggestMapping(['村', '门牌号', '姓名', '身份证号', '备注']);
    expect(isBlankRow(['', '', '', '', '合计 3 户'], mapping)).toBe(true);
    expect(isBlankRow(['', '', '张三', '', ''], mapping)).toBe(false);
  });
});

describe('validateRow with one 住址 column', () => {
  const header = ['序号', '姓名', '公民身份号码', '住址'];
  const mapping = suggestMapping(header);
  const context: RowContext = {
    ...CONTEXT,
    header,
    splitAddress: createAddressSplitter(['枫源村', '枫桥社区']),
  };

  it('fills the household address from the split cell', () => {
    const result = validateRow(
      5,
      ['1', '陈阿婆', ID, '诸暨市枫桥镇枫桥社区和平路8号三幢2单元301室'],
      mapping,
      context,
    );
    expect(result).toMatchObject({
      ok: true,
      record: {
        community: '枫桥社区',
        street: '和平路8号',
        building: '3幢',
        unit: '2单元',
        room: '301室',
        householdKey: '枫桥社区|和平路8号|3|2|301',
      },
    });
  });

  it('makes a cell it cannot split a row error naming the 住址 column, never a guess', () => {
    const result = validateRow(12, ['1', '陈阿婆', ID, '东溪村3组12号'], mapping, context);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 12, column: '住址', field: 'address', reason: '无法识别村/社区「东溪村」：不是本所的村/社区' },
      ],
    });
    expect(validateRow(13, ['1', '陈阿婆', ID, ''], mapping, context)).toMatchObject({
      ok: false,
      errors: [{ row: 13, column: '住址', field: 'address', reason: '住址不能为空' }],
    });
  });

  it('checks the split parts against the register limits', () => {
    const long = `枫源村${'很'.repeat(70)}路12号`;
    expect(validateRow(3, ['1', '陈阿婆', ID, long], mapping, context)).toMatchObject({
      ok: false,
      errors: [
        {
          field: 'address',
          reason: expect.stringMatching(/^住址拆分出的街路巷\/门牌地址「很+路」超过 60 个字$/),
        },
      ],
    });
  });

  it('takes the village from a 村/社区 column beside the 住址 column, which must agree with the cell', () => {
    const both = ['村/社区', '姓名', '公民身份号码', '住址'];
    const withVillage = { ...context, header: both };
    const m = suggestMapping(both);
    expect(validateRow(2, ['枫源村', '陈阿婆', ID, '3组12号'], m, withVillage)).toMatchObject({
      ok: true,
      record: { community: '枫源村', street: '3组', room: '12号' },
    });
    expect(validateRow(2, ['枫源村', '陈阿婆', ID, '枫桥社区和平路8号'], m, withVillage)).toMatchObject({
      ok: false,
      errors: [{ field: 'address', reason: '住址中的村/社区「枫桥社区」与村/社区列「枫源村」不一致' }],
    });
  });
});
