import { HEADER_SEARCH_ROWS } from '@fengqiao/shared';
import { ImportFileError } from './import-file-error.js';
import type { TableRow } from './table-row.js';

/** A header must name at least this many known columns to be preferred over the first row. */
const MIN_HEADER_FIELDS = 2;

/** How many known columns a row names; the reader's caller knows what its columns are. */
export type HeaderScore = (cells: readonly string[]) => number;

/** Without a notion of known columns, every row scores nothing and the first row is the header. */
const noColumnsKnown: HeaderScore = () => 0;

/**
 * The header among `candidates` (the first rows of a file, blank ones already left out): the row that
 * names the most known columns, the earliest of equals, so the title rows registers open with
 * ('某某镇某某村户籍人口登记表', '填报单位：… 填报日期：…', a merged cell whose text sits in its first
 * column) are passed over. With no row naming two columns, the first row is the header, as before.
 */
export function pickHeader(
  candidates: readonly TableRow[],
  headerScore: HeaderScore = noColumnsKnown,
): TableRow | undefined {
  let best: TableRow | undefined;
  let bestScore = MIN_HEADER_FIELDS - 1;
  for (const row of candidates) {
    const score = headerScore(row.cells);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best ?? candidates[0];
}

/**
 * Splits a file's rows into its header and the data rows after it, reading only as far as the header
 * needs: the first HEADER_SEARCH_ROWS rows of the file when it is found, or up to `headerRow` (1-based,
 * as Excel numbers rows) when the user chose it. Rows above the header are titles and are dropped; the
 * data rows keep the file's own row numbers.
 */
export async function splitHeader(
  rows: AsyncGenerator<TableRow>,
  headerRow?: number,
  headerScore?: HeaderScore,
): Promise<{ header: TableRow; rows: AsyncGenerator<TableRow> }> {
  const limit = headerRow ?? HEADER_SEARCH_ROWS;
  const read: TableRow[] = [];
  let past: TableRow | undefined;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    if (next.value.rowNumber > limit) {
      past = next.value;
      break;
    }
    read.push(next.value);
  }
  let header: TableRow | undefined;
  if (headerRow === undefined) header = pickHeader(read, headerScore);
  else {
    header = read.find((r) => r.rowNumber === headerRow);
    if (!header) {
      await rows.return(undefined);
      throw new ImportFileError(
        'header-row',
        past
          ? `第 ${headerRow} 行是空行，不能作为表头，请重新指定表头所在的行`
          : `文件没有第 ${headerRow} 行，请重新指定表头所在的行`,
      );
    }
  }
  if (!header) throw new ImportFileError('empty', '文件中没有数据');
  const after = read.filter((r) => r.rowNumber > (header as TableRow).rowNumber);
  return { header, rows: resume(after, past, rows) };
}

async function* resume(
  buffered: readonly TableRow[],
  past: TableRow | undefined,
  rest: AsyncGenerator<TableRow>,
): AsyncGenerator<TableRow> {
  try {
    yield* buffered;
    if (past) yield past;
    yield* rest;
  } finally {
    // Stopped early (the caller returned): let the reader close its file.
    await rest.return(undefined);
  }
}
