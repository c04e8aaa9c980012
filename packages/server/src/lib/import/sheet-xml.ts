import {
  cellValueToText,
  excelSerialToDate,
  formatSpreadsheetDate,
  formatSpreadsheetNumber,
  isDateFormat,
} from './cell-text.js';
import type { TableRow } from './table-row.js';
import { attribute, type XmlHandler, XmlScanner } from './xml-scanner.js';

export interface SheetContext {
  /** Shared strings table (plain strings, or exceljs's { richText } objects). */
  sharedStrings: readonly unknown[];
  /** Number format of a cell style index, if any. */
  numFmtOf(style: number): string | undefined;
  date1904: boolean;
}

/** Zero-based column of a cell reference such as 'AB12'; -1 if it has no letters. */
export function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/**
 * Worksheet XML (<sheetData>) to rows of trimmed text, the way exceljs's WorksheetReader would
 * but several times faster and without building Row and Cell objects. Handles cell types s, str,
 * inlineStr (rich runs; phonetic <rPh> skipped), b, e, d and numbers (dates by number format), and
 * omitted row/cell references.
 */
class SheetHandler implements XmlHandler {
  wantsText = false;
  rows: TableRow[] = [];
  private rowNumber = 0;
  private cells: string[] | null = null;
  private col = -1;
  private type = 'n';
  private style = 0;
  private value: string | undefined;
  private inline = '';
  private inInline = false;
  private inPhonetic = false;
  private textTarget: 'v' | 't' | null = null;
  private buffer = '';
  private readonly dateStyles = new Map<number, boolean>();

  constructor(private readonly context: SheetContext) {}

  open(name: string, tag: string): void {
    switch (name) {
      case 'row': {
        const r = attribute(tag, 'r');
        this.rowNumber = r ? Number(r) : this.rowNumber + 1;
        this.cells = [];
        this.col = -1;
        break;
      }
      case 'c': {
        if (!this.cells) break;
        const r = attribute(tag, 'r');
        const col = r ? columnIndex(r) : -1;
        this.col = col >= 0 ? col : this.col + 1;
        this.type = attribute(tag, 't') ?? 'n';
        const s = attribute(tag, 's');
        this.style = s ? Number(s) : 0;
        this.value = undefined;
        this.inline = '';
        break;
      }
      case 'v':
        this.startText('v');
        break;
      case 'is':
        this.inInline = true;
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 't':
        if (this.inInline && !this.inPhonetic) this.startText('t');
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        if (this.textTarget === 'v') this.value = this.endText();
        break;
      case 't':
        if (this.textTarget === 't') this.inline += this.endText();
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'c':
        if (this.cells && this.col >= 0) {
          const text = this.cellText();
          if (text !== '') {
            while (this.cells.length < this.col) this.cells.push('');
            this.cells[this.col] = text;
          }
        }
        break;
      case 'row':
        if (this.cells && this.cells.length > 0)
          this.rows.push({ rowNumber: this.rowNumber, cells: this.cells });
        this.cells = null;
        break;
    }
  }

  text(text: string): void {
    this.buffer += text;
  }

  private startText(target: 'v' | 't'): void {
    this.textTarget = target;
    this.buffer = '';
    this.wantsText = true;
  }

  private endText(): string {
    const text = this.buffer;
    this.textTarget = null;
    this.buffer = '';
    this.wantsText = false;
    return text;
  }

  private isDateStyle(style: number): boolean {
    let known = this.dateStyles.get(style);
    if (known === undefined) {
      known = isDateFormat(this.context.numFmtOf(style));
      this.dateStyles.set(style, known);
    }
    return known;
  }

  private cellText(): string {
    const v = this.value;
    switch (this.type) {
      case 's':
        return v === undefined ? '' : cellValueToText(this.context.sharedStrings[Number(v)]);
      case 'inlineStr':
        return (this.inline || v || '').trim();
      case 'str':
      case 'e':
        return (v ?? '').trim();
      case 'b':
        return v === undefined ? '' : v.trim() === '1' ? 'TRUE' : 'FALSE';
      case 'd': {
        if (!v) return '';
        const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`;
        const date = new Date(zoned);
        return Number.isNaN(date.getTime()) ? v.trim() : formatSpreadsheetDate(date);
      }
      default: {
        if (v === undefined || v.trim() === '') return '';
        const n = Number(v);
        if (Number.isNaN(n)) return v.trim();
        if (this.style && this.isDateStyle(this.style)) {
          return formatSpreadsheetDate(excelSerialToDate(n, this.context.date1904));
        }
        return formatSpreadsheetNumber(n);
      }
    }
  }
}

/** Rows of one worksheet, yielded in batches (one per input chunk) to keep async overhead low. */
export async function* readSheetXml(
  chunks: AsyncIterable<string>,
  context: SheetContext,
): AsyncGenerator<TableRow[]> {
  const handler = new SheetHandler(context);
  const scanner = new XmlScanner(handler);
  for await (const chunk of chunks) {
    scanner.write(chunk);
    if (handler.rows.length > 0) {
      yield handler.rows;
      handler.rows = [];
    }
  }
  scanner.end();
  if (handler.rows.length > 0) yield handler.rows;
}

/**
 * The shared-strings table. Rich-text runs are joined; phonetic guides (<rPh>, written by the
 * pinyin/furigana feature) are skipped, where exceljs 4.4 would return the guide instead of the text.
 */
export async function readSharedStringsXml(chunks: AsyncIterable<string>): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inItem = false;
  let inPhonetic = false;
  const handler: XmlHandler = {
    wantsText: false,
    open(name) {
      if (name === 'si') {
        inItem = true;
        current = '';
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && inItem && !inPhonetic) handler.wantsText = true;
    },
    close(name) {
      if (name === 't') handler.wantsText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        strings.push(current);
        inItem = false;
      }
    },
    text(text) {
      current += text;
    },
  };
  const scanner = new XmlScanner(handler);
  for await (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return strings;
}
