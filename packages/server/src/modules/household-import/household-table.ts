import {
  openTable as openAnyTable,
  pickHeader as pickAnyHeader,
  type TableFormat,
  type TableInput,
  type TableReadOptions,
  type TableRow,
} from '../../lib/import/index.js';
import { suggestMapping } from './column-mapping.js';

/** How many of the import's columns a row names, as the column suggestion would map them. */
export function headerScore(cells: readonly string[]): number {
  let n = 0;
  for (const column of Object.values(suggestMapping(cells))) if (column !== null) n++;
  return n;
}

/** The header of a household register among its first rows, past the title rows registers open with. */
export const pickHeader = (candidates: readonly TableRow[]) => pickAnyHeader(candidates, headerScore);

/** A household register's header (found by its columns, or the row given) and its data rows. */
export const openTable = (
  input: TableInput,
  format: TableFormat = 'auto',
  options: Omit<TableReadOptions, 'headerScore'> = {},
) => openAnyTable(input, format, { ...options, headerScore });
