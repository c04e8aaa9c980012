import { describe, expect, it } from 'vitest';
import {
  cellValueToText,
  excelSerialToDate,
  formatSpreadsheetDate,
  formatSpreadsheetNumber,
  isDateFormat,
} from './cell-text.js';

describe('formatSpreadsheetNumber', () => {
  it('prints ordinary numbers as JavaScript does', () => {
    expect(formatSpreadsheetNumber(13812345678)).toBe('13812345678');
    expect(formatSpreadsheetNumber(120.1552)).toBe('120.1552');
    expect(formatSpreadsheetNumber(-3)).toBe('-3');
    expect(formatSpreadsheetNumber(123456789012345)).toBe('123456789012345');
  });

  it('prints numbers of 16+ digits in Excel-style scientific notation, since digits were lost', () => {
    expect(formatSpreadsheetNumber(Number('330681199001011234'))).toBe('3.30681199001011E+17');
    expect(formatSpreadsheetNumber(1e15)).toBe('1E+15');
  });

  it('prints NaN and infinities as empty', () => {
    expect(formatSpreadsheetNumber(Number.NaN)).toBe('');
    expect(formatSpreadsheetNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('dates', () => {
  it('recognises date formats the way exceljs does', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[$-F800]dddd')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('"元"0')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });

  it('converts serial numbers in both date systems', () => {
    expect(formatSpreadsheetDate(excelSerialToDate(32874))).toBe('1990-01-01');
    expect(formatSpreadsheetDate(excelSerialToDate(31412, true))).toBe('1990-01-01');
    expect(formatSpreadsheetDate(excelSerialToDate(32874.5))).toBe('1990-01-01 12:00:00');
  });

  it('rounds to the second so midnight does not print as 23:59:59', () => {
    expect(formatSpreadsheetDate(new Date(Date.UTC(1990, 0, 1) - 1))).toBe('1990-01-01');
    expect(formatSpreadsheetDate(new Date(Number.NaN))).toBe('');
  });
});

describe('cellValueToText', () => {
  it('turns every exceljs value shape into trimmed text', () => {
    expect(cellValueToText(null)).toBe('');
    expect(cellValueToText(undefined)).toBe('');
    expect(cellValueToText('  张三 ')).toBe('张三');
    expect(cellValueToText(42)).toBe('42');
    expect(cellValueToText(true)).toBe('TRUE');
    expect(cellValueToText(new Date(Date.UTC(2001, 1, 3)))).toBe('2001-02-03');
    expect(cellValueToText({ richText: [{ text: '枫桥' }, { text: '村 ' }] })).toBe('枫桥村');
    expect(cellValueToText({ formula: 'A1&B1', result: ' 东溪 ' })).toBe('东溪');
    expect(cellValueToText({ formula: 'A1' })).toBe('');
    expect(cellValueToText({ sharedFormula: 'A1', result: 7 })).toBe('7');
    expect(cellValueToText({ error: '#N/A' })).toBe('#N/A');
    expect(cellValueToText({ text: '链接', hyperlink: 'https://example.cn' })).toBe('链接');
  });

  it('treats a numeric formula result in a date-formatted cell as a date', () => {
    expect(cellValueToText({ formula: 'DATE(1990,1,1)', result: 32874 }, 'yyyy/m/d')).toBe('1990-01-01');
    expect(cellValueToText({ formula: 'A1*2', result: 32874 }, '0')).toBe('32874');
  });
});
