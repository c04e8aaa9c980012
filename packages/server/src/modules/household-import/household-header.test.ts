import { generateIdCard } from '@fengqiao/shared';
import { describe, expect, it } from 'vitest';
import {
  REGISTER_HEADER,
  type RegisterPerson,
  registerCsv,
  registerHeaderRow,
  registerXlsx,
} from '../../../test/fixtures/import/register-files.js';
import { ImportFileError, type TableInput, type TableRow } from '../../lib/import/index.js';
import { openTable, pickHeader } from './household-table.js';

const PEOPLE: RegisterPerson[] = [
  {
    name: '骆建国',
    sex: '男',
    idCard: generateIdCard('330681', '1961-05-02', 11),
    relation: '户主',
    address: '枫源村3组12号',
  },
  {
    name: '宣美芳',
    sex: '女',
    idCard: generateIdCard('330681', '1963-08-09', 12),
    relation: '配偶',
    address: '枫源村3组12号',
  },
];

async function read(input: TableInput, headerRow?: number) {
  const { header, rows } = await openTable(input, 'auto', { headerRow });
  const data: TableRow[] = [];
  for await (const row of rows) data.push(row);
  return { header, data };
}

describe('finding the header row', () => {
  const shapes = [
    { titles: 1, kind: 'xlsx' },
    { titles: 2, kind: 'xlsx' },
    { titles: 1, kind: 'utf8' },
    { titles: 2, kind: 'gbk' },
  ] as const;
  for (const { titles, kind } of shapes) {
    it(`skips ${titles} title row(s) and a merged title cell in ${kind}, keeping the file's row numbers`, async () => {
      const bytes =
        kind === 'xlsx'
          ? await registerXlsx(PEOPLE, { titles })
          : registerCsv(PEOPLE, { titles, encoding: kind });
      const { header, data } = await read({ bytes });
      const row = registerHeaderRow({ titles });
      expect(header).toEqual({ rowNumber: row, cells: REGISTER_HEADER });
      expect(data.map((r) => [r.rowNumber, r.cells[1], r.cells[5]])).toEqual([
        [row + 1, '骆建国', '枫源村3组12号'],
        [row + 2, '宣美芳', '枫源村3组12号'],
      ]);
    });
  }

  it('reads the header from the row given, even a row the search would not choose', async () => {
    const bytes = await registerXlsx(PEOPLE, { titles: 2 });
    const { header, data } = await read({ bytes }, 1);
    expect(header.rowNumber).toBe(1);
    expect(header.cells[0]).toContain('户籍人口登记表');
    expect(data.map((r) => r.rowNumber)).toEqual([2, 4, 5, 6]);
  });

  it('refuses a header row that is blank or past the end of the file, saying which', async () => {
    const bytes = registerCsv(PEOPLE, { titles: 1, encoding: 'utf8' });
    const blank = await read({ bytes }, 2).catch((e: unknown) => e);
    expect(blank).toBeInstanceOf(ImportFileError);
    expect((blank as ImportFileError).message).toBe('第 2 行是空行，不能作为表头，请重新指定表头所在的行');
    const past = await read({ bytes }, 40).catch((e: unknown) => e);
    expect((past as ImportFileError).message).toBe('文件没有第 40 行，请重新指定表头所在的行');
  });

  it('takes the row naming the most known columns, the first of equals, and else the first row', () => {
    const rows = (lines: string[][]): TableRow[] => lines.map((cells, i) => ({ rowNumber: i + 1, cells }));
    expect(
      pickHeader(
        rows([['某某镇某某村户籍人口登记表'], ['姓名', '身份证号'], ['村', '门牌号', '姓名', '身份证号']]),
      )?.rowNumber,
    ).toBe(3);
    expect(pickHeader(rows([['标题'], ['姓名', '身份证号'], ['姓名', '身份证号']]))?.rowNumber).toBe(2);
    expect(
      pickHeader(
        rows([
          ['甲', '乙'],
          ['张三', '330681'],
        ]),
      )?.rowNumber,
    ).toBe(1);
  });

  it('finds a header 20 rows down but not further, where the first row stays the header', async () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => `说明第${i + 1}行`);
    const file = (n: number) =>
      Buffer.from([...titles(n), '村,门牌号,姓名,身份证号', '甲村,1号,张三,x'].join('\n'));
    expect((await read({ bytes: file(19) })).header.rowNumber).toBe(20);
    expect((await read({ bytes: file(20) })).header.rowNumber).toBe(1);
    expect((await read({ bytes: file(20) }, 21)).header.cells).toEqual(['村', '门牌号', '姓名', '身份证号']);
  });
});
