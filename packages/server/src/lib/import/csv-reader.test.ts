import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openByteSource, type TableInput } from './byte-source.js';
import { cleanCsvCell, readCsvRows } from './csv-reader.js';
import { ImportFileError } from './import-file-error.js';
import type { TableRow } from './table-row.js';
import { detectEncoding } from './text-decoding.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'fq-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(input: TableInput): Promise<TableRow[]> {
  const source = await openByteSource(input);
  try {
    const rows: TableRow[] = [];
    for await (const row of readCsvRows(source)) rows.push(row);
    return rows;
  } finally {
    await source.close();
  }
}

const SAMPLE = '村/社区,姓名,备注\r\n枫桥村,张三,"住在""老街"",靠河"\r\n\r\n东溪社区,欧阳娜娜,\r\n';
const EXPECTED: TableRow[] = [
  { rowNumber: 1, cells: ['村/社区', '姓名', '备注'] },
  { rowNumber: 2, cells: ['枫桥村', '张三', '住在"老街",靠河'] },
  { rowNumber: 4, cells: ['东溪社区', '欧阳娜娜', ''] },
];

describe('readCsvRows', () => {
  it('reads UTF-8 without BOM, skipping blank lines but counting them', async () => {
    expect(await readAll({ bytes: Buffer.from(SAMPLE, 'utf8') })).toEqual(EXPECTED);
  });

  it('reads UTF-8 with BOM and strips the BOM from the first header', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    expect(await readAll({ bytes })).toEqual(EXPECTED);
  });

  it('reads GBK (as Excel on Chinese Windows saves CSV)', async () => {
    const bytes = iconv.encode(SAMPLE, 'gbk');
    expect(bytes.equals(Buffer.from(SAMPLE, 'utf8'))).toBe(false);
    expect(await readAll({ bytes })).toEqual(EXPECTED);
  });

  it('reads GB18030-only characters', async () => {
    const text = '姓名\n𠀀𪚥\n';
    expect(await readAll({ bytes: iconv.encode(text, 'gb18030') })).toEqual([
      { rowNumber: 1, cells: ['姓名'] },
      { rowNumber: 2, cells: ['𠀀𪚥'] },
    ]);
  });

  it('reads UTF-16LE with BOM and tab delimiters (Excel "Unicode text")', async () => {
    const bytes = iconv.encode('姓名\t身份证号\n张三\t1\n', 'utf-16le', { addBOM: true });
    expect(await readAll({ bytes })).toEqual([
      { rowNumber: 1, cells: ['姓名', '身份证号'] },
      { rowNumber: 2, cells: ['张三', '1'] },
    ]);
  });

  it('decodes a GBK file from disk whose first Chinese character is megabytes in', async () => {
    const ascii = `name,id\n${'abc,123\n'.repeat(300_000)}`;
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('张三,456\n', 'gbk')]);
    const file = path.join(dir, 'late-gbk.csv');
    writeFileSync(file, bytes);
    const rows = await readAll({ path: file });
    expect(rows).toHaveLength(300_002);
    expect(rows.at(-1)).toEqual({ rowNumber: 300_002, cells: ['张三', '456'] });
  });

  it('decodes UTF-8 characters split across read chunks', async () => {
    const body = '枫'.repeat(1 << 19); // 1.5 MiB, so 3-byte characters straddle the 1 MiB chunk boundary
    const file = path.join(dir, 'split.csv');
    writeFileSync(file, `h\n${body}\n`);
    const rows = await readAll({ path: file });
    expect(rows[1]?.cells[0]).toBe(body);
  });

  it('rejects binary content', async () => {
    await expect(readAll({ bytes: Buffer.from([0x41, 0x00, 0x42, 0x0a]) })).rejects.toThrow(ImportFileError);
  });

  it('reads an empty file as no rows', async () => {
    expect(await readAll({ bytes: Buffer.alloc(0) })).toEqual([]);
  });
});

describe('detectEncoding', () => {
  it('tells the encodings apart', async () => {
    const detect = async (bytes: Buffer) => detectEncoding(await openByteSource({ bytes }));
    expect(await detect(Buffer.from('a,b\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(await detect(Buffer.from('\ufeff姓名'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(await detect(iconv.encode('姓名', 'gbk'))).toEqual({ encoding: 'gb18030', bomLength: 0 });
    expect(await detect(Buffer.from([0xfe, 0xff, 0, 0x41]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });
});

describe('cleanCsvCell', () => {
  it('trims, including full-width spaces, and unwraps ="..." text cells', () => {
    expect(cleanCsvCell('  张三\u3000')).toBe('张三');
    expect(cleanCsvCell('="330681199001011234"')).toBe('330681199001011234');
    expect(cleanCsvCell('=SUM(A1)')).toBe('=SUM(A1)');
  });
});
