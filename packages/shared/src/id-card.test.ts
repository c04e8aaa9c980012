import { describe, expect, it } from 'vitest';
import { computeIdCardCheckChar, generateIdCard, normalizeIdCard, parseIdCard } from './id-card.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('parseIdCard', () => {
  it('accepts the verified sample numbers from the spec', () => {
    expect(parseIdCard('11010519491231002X', NOW)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
    expect(parseIdCard('440524188001010014', NOW)).toMatchObject({
      ok: true,
      birthDate: '1880-01-01',
      sex: 'male',
      regionCode: '440524',
    });
  });

  it('normalises a lowercase or full-width x and surrounding whitespace', () => {
    expect(parseIdCard(' 11010519491231002x ', NOW)).toMatchObject({
      ok: true,
      normalized: '11010519491231002X',
    });
    expect(parseIdCard('11010519491231002Ｘ', NOW)).toMatchObject({
      ok: true,
      normalized: '11010519491231002X',
    });
  });

  it('rejects the wrong length', () => {
    expect(parseIdCard('1101051949123100', NOW)).toEqual({
      ok: false,
      problem: 'length',
      reason: '身份证号码必须为18位',
    });
    expect(parseIdCard('110105194912310021X', NOW)).toMatchObject({ ok: false });
  });

  it('rejects non-digit characters', () => {
    const r = parseIdCard('1101051949A231002X', NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('格式错误');
    expect(parseIdCard('X10105194912310021', NOW).ok).toBe(false);
  });

  it('rejects a region code starting with 0 or 9', () => {
    const zero = generateIdCard('110105', '1990-01-01', 1).replace(/^1/, '0');
    const r = parseIdCard(zero, NOW);
    expect(r).toEqual({ ok: false, problem: 'region', reason: '身份证号码的地区码无效' });
    expect(parseIdCard(`9${zero.slice(1)}`, NOW)).toEqual({
      ok: false,
      problem: 'region',
      reason: '身份证号码的地区码无效',
    });
  });

  it('rejects impossible calendar dates', () => {
    const feb30 = '11010519900230001';
    expect(parseIdCard(feb30 + computeIdCardCheckChar(feb30), NOW)).toEqual({
      ok: false,
      problem: 'birthDate',
      reason: '身份证号码中的出生日期无效',
    });
    const month13 = '11010519901301001';
    expect(parseIdCard(month13 + computeIdCardCheckChar(month13), NOW).ok).toBe(false);
    const nonLeap = '11010519000229001';
    expect(parseIdCard(nonLeap + computeIdCardCheckChar(nonLeap), NOW).ok).toBe(false);
    const leap = '11010520000229001';
    expect(parseIdCard(leap + computeIdCardCheckChar(leap), NOW).ok).toBe(true);
  });

  it('rejects birth dates after today in China time', () => {
    const tomorrow = generateIdCard('330681', '2026-06-02', 1);
    expect(parseIdCard(tomorrow, NOW)).toEqual({
      ok: false,
      problem: 'futureBirthDate',
      reason: '身份证号码中的出生日期晚于今天',
    });
    // 2026-06-01T20:00Z is already 2026-06-02 in Beijing.
    expect(parseIdCard(tomorrow, new Date('2026-06-01T20:00:00Z')).ok).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(parseIdCard('110105194912310021', NOW)).toEqual({
      ok: false,
      problem: 'checksum',
      reason: '身份证号码校验位错误',
    });
    expect(parseIdCard('440524188001010015', NOW).ok).toBe(false);
  });

  it('rejects non-string input', () => {
    expect(parseIdCard(12345 as unknown as string, NOW).ok).toBe(false);
  });
});

describe('generateIdCard', () => {
  it('produces numbers that parse back to the same fields', () => {
    const male = generateIdCard('330681', '1985-07-15', 123);
    expect(male).toHaveLength(18);
    expect(parseIdCard(male, NOW)).toMatchObject({
      ok: true,
      birthDate: '1985-07-15',
      sex: 'male',
      regionCode: '330681',
    });
    expect(parseIdCard(generateIdCard('330681', '1985-07-15', 124), NOW)).toMatchObject({ sex: 'female' });
  });

  it('reproduces the spec sample', () => {
    expect(generateIdCard('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });

  it('rejects bad input', () => {
    expect(() => generateIdCard('012345', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => generateIdCard('330681', '1990-02-30', 1)).toThrow(RangeError);
    expect(() => generateIdCard('330681', '1990-01-01', 1000)).toThrow(RangeError);
  });
});

describe('parseIdCard problems', () => {
  it('names each problem for the web form beside the Chinese reason for the server', () => {
    const cases: [string, string][] = [
      ['1101051949123100', 'length'],
      ['1101051949A231002X', 'format'],
      [`0${generateIdCard('110105', '1990-01-01', 1).slice(1)}`, 'region'],
      [generateIdCard('330681', '2026-06-02', 1), 'futureBirthDate'],
      ['110105194912310021', 'checksum'],
    ];
    for (const [input, problem] of cases)
      expect(parseIdCard(input, NOW)).toMatchObject({ ok: false, problem });
  });
});

describe('normalizeIdCard', () => {
  it('trims and writes the final x as X, leaving other characters alone', () => {
    expect(normalizeIdCard(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(normalizeIdCard('11010519491231002Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdCard('x1010519491231002')).toBe('x1010519491231002');
  });
});
