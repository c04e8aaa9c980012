import { generateIdCard } from '@fengqiao/shared';
import { describe, expect, it } from 'vitest';
import {
  degreesRangeError,
  ID_15_DIGIT_REASON,
  ID_EXCEL_NUMBER_REASON,
  normalizeText,
  parseDegrees,
  parseIdCardCell,
  parseName,
  parsePhone,
  parseRelation,
  parseResidenceType,
  parseTags,
} from './field-values.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const VALID = generateIdCard('330681', '1990-01-01', 123);

const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason);

describe('normalizeText', () => {
  it('turns full-width characters half-width and collapses whitespace', () => {
    expect(normalizeText('  枫桥\u3000 村Ａ１ ')).toBe('枫桥 村A1');
  });
});

describe('parseIdCardCell', () => {
  it('accepts a valid number, normalising spaces, full-width digits and a lower-case x', () => {
    expect(parseIdCardCell('11010519491231002x', NOW)).toEqual({
      ok: true,
      value: { idCard: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' },
    });
    const fullWidth = VALID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(parseIdCardCell(` ${fullWidth.slice(0, 6)} ${fullWidth.slice(6)}`, NOW)).toMatchObject({
      ok: true,
      value: { idCard: VALID },
    });
    expect(parseIdCardCell(`'${VALID}`, NOW)).toMatchObject({ ok: true });
  });

  it('gives the GB 11643 reasons: checksum, impossible date, future date, length', () => {
    const badCheck = VALID.slice(0, 17) + (VALID[17] === '1' ? '2' : '1');
    expect(reason(parseIdCardCell(badCheck, NOW))).toBe('身份证号码校验位错误');
    expect(reason(parseIdCardCell('330681199002300000', NOW))).toBe('身份证号码中的出生日期无效');
    const future = generateIdCard('330681', '2027-01-01', 1);
    expect(reason(parseIdCardCell(future, NOW))).toBe('身份证号码中的出生日期晚于今天');
    expect(reason(parseIdCardCell('3306811990', NOW))).toBe('身份证号码必须为18位');
    expect(reason(parseIdCardCell(generateIdCard('330681', '1850-01-01', 1), NOW))).toContain('早于 1900 年');
  });

  it('recognises numbers Excel has mangled', () => {
    expect(reason(parseIdCardCell('3.30681E+17', NOW))).toBe(ID_EXCEL_NUMBER_REASON);
    expect(reason(parseIdCardCell('3.30681199001011E+17', NOW))).toBe(ID_EXCEL_NUMBER_REASON);
    const zeroed = `${VALID.slice(0, 15)}000`;
    if (parseIdCardCell(zeroed, NOW).ok) throw new Error('pick another fixture');
    expect(reason(parseIdCardCell(zeroed, NOW))).toBe(ID_EXCEL_NUMBER_REASON);
    expect(reason(parseIdCardCell('330681900101123', NOW))).toBe(ID_15_DIGIT_REASON);
  });
});

describe('parsePhone', () => {
  it('normalises +86, spaces and dashes', () => {
    for (const raw of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '008613812345678',
    ]) {
      expect(parsePhone(raw)).toEqual({ ok: true, value: '13812345678' });
    }
  });

  it('rejects landlines, short numbers, several numbers and Excel notation', () => {
    expect(reason(parsePhone('0575-87654321'))).toBe('手机号码应为以 1 开头的 11 位数字');
    expect(reason(parsePhone('1381234567'))).toBe('手机号码应为以 1 开头的 11 位数字');
    expect(reason(parsePhone('13812345678,13912345678'))).toBe('只能填写一个手机号码');
    expect(reason(parsePhone('1.38123E+10'))).toContain('Excel');
  });
});

describe('parseDegrees', () => {
  it('reads decimal degrees', () => {
    expect(parseDegrees(' 120.2345° ', '经度')).toEqual({ ok: true, value: 120.2345 });
    expect(parseDegrees('－30.5', '纬度')).toMatchObject({ ok: true, value: -30.5 });
  });

  it('rejects text and degrees-minutes-seconds; checks ranges separately', () => {
    expect(reason(parseDegrees('东经120度', '经度'))).toContain('经度不是有效的数字');
    expect(reason(parseDegrees(`120°15'30"`, '经度'))).toContain('十进制度数');
    expect(degreesRangeError(95, '纬度')).toBe('纬度超出范围（-90 到 90）');
    expect(degreesRangeError(-180, '经度')).toBeUndefined();
  });
});

describe('relations, residence types and tags', () => {
  it('accepts canonical values and common synonyms', () => {
    const relation = (raw: string) => (parseRelation(raw) as { value?: string }).value;
    expect(relation('户主')).toBe('户主');
    expect(relation('本人')).toBe('户主');
    expect(relation('妻')).toBe('配偶');
    expect(relation('丈夫')).toBe('配偶');
    expect(relation('儿子')).toBe('子女');
    expect(relation('长女')).toBe('子女');
    expect(relation('母亲')).toBe('父母');
    expect(relation('外孙女')).toBe('孙辈');
    expect(relation('弟弟')).toBe('兄弟姐妹');
    expect(relation('儿媳')).toBe('其他');
    expect(relation(' Spouse ')).toBe('配偶');
    const residence = (raw: string) => (parseResidenceType(raw) as { value?: string }).value;
    expect(residence('户籍')).toBe('户籍');
    expect(residence('常住人口')).toBe('户籍');
    expect(residence('外来')).toBe('流动');
    expect(residence('暂住人口')).toBe('流动');
    expect(residence('寄住')).toBe('寄住');
  });

  it('names the allowed values when a value is unknown', () => {
    expect(reason(parseRelation('邻居'))).toBe(
      '无法识别与户主关系"邻居"，可填：户主、配偶、子女、父母、孙辈、兄弟姐妹、其他',
    );
    expect(reason(parseResidenceType('华侨'))).toBe('无法识别户籍类型"华侨"，可填：户籍、流动、寄住');
  });

  it('splits tags on 、 , ; and spaces, maps synonyms and drops duplicates', () => {
    expect(parseTags('空巢老人、低保户，残疾;反诈APP 空巢')).toEqual({
      ok: true,
      value: ['空巢老人', '低保', '残疾人', '反诈App已安装'],
    });
    expect(reason(parseTags('独居老人、爱跳舞、退休'))).toBe(
      '无法识别标签"爱跳舞、退休"，可用标签：空巢老人、独居老人、留守儿童、残疾人、低保、重点关注、反诈App已安装',
    );
  });
});

describe('parseName', () => {
  it('accepts Chinese, minority and foreign names', () => {
    expect(parseName('张 三')).toEqual({ ok: true, value: '张 三' });
    expect(parseName('阿卜杜•热合曼')).toEqual({ ok: true, value: '阿卜杜·热合曼' });
    expect(parseName("O'Neil Smith")).toMatchObject({ ok: true });
  });

  it('rejects digits, symbols and over-long names', () => {
    expect(reason(parseName('张三1'))).toBe('姓名中不能包含数字');
    expect(reason(parseName('张三@'))).toBe('姓名中含有无效字符');
    expect(reason(parseName('张'.repeat(41)))).toBe('姓名不能超过 40 个字');
  });
});
