import type { ByteSource } from './byte-source.js';
import { CsvParser, detectDelimiter } from './csv-parser.js';
import type { TableRow } from './table-row.js';
import { decodeChunks, detectEncoding } from './text-decoding.js';

/** `="0571"` is how spreadsheets are told to keep a value as text in a CSV; unwrap it. */
const EXCEL_TEXT_FORMULA = /^="(.*)"$/s;

export function cleanCsvCell(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.length > 3 && trimmed.charCodeAt(0) === 0x3d) {
    const m = EXCEL_TEXT_FORMULA.exec(trimmed);
    if (m) return (m[1] as string).trim();
  }
  return trimmed;
}

/** Rows of a CSV file (any of the detected encodings), skipping blank lines but counting them. */
export async function* readCsvRows(source: ByteSource): AsyncGenerator<TableRow> {
  const encoding = await detectEncoding(source);
  let parser: CsvParser | undefined;
  let rowNumber = 0;
  function* emit(records: string[][]): Generator<TableRow> {
    for (const record of records) {
      rowNumber++;
      const cells = record.map(cleanCsvCell);
      if (cells.some((c) => c !== '')) yield { rowNumber, cells };
    }
  }
  for await (const text of decodeChunks(source, encoding)) {
    parser ??= new CsvParser(detectDelimiter(text));
    yield* emit(parser.push(text));
  }
  if (parser) yield* emit(parser.end());
}
