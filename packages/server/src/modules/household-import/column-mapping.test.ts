import { describe, expect, it } from 'vitest';
import {
  completeMapping,
  normalizeHeader,
  parseMappingJson,
  suggestMapping,
  unmappedRequired,
  validateMapping,
} from './column-mapping.js';

describe('normalizeHeader', () => {
  it('ignores spaces, punctuation, width, case and bracketed notes', () => {
    expect(normalizeHeader(' 村 / 社区 ')).toBe('村社区');
    expect(normalizeHeader('*身份证号（18位）')).toBe('身份证号');
    expect(normalizeHeader('经度(GCJ-02)')).toBe('经度');
    expect(normalizeHeader('ＩＤ　Ｃａｒｄ')).toBe('idcard');
    expect(normalizeHeader('【备注】')).toBe('备注');
  });
});

describe('suggestMapping', () => {
  it('maps a typical police-station register', () => {
    const header = [
      '序号',
      '村（社区）',
      '街路巷',
      '楼栋',
      '单元',
      '门牌号',
      '姓名',
      '公民身份号码',
      '联系电话',
      '与户主关系',
      '人口类型',
      '标签',
      '经度',
      '纬度',
      '备注',
    ];
    expect(suggestMapping(header)).toEqual({
      address: null,
      community: 1,
      street: 2,
      building: 3,
      unit: 4,
      room: 5,
      name: 6,
      idCard: 7,
      phone: 8,
      relation: 9,
      residenceType: 10,
      tags: 11,
      lng: 12,
      lat: 13,
    });
  });

  it('maps other common spellings, including English ones', () => {
    const m = suggestMapping([
      '社区名称',
      '门牌地址',
      '幢',
      '房号',
      '户主姓名',
      '身份证号码',
      '手机号',
      'Longitude',
      'LAT',
    ]);
    expect(m).toMatchObject({
      community: 0,
      street: 1,
      building: 2,
      room: 3,
      name: 4,
      idCard: 5,
      phone: 6,
      lng: 7,
      lat: 8,
      unit: null,
      relation: null,
    });
    expect(suggestMapping(['Community', 'Room', 'Name', 'ID Card', 'Phone'])).toMatchObject({
      community: 0,
      room: 1,
      name: 2,
      idCard: 3,
      phone: 4,
    });
  });

  it('prefers an exact header over one that merely contains a synonym', () => {
    const m = suggestMapping(['户主姓名', '姓名', '门牌地址', '门牌号']);
    expect(m.name).toBe(1);
    expect(m.street).toBe(2);
    expect(m.room).toBe(3);
  });

  it('uses each column once and leaves unknown headers unmapped', () => {
    const m = suggestMapping(['姓名', '姓名', '爱好']);
    expect(m.name).toBe(0);
    expect(Object.values(m).filter((v) => v !== null)).toEqual([0]);
  });
});

describe('suggestMapping with an address column', () => {
  it('takes a single 住址 column (as village registers keep it) as the whole address', () => {
    for (const name of [
      '住址',
      '地址',
      '家庭住址',
      '现住址',
      '户籍地址',
      '详细地址',
      '居住地址（详细到门牌号）',
    ]) {
      const m = suggestMapping(['序号', '姓名', '性别', '公民身份号码', '与户主关系', name, '联系电话']);
      expect({ name, m }).toMatchObject({
        name,
        m: { address: 5, community: null, street: null, room: null, name: 1, idCard: 3, phone: 6 },
      });
    }
  });

  it('prefers where people live over the hukou address when a register has both', () => {
    expect(suggestMapping(['姓名', '身份证号', '户籍地址', '现住址'])).toMatchObject({
      address: 3,
      street: null,
    });
  });

  it('keeps an address column beside a door column as the street, as before', () => {
    expect(suggestMapping(['村', '地址', '门牌号', '姓名', '身份证号'])).toMatchObject({
      address: null,
      community: 0,
      street: 1,
      room: 2,
    });
    expect(suggestMapping(['村/社区', '住址', '姓名', '身份证号'])).toMatchObject({
      address: 1,
      community: 0,
    });
  });
});

describe('validateMapping', () => {
  it('accepts a complete mapping', () => {
    expect(validateMapping(suggestMapping(['村', '门牌号', '姓名', '身份证号']))).toEqual([]);
  });

  it('names every unmapped required field', () => {
    expect(validateMapping(completeMapping({ name: 0 }))).toEqual([
      '请指定"村/社区"对应的列，或指定整列的"住址"',
      '请指定"门牌号/房号"对应的列，或指定整列的"住址"',
      '请指定"身份证号"对应的列',
    ]);
  });

  it('takes a 住址 column for 村/社区 and 门牌号, and refuses it beside door columns of their own', () => {
    expect(validateMapping(completeMapping({ address: 0, name: 1, idCard: 2 }))).toEqual([]);
    expect(validateMapping(completeMapping({ address: 0, community: 3, name: 1, idCard: 2 }))).toEqual([]);
    expect(validateMapping(completeMapping({ address: 0, room: 3, unit: 4, name: 1, idCard: 2 }))).toEqual([
      '"住址"列会拆分出街路、楼栋、单元和门牌号，不能再为"单元"、"门牌号/房号"指定列；请二选一',
    ]);
  });

  it('rejects a column used twice, naming it from the header', () => {
    const errors = validateMapping(completeMapping({ community: 0, room: 1, name: 2, idCard: 2 }), [
      '村',
      '房号',
      '姓名',
    ]);
    expect(errors).toEqual(['第 3 列"姓名"同时对应了"姓名"和"身份证号"，一列只能对应一项']);
  });

  it('rejects columns that do not exist and half a coordinate pair', () => {
    const errors = validateMapping(completeMapping({ community: 0, room: 1, name: 2, idCard: 9, lng: 3 }), [
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(errors).toEqual(['"身份证号"对应的列不存在', '经度和纬度必须同时指定，或都不指定']);
  });
});

describe('unmappedRequired', () => {
  it('names the required fields without a column, in the mapping step order', () => {
    expect(unmappedRequired(suggestMapping(['村/社区', '门牌号', '姓名']))).toEqual(['idCard']);
    expect(unmappedRequired({})).toEqual(['community', 'room', 'name', 'idCard']);
    expect(unmappedRequired(completeMapping({ community: 0, room: 1, name: 2, idCard: 3 }))).toEqual([]);
    expect(unmappedRequired(completeMapping({ address: 0, name: 2 }))).toEqual(['idCard']);
  });
});

describe('parseMappingJson', () => {
  it('reads field → column and reports what it cannot use, in Chinese', () => {
    expect(parseMappingJson('{"name":5,"phone":null}')).toEqual({
      mapping: { name: 5, phone: null },
      problems: [],
    });
    expect(parseMappingJson('{"name":5,"nickname":6}')).toEqual({
      mapping: { name: 5 },
      problems: ['列对应关系中有未知的项目"nickname"'],
    });
    for (const text of ['not json', '[1,2]', 'null', '7']) {
      const parsed = parseMappingJson(text);
      expect(parsed.mapping).toEqual({});
      expect(parsed.problems[0]).toContain('JSON 对象');
    }
  });

  it('leaves column checks to validateMapping', () => {
    const { mapping } = parseMappingJson('{"community":0,"room":1,"name":2,"idCard":9}');
    expect(validateMapping(mapping, ['a', 'b', 'c', 'd'])).toEqual(['"身份证号"对应的列不存在']);
  });

  it('refuses a value that is not a column number, naming the key, and leaves it out', () => {
    for (const value of ['"3"', 'true', '{}', '[3]', '-1', '1.5']) {
      const parsed = parseMappingJson(`{"name":2,"idCard":${value}}`);
      expect(parsed.mapping).toEqual({ name: 2 });
      expect(parsed.problems).toEqual(['列对应关系中"身份证号"（idCard）的值应为从 0 起的列序号或 null']);
    }
  });
});
