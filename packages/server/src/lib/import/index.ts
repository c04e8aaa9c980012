// Reading tables out of files: xlsx and CSV, their encodings and the header among title rows. What the
// columns mean (a household register's fields and rules) is the importing module's business.
export type { TableInput } from './byte-source.js';
export { type HeaderScore, pickHeader } from './find-header.js';
export { ImportFileError, type ImportFileErrorCode } from './import-file-error.js';
export { openTable, readHeader, readRows, type TableFormat, type TableReadOptions } from './read-table.js';
export type { TableRow } from './table-row.js';
export type { XlsxReadOptions } from './xlsx-reader.js';
