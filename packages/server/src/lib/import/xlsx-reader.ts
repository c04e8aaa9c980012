import ExcelJS from 'exceljs';
import type { ByteSource } from './byte-source.js';
import { ImportFileError } from './import-file-error.js';
import { readSharedStringsXml, readSheetXml } from './sheet-xml.js';
import { StallGuard } from './stall-guard.js';
import type { TableRow } from './table-row.js';
import { checkZip } from './zip-check.js';

export interface XlsxReadOptions {
  /** Give up when the parser makes no progress for this long (default 60 s). */
  stallTimeoutMs?: number;
}

/** The parts of exceljs's streaming classes used here; its typings omit most of them. */
interface SheetReader {
  name?: string;
  /** The sheet XML, as wrapped by patchReader: decoded UTF-8 text. */
  iterator?: Chunks;
}
interface BookReaderState {
  model?: { sheets?: { name?: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
  styles?: { getStyleModel?: (id: number) => { numFmt?: string } | undefined };
}

const WORKSHEET_ENTRY = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * Rows of the first visible worksheet (in tab order), as trimmed strings. The archive is checked
 * in full first (see checkZip), so a damaged or truncated upload fails before any row is read.
 */
export async function* readXlsxRows(
  source: ByteSource,
  options: XlsxReadOptions = {},
): AsyncGenerator<TableRow> {
  const entries = await checkZip(source);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml') || !entries.some((e) => WORKSHEET_ENTRY.test(e.name))) {
    if (names.has('word/document.xml')) {
      throw new ImportFileError(
        'not-xlsx',
        '这是 Word 文件，不是 xlsx 文件，请选择 Excel 导出的 xlsx 或 CSV 文件',
      );
    }
    throw new ImportFileError('no-worksheet', '文件不是有效的 xlsx 文件（找不到工作表）');
  }

  const guard = new StallGuard(options.stallTimeoutMs ?? 60_000, '读取 xlsx 文件超时，文件可能已损坏');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.stream(), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  patchReader(reader);
  const state = reader as unknown as BookReaderState;
  const sheets = (reader as unknown as AsyncIterable<SheetReader>)[Symbol.asyncIterator]();
  let finished = false;
  let found = false;
  let current: SheetReader | undefined;
  try {
    for (;;) {
      const next = await guard.guard(sheets.next());
      if (next.done) break;
      const sheet = next.value;
      if (found || !isFirstVisibleSheet(sheet, state)) {
        sheet.iterator?.destroy?.();
        continue;
      }
      found = true;
      current = sheet;
      yield* readSheet(sheet, guard, state);
      current = undefined;
    }
    finished = true;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('corrupt', '文件不是有效的 xlsx 文件（内容无法解析），请重新导出后再导入', {
      cause: error,
    });
  } finally {
    if (!finished) {
      current?.iterator?.destroy?.();
      await drain(sheets, guard);
    }
    guard.dispose();
  }
  if (!found) throw new ImportFileError('no-worksheet', '文件不是有效的 xlsx 文件（找不到工作表）');
}

function isFirstVisibleSheet(sheet: SheetReader, state: BookReaderState): boolean {
  const sheets = state.model?.sheets ?? [];
  const first = sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden');
  if (!first?.name) return true;
  // exceljs could not tie this part to a sheet in workbook.xml (e.g. absolute part paths): take it.
  if (!sheets.some((s) => s.name === sheet.name)) return true;
  return first.name === sheet.name;
}

async function* readSheet(
  sheet: SheetReader,
  guard: StallGuard,
  reader: BookReaderState,
): AsyncGenerator<TableRow> {
  if (!sheet.iterator) throw new ImportFileError('corrupt', '文件不是有效的 xlsx 文件（工作表无法读取）');
  const styleCache = new Map<number, string | undefined>();
  const batches = readSheetXml(sheet.iterator, {
    sharedStrings: reader.sharedStrings ?? [],
    numFmtOf: (style) => {
      if (!styleCache.has(style)) styleCache.set(style, reader.styles?.getStyleModel?.(style)?.numFmt);
      return styleCache.get(style);
    },
    date1904: reader.properties?.model?.date1904 === true,
  });
  for (;;) {
    const next = await guard.guard(batches.next());
    if (next.done) return;
    yield* next.value;
  }
}

/**
 * When the caller stops early (e.g. after the header), let exceljs run to the end so it deletes
 * the temporary files it spools worksheets into; skipped sheets are not parsed.
 */
async function drain(sheets: AsyncIterator<SheetReader>, guard: StallGuard): Promise<void> {
  try {
    for (;;) {
      const next = await guard.guard(sheets.next());
      if (next.done) return;
      next.value.iterator?.destroy?.();
    }
  } catch {
    // Best effort: the file was already read or the caller is handling another error.
  }
}

type Chunks = AsyncIterable<string> & { destroy?: () => void };

/**
 * Adjusts this exceljs WorkbookReader instance. exceljs 4.4 decodes each chunk of XML on its own,
 * so a Chinese character that straddles two chunks turns into '��' (exceljs issues #2063, #2084,
 * #2316; fixes never merged), and its worksheet parser builds Row and Cell objects at ~28k rows/s.
 * So: small entries get a UTF-8 string decoder; shared strings are parsed here (readSharedStringsXml);
 * worksheet streams are decoded by a streaming TextDecoder and handed, as text, to readSheetXml.
 * The worksheet wrapper also insists the XML ends with </worksheet>, because exceljs never tells its
 * parser the input has ended and would silently return the rows of a cut-off sheet.
 */
function patchReader(reader: object): void {
  const methods = reader as unknown as Record<string, unknown>;
  for (const name of ['_parseRels', '_parseWorkbook', '_parseStyles']) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    methods[name] = function (
      this: unknown,
      entry: { setEncoding?: (e: string) => void },
      ...rest: unknown[]
    ) {
      entry.setEncoding?.('utf8');
      return original.call(this, entry, ...rest);
    };
  }
  // exceljs runs this with `yield*` and expects no events when strings are cached.
  // biome-ignore lint/correctness/useYield: it must be an async generator, but has nothing to emit
  methods._parseSharedStrings = async function* (
    this: BookReaderState,
    entry: AsyncIterable<Buffer | string>,
  ) {
    this.sharedStrings = await readSharedStringsXml(decodeUtf8(entry, false));
  };
  for (const name of ['_parseWorksheet', '_parseHyperlinks']) {
    const original = methods[name];
    if (typeof original !== 'function') continue;
    const requireEnd = name === '_parseWorksheet';
    methods[name] = function (this: unknown, iterator: AsyncIterable<Buffer | string>, ...rest: unknown[]) {
      return original.call(this, decodeUtf8(iterator, requireEnd), ...rest);
    };
  }
}

const WORKSHEET_END = /<\/(?:[\w.-]+:)?worksheet>\s*$/;

function decodeUtf8(
  source: AsyncIterable<Buffer | string> & { destroy?: () => void },
  requireWorksheetEnd: boolean,
): Chunks {
  const decoder = new TextDecoder('utf-8');
  let tail = '';
  const decoded = (async function* () {
    for await (const chunk of source) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (!text) continue;
      tail = text.length >= 256 ? text.slice(-256) : (tail + text).slice(-256);
      yield text;
    }
    const rest = decoder.decode();
    if (rest) {
      tail = (tail + rest).slice(-256);
      yield rest;
    }
    if (requireWorksheetEnd && !WORKSHEET_END.test(tail)) {
      throw new ImportFileError('corrupt', 'xlsx 文件已损坏（工作表内容不完整），请重新导出后再导入');
    }
  })();
  return Object.assign(decoded, { destroy: () => source.destroy?.() });
}
