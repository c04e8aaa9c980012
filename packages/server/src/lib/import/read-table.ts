import { type ByteSource, openByteSource, type TableInput } from './byte-source.js';
import { readCsvRows } from './csv-reader.js';
import { type HeaderScore, splitHeader } from './find-header.js';
import { ImportFileError } from './import-file-error.js';
import type { TableRow } from './table-row.js';
import { readXlsxRows, type XlsxReadOptions } from './xlsx-reader.js';

export type { TableInput } from './byte-source.js';
export type { TableRow } from './table-row.js';

export type TableFormat = 'csv' | 'xlsx' | 'auto';

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (head: Buffer, magic: number[]) => magic.every((b, i) => head[i] === b);

/** Decides from the content, not the file name; `expected` makes a mismatch an error. */
export async function detectFormat(
  source: ByteSource,
  expected: TableFormat = 'auto',
): Promise<'csv' | 'xlsx'> {
  if (source.size === 0) throw new ImportFileError('empty', '文件是空的');
  const head = await source.readAt(0, 8);
  if (startsWith(head, OLE_MAGIC)) {
    throw new ImportFileError(
      'xls',
      '这是旧版 Excel（.xls）文件或加了密码的文件，请在 Excel 中另存为 .xlsx 或 CSV（并取消密码）后再导入',
    );
  }
  const zip = startsWith(head, ZIP_MAGIC);
  if (expected === 'xlsx' && !zip) throw new ImportFileError('not-xlsx', '文件不是有效的 xlsx 文件');
  if (expected === 'csv' && zip) {
    throw new ImportFileError('not-text', '文件不是 CSV 文本文件（看起来是 xlsx 文件），请按 xlsx 导入');
  }
  return zip ? 'xlsx' : 'csv';
}

/**
 * Every non-blank row of the table, header included, with the row number Excel shows. CSV may be
 * UTF-8 (with or without BOM), GBK/GB18030 or UTF-16 with BOM; xlsx is read from the first visible
 * worksheet. Files are streamed; whole-file problems throw ImportFileError (Chinese message).
 */
export async function* readRows(
  input: TableInput,
  format: TableFormat = 'auto',
  options: XlsxReadOptions = {},
): AsyncGenerator<TableRow> {
  const source = await openByteSource(input);
  try {
    const kind = await detectFormat(source, format);
    if (kind === 'xlsx') yield* readXlsxRows(source, options);
    else yield* readCsvRows(source);
  } finally {
    await source.close();
  }
}

export interface TableReadOptions extends XlsxReadOptions {
  /** The header's row number (1-based); omitted: found among the first rows, past any title rows. */
  headerRow?: number;
  /** How many known columns a row names, to find the header past title rows; omitted: the first row. */
  headerScore?: HeaderScore;
}

/** The header row: found past any title rows (see splitHeader), or the row given. */
export async function readHeader(
  input: TableInput,
  format: TableFormat = 'auto',
  options: TableReadOptions = {},
): Promise<TableRow> {
  const { header, rows } = await openTable(input, format, options);
  await rows.return(undefined);
  return header;
}

/**
 * The header and an iterator over the data rows after it, reading the file once. The header is the
 * row given as `headerRow`, or the one among the first rows that names the most known columns
 * (`headerScore`).
 */
export async function openTable(
  input: TableInput,
  format: TableFormat = 'auto',
  options: TableReadOptions = {},
): Promise<{ header: TableRow; rows: AsyncGenerator<TableRow> }> {
  const { headerRow, headerScore, ...xlsx } = options;
  return splitHeader(readRows(input, format, xlsx), headerRow, headerScore);
}
