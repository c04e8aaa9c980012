import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip, unzipEntries } from '../../../test/fixtures/import/build-zip.js';
import { openByteSource } from './byte-source.js';
import { ImportFileError } from './import-file-error.js';
import type { TableRow } from './table-row.js';
import { readXlsxRows } from './xlsx-reader.js';

async function readAll(bytes: Buffer): Promise<TableRow[]> {
  const source = await openByteSource({ bytes });
  const rows: TableRow[] = [];
  for await (const row of readXlsxRows(source)) rows.push(row);
  return rows;
}

async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('填写说明');
  notes.state = 'hidden';
  notes.addRow(['这张表是隐藏的说明']);
  const ws = wb.addWorksheet('居民');
  ws.addRow(['村/社区', '姓名', '身份证号', '登记日期', '备注', '合计', '主页']);
  ws.addRow([
    '枫桥村',
    '张三',
    '11010519491231002X',
    new Date(Date.UTC(2024, 4, 6)),
    { richText: [{ text: '独居', font: { bold: true } }, { text: '老人 ' }] },
    { formula: '1+1', result: 2 },
    { text: '链接', hyperlink: 'https://example.cn' },
  ]);
  ws.addRow([]);
  ws.addRow(['东溪社区', ' 李四 ', 110105194912310020, null, null, { formula: 'A1', result: '枫桥村' }]);
  ws.getCell('D2').numFmt = 'yyyy-mm-dd';
  const other = wb.addWorksheet('其他');
  other.addRow(['不该读到']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXPECTED: TableRow[] = [
  { rowNumber: 1, cells: ['村/社区', '姓名', '身份证号', '登记日期', '备注', '合计', '主页'] },
  { rowNumber: 2, cells: ['枫桥村', '张三', '11010519491231002X', '2024-05-06', '独居老人', '2', '链接'] },
  {
    rowNumber: 4,
    cells: ['东溪社区', '李四', '1.1010519491231E+17', '', '', '枫桥村'],
  },
];

describe('readXlsxRows', () => {
  it('reads the first visible sheet with every kind of cell value as text', async () => {
    const rows = await readAll(await sampleWorkbook());
    expect(rows).toEqual(EXPECTED);
  });

  it('shows an ID number stored as a number in scientific notation, flagging the lost digits', async () => {
    const rows = await readAll(await sampleWorkbook());
    expect(rows[2]?.cells[2]).toMatch(/^\d\.\d+E\+17$/);
  });

  it('reads a workbook whose shared strings come before the sheet (streamed, not spooled)', async () => {
    const entries = unzipEntries(await sampleWorkbook());
    const first = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
    const reordered = [
      ...first.map((name) => entries.find((e) => e.name === name)),
      ...entries.filter((e) => !first.includes(e.name)),
    ].filter((e) => e !== undefined);
    expect(await readAll(buildZip(reordered))).toEqual(EXPECTED);
  });

  it('reads what the exceljs streaming writer produces, with or without shared strings', async () => {
    for (const useSharedStrings of [true, false]) {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings, useStyles: true });
      const ws = wb.addWorksheet('户籍');
      ws.addRow(['姓名', '电话']).commit();
      ws.addRow(['王五', 13812345678]).commit();
      await wb.commit();
      expect(await readAll(Buffer.concat(chunks))).toEqual([
        { rowNumber: 1, cells: ['姓名', '电话'] },
        { rowNumber: 2, cells: ['王五', '13812345678'] },
      ]);
    }
  });

  it('keeps Chinese text intact where it straddles stream chunks (exceljs bug #2084)', async () => {
    const names = Array.from(
      { length: 6000 },
      (_, i) => `枫桥镇东溪社区居民${String.fromCharCode(0x4e00 + i)}${i}`,
    );
    const build = async (useSharedStrings: boolean) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings });
      const ws = wb.addWorksheet('居民');
      ws.addRow(['姓名']).commit();
      for (const name of names) ws.addRow([name]).commit();
      await wb.commit();
      return Buffer.concat(chunks);
    };
    for (const useSharedStrings of [true, false]) {
      const bytes = await build(useSharedStrings);
      const streamed = buildZip(
        unzipEntries(bytes).sort(
          (a, b) => Number(a.name.includes('worksheets/')) - Number(b.name.includes('worksheets/')),
        ),
      );
      for (const variant of [bytes, streamed]) {
        const rows = await readAll(variant);
        expect(rows.slice(1).map((r) => r.cells[0])).toEqual(names);
      }
    }
  });

  it('can stop after the header', async () => {
    const source = await openByteSource({ bytes: await sampleWorkbook() });
    const rows = readXlsxRows(source);
    const first = await rows.next();
    expect(first.value?.rowNumber).toBe(1);
    await rows.return(undefined);
    expect((await rows.next()).done).toBe(true);
  });

  it('rejects a zip that is not a workbook', async () => {
    const docx = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    await expect(readAll(docx)).rejects.toThrow('这是 Word 文件');
    const other = buildZip([{ name: 'readme.txt', data: Buffer.from('hi') }]);
    await expect(readAll(other)).rejects.toMatchObject({ code: 'no-worksheet' });
  });

  it('rejects a workbook whose sheet XML is malformed', async () => {
    const entries = unzipEntries(await sampleWorkbook()).map((e) =>
      e.name === 'xl/worksheets/sheet2.xml'
        ? { ...e, data: Buffer.from('<worksheet><sheetData><row r="1">') }
        : e,
    );
    const error = await readAll(buildZip(entries)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
  });
});
