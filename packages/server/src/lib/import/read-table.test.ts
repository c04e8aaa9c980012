import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError } from './import-file-error.js';
import { openTable, readHeader, readRows, type TableFormat, type TableInput } from './read-table.js';
import type { TableRow } from './table-row.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fq-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(input: TableInput, format: TableFormat = 'auto'): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readRows(input, format)) rows.push(row);
  return rows;
}

async function fileError(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

async function workbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民');
  ws.addRow(['村/社区', '姓名', '身份证号']);
  for (let i = 0; i < rows; i++)
    ws.addRow(['枫桥村', `居民${i}`, `33068119900101${String(i % 10000).padStart(4, '0')}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readRows', () => {
  it('detects xlsx and CSV from the content', async () => {
    const xlsx = await workbook(2);
    expect((await readAll({ bytes: xlsx })).map((r) => r.cells[1])).toEqual(['姓名', '居民0', '居民1']);
    const csv = iconv.encode('姓名,电话\n张三,138\n', 'gbk');
    expect(await readAll({ bytes: csv })).toEqual([
      { rowNumber: 1, cells: ['姓名', '电话'] },
      { rowNumber: 2, cells: ['张三', '138'] },
    ]);
  });

  it('reads files from disk', async () => {
    const xlsxPath = path.join(dir, 'households.xlsx');
    writeFileSync(xlsxPath, await workbook(3));
    expect(await readAll({ path: xlsxPath }, 'xlsx')).toHaveLength(4);
    const csvPath = path.join(dir, 'households.csv');
    writeFileSync(csvPath, '\ufeff姓名\n张三\n');
    expect(await readAll({ path: csvPath }, 'csv')).toEqual([
      { rowNumber: 1, cells: ['姓名'] },
      { rowNumber: 2, cells: ['张三'] },
    ]);
  });

  it('rejects an empty file', async () => {
    expect((await fileError(readAll({ bytes: Buffer.alloc(0) }))).code).toBe('empty');
  });

  it('rejects random bytes declared as xlsx', async () => {
    const error = await fileError(readAll({ bytes: randomBytes(4096) }, 'xlsx'));
    expect(error.message).toMatch(/xlsx/);
  });

  it('rejects random bytes that start like a zip', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(4096)]);
    expect((await fileError(readAll({ bytes }))).code).toBe('corrupt');
  });

  it('rejects a truncated xlsx, wherever it was cut, before yielding any row', async () => {
    const xlsx = await workbook(3000);
    for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
      const bytes = xlsx.subarray(0, Math.floor(xlsx.length * fraction));
      const seen: TableRow[] = [];
      const error = await fileError(
        (async () => {
          for await (const row of readRows({ bytes }, 'xlsx')) seen.push(row);
        })(),
      );
      expect(error.message).toContain('xlsx 文件已损坏');
      expect(seen).toEqual([]);
    }
  });

  it('rejects an xlsx with damaged bytes anywhere (these used to hang exceljs)', async () => {
    const xlsx = await workbook(3000);
    for (let k = 1; k < 10; k++) {
      const bytes = Buffer.from(xlsx);
      const at = Math.floor((bytes.length * k) / 10);
      for (let j = 0; j < 20; j++) bytes[at + j] = (bytes[at + j] as number) ^ 0x5a;
      await fileError(readAll({ bytes }));
    }
  });

  it('explains old .xls and encrypted files', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const error = await fileError(readAll({ bytes: ole }));
    expect(error.code).toBe('xls');
    expect(error.message).toContain('.xls');
  });

  it('enforces an explicit format', async () => {
    expect((await fileError(readAll({ bytes: Buffer.from('姓名\n') }, 'xlsx'))).message).toBe(
      '文件不是有效的 xlsx 文件',
    );
    expect((await fileError(readAll({ bytes: await workbook(1) }, 'csv'))).code).toBe('not-text');
  });
});

describe('readHeader and openTable', () => {
  it('returns the first non-blank row as the header', async () => {
    expect(await readHeader({ bytes: Buffer.from('\n\n姓名,电话\n张三,1\n') }, 'csv')).toEqual({
      rowNumber: 3,
      cells: ['姓名', '电话'],
    });
    expect((await readHeader({ bytes: await workbook(50) })).cells).toEqual(['村/社区', '姓名', '身份证号']);
  });

  it('reads the header and then the data rows in one pass', async () => {
    const { header, rows } = await openTable({ bytes: Buffer.from('姓名\n张三\n李四\n') });
    expect(header.cells).toEqual(['姓名']);
    const data: TableRow[] = [];
    for await (const row of rows) data.push(row);
    expect(data.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it('rejects a file with no rows', async () => {
    expect((await fileError(readHeader({ bytes: Buffer.from('\r\n\r\n') }))).code).toBe('empty');
  });
});
