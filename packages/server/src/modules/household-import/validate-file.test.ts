import { generateIdCard } from '@fengqiao/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readRows, type TableRow } from '../../lib/import/index.js';
import { suggestMapping } from './column-mapping.js';
import { ID_EXCEL_NUMBER_REASON } from './field-values.js';
import { openTable } from './household-table.js';
import { checkHouseholds, groupByHousehold, validateImport, validateRows } from './validate-file.js';

const HEADER = ['村/社区', '门牌号', '姓名', '身份证号', '与户主关系', '经度', '纬度'];
const MAPPING = suggestMapping(HEADER);
const NOW = new Date('2026-06-01T00:00:00Z');
const id = (n: number) => generateIdCard('330681', '1980-05-06', n);

function table(...data: string[][]): TableRow[] {
  return [HEADER, ...data].map((cells, i) => ({ rowNumber: i + 1, cells }));
}

describe('validateImport', () => {
  it('takes the first row as the header and returns records, households and counts', async () => {
    const result = await validateImport(
      table(
        ['枫桥村', '1号', '张三', id(1), '户主', '', ''],
        ['枫桥村', '1', '李梅', id(2), '妻', '', ''],
        ['枫桥村', '2号', '王五', id(3), '户主', '', ''],
      ),
      MAPPING,
      { coordSystem: 'wgs84', now: NOW },
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.records.map((r) => [r.rowNumber, r.name, r.relation])).toEqual([
      [2, '张三', '户主'],
      [3, '李梅', '配偶'],
      [4, '王五', '户主'],
    ]);
    expect(result).toMatchObject({ households: 2, rowsRead: 3, invalidRows: 0, skippedRows: 0 });
    expect([...groupByHousehold(result.records).values()].map((g) => g.map((r) => r.name))).toEqual([
      ['张三', '李梅'],
      ['王五'],
    ]);
  });

  it('reports duplicate ID numbers on every row involved and imports none of them', async () => {
    const result = await validateImport(
      table(
        ['枫桥村', '1', '张三', id(1), '户主', '', ''],
        ['枫桥村', '2', '李四', id(2), '户主', '', ''],
        ['枫桥村', '3', '张三', id(1).toLowerCase(), '户主', '', ''],
        ['枫桥村', '4', '张叁', id(1), '户主', '', ''],
      ),
      MAPPING,
      { coordSystem: 'wgs84', now: NOW },
    );
    expect(result.errors).toEqual([
      { row: 2, column: '身份证号', field: 'idCard', reason: '与第 4、5 行身份证号重复' },
      { row: 4, column: '身份证号', field: 'idCard', reason: '与第 2、5 行身份证号重复' },
      { row: 5, column: '身份证号', field: 'idCard', reason: '与第 2、4 行身份证号重复' },
    ]);
    expect(result.records.map((r) => r.name)).toEqual(['李四']);
    expect(result.invalidRows).toBe(3);
  });

  it('detects a duplicate even when the other row has a different error', async () => {
    const result = await validateImport(
      table(['枫桥村', '1', '张三1', id(1), '户主', '', ''], ['枫桥村', '12', '张三', id(1), '户主', '', '']),
      MAPPING,
      { coordSystem: 'wgs84', now: NOW },
    );
    expect(result.errors.map((e) => `${e.row}:${e.reason}`)).toEqual([
      '2:姓名中不能包含数字',
      '2:与第 3 行身份证号重复',
      '3:与第 2 行身份证号重复',
    ]);
    expect(result.records).toEqual([]);
  });

  it('sorts errors by row then column and counts invalid rows once', async () => {
    const result = await validateImport(
      table(['', '1', '', 'x', '', '', ''], ['枫桥村', '', '李四', id(2), '', '', '']),
      MAPPING,
      { coordSystem: 'wgs84', now: NOW },
    );
    expect(result.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      '2:村/社区',
      '2:姓名',
      '2:身份证号',
      '3:门牌号',
    ]);
    expect(result.invalidRows).toBe(2);
  });

  it('gives a household the first coordinates and warns about residents far from them', async () => {
    const result = await validateImport(
      table(
        ['枫桥村', '1', '张三', id(1), '户主', '', ''],
        ['枫桥村', '1', '李梅', id(2), '配偶', '120.25', '29.71'],
        ['枫桥村', '1', '张小', id(3), '子女', '120.2500001', '29.71'],
        ['枫桥村', '1', '张老', id(4), '父母', '120.26', '29.71'],
      ),
      MAPPING,
      { coordSystem: 'wgs84', now: NOW },
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      {
        row: 5,
        column: '经度',
        field: 'lng',
        reason: '与同一户第 3 行的坐标相差约 966 米，将采用第 3 行的坐标',
      },
    ]);
    expect(result.records.map((r) => [r.lng, r.lat])).toEqual(Array(4).fill([120.25, 29.71]));
  });

  it('warns about a household with two heads or none', async () => {
    const result = await validateImport(
      table(
        ['枫桥村', '1', '张三', id(1), '户主', '', ''],
        ['枫桥村', '1', '张四', id(2), '本人', '', ''],
        ['枫桥村', '2', '王五', id(3), '子女', '', ''],
      ),
      MAPPING,
      { coordSystem: 'wgs84', now: NOW },
    );
    expect(result.warnings.map((w) => `${w.row}:${w.reason}`)).toEqual([
      '3:同一户已有户主（第 2 行）',
      '4:该户没有户主',
    ]);
  });

  it('checks households apart from rows: the rows keep their own points until checkHouseholds', async () => {
    const rows = table(
      ['枫桥村', '1', '张三', id(1), '户主', '120.25', '29.71'],
      ['枫桥村', '1', '李梅', id(2), '配偶', '120.26', '29.71'],
      ['枫桥村', '1', '张小', id(3), '户主', '', ''],
    );
    const validation = await validateRows(rows, MAPPING, { coordSystem: 'wgs84', now: NOW });
    expect(validation).toMatchObject({ errors: [], rowsRead: 3, header: HEADER });
    expect(validation.records.map((r) => r.lng)).toEqual([120.25, 120.26, null]);
    // The first row refused meanwhile: the warnings speak of the rows left, the point is the next row's.
    const left = validation.records.slice(1);
    const { households, warnings } = checkHouseholds(left, MAPPING, HEADER);
    expect(households).toBe(1);
    expect(warnings).toEqual([]);
    expect(left.map((r) => [r.lng, r.lat])).toEqual([
      [120.26, 29.71],
      [120.26, 29.71],
    ]);
    const withoutHead = validation.records.slice(1, 2);
    expect(checkHouseholds(withoutHead, MAPPING, HEADER).warnings.map((w) => `${w.row}:${w.reason}`)).toEqual(
      ['3:该户没有户主'],
    );
  });

  it('warns, for a household on file, about points it will not take and heads it already has', async () => {
    const rows = (
      await validateRows(
        table(
          // On file at 120.25, 29.71 with a head the file leaves alone.
          ['枫桥村', '1', '张三', id(1), '户主', '120.25', '29.71'],
          ['枫桥村', '1', '李梅', id(2), '配偶', '120.2500001', '29.71'],
          ['枫桥村', '1', '张小', id(3), '子女', '120.26', '29.71'],
          ['枫桥村', '1', '张老', id(4), '父母', '120.27', '29.71'],
          // On file without a point, and without a head once the file's rows are written.
          ['枫桥村', '2', '王五', id(5), '子女', '', ''],
          ['枫桥村', '2', '王六', id(6), '子女', '120.25', '29.72'],
          // On file at the same point, the file's head the only one.
          ['枫桥村', '3', '赵七', id(7), '户主', '120.25', '29.73'],
        ),
        MAPPING,
        { coordSystem: 'wgs84', now: NOW },
      )
    ).records;
    const onFile = new Map([
      [rows[0]?.householdKey, { lng: 120.25, lat: 29.71, keptHeads: 1 }],
      [rows[4]?.householdKey, { lng: null, lat: null, keptHeads: 0 }],
      [rows[6]?.householdKey, { lng: 120.25, lat: 29.73, keptHeads: 0 }],
    ]);
    const { warnings } = checkHouseholds(rows, MAPPING, HEADER, { onFile: (key) => onFile.get(key) });
    expect(warnings.map((w) => `${w.row}:${w.column}:${w.reason}`)).toEqual([
      '2:与户主关系:档案中该户已有户主',
      '4:经度:文件中的坐标与档案不一致（相差约 966 米），未修改住户位置；如需移动请在住户档案中修改',
      '6:与户主关系:该户没有户主',
      '7:经度:档案中该户没有坐标，导入不采用文件中的坐标；如需标注位置请在住户档案中修改',
    ]);
  });

  it('skips rows whose mapped cells are empty and reports progress', async () => {
    const rows = table(
      ...Array.from({ length: 2500 }, (_, i) => ['枫桥村', String(i), '张三', id(i % 1000), '', '', '']),
    );
    rows.splice(3, 0, { rowNumber: 999_999, cells: ['', '', '', '', '', '', '', '备注'] });
    const progress: number[] = [];
    const result = await validateImport(rows.slice(1), MAPPING, {
      header: HEADER,
      coordSystem: 'wgs84',
      now: NOW,
      onProgress: (n) => progress.push(n),
    });
    expect(result.skippedRows).toBe(1);
    expect(result.rowsRead).toBe(2501);
    expect(progress).toEqual([1000, 2000, 2501]);
  });
});

describe('validateImport end to end', () => {
  it('reads an xlsx whose ID column holds numbers and flags exactly those rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('户籍');
    ws.addRow(['村/社区', '门牌号', '姓名', '身份证号', '登记日期']);
    ws.addRow(['枫桥村', '101', '张三', id(1), new Date(Date.UTC(2024, 0, 2))]);
    ws.addRow(['枫桥村', '102', '李四', Number(id(2).replace('X', '0')), new Date(Date.UTC(2024, 0, 3))]);
    ws.getColumn(5).numFmt = 'yyyy-mm-dd';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const { header, rows } = await openTable({ bytes }, 'xlsx');
    const result = await validateImport(rows, suggestMapping(header.cells), {
      header: header.cells,
      coordSystem: 'wgs84',
      now: NOW,
    });
    expect(result.errors).toEqual([
      { row: 3, column: '身份证号', field: 'idCard', reason: ID_EXCEL_NUMBER_REASON },
    ]);
    expect(result.records.map((r) => r.idCard)).toEqual([id(1)]);
  });

  it('reads a GBK CSV with GCJ-02 coordinates', async () => {
    const csv = `村/社区,门牌号,姓名,身份证号,经度,纬度\r\n枫桥村,1号,张三,${id(1)},120.2546,29.7078\r\n`;
    const rows = readRows({ bytes: iconv.encode(csv, 'gbk') }, 'auto');
    const header = ['村/社区', '门牌号', '姓名', '身份证号', '经度', '纬度'];
    const result = await validateImport(rows, suggestMapping(header), { coordSystem: 'gcj02', now: NOW });
    expect(result.errors).toEqual([]);
    const [record] = result.records;
    expect(record?.name).toBe('张三');
    // GCJ-02 is offset by a few hundred metres around here; the stored point is moved back.
    expect(record?.lng).not.toBeCloseTo(120.2546, 3);
    expect(Math.abs((record?.lng ?? 0) - 120.2546)).toBeLessThan(0.01);
  });
});
