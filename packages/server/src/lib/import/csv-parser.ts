import { ImportFileError } from './import-file-error.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export type CsvDelimiter = ',' | '\t' | ';';

/** Picks the delimiter that occurs most often, outside quotes, on the first line (comma on a tie). */
export function detectDelimiter(firstText: string): CsvDelimiter {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  for (let i = 0; i < firstText.length; i++) {
    const ch = firstText[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/**
 * Incremental RFC 4180 parser: quoted fields may hold delimiters, doubled quotes and line breaks;
 * records end with CRLF, LF or a lone CR. Lenient like Excel where the RFC is silent: a quote in the
 * middle of an unquoted field is literal, and text after a closing quote is appended.
 *
 * Feed decoded text with `push`; each call returns the records completed so far. A record split
 * across chunks is kept and re-parsed with the next chunk, so a record may not exceed
 * `maxRecordChars` (an unclosed quote would otherwise swallow the rest of the file).
 */
export class CsvParser {
  private pending = '';
  /** Records returned so far; record N is row N as Excel shows it (blank lines count). */
  recordsEmitted = 0;

  constructor(
    private readonly delimiter: CsvDelimiter = ',',
    private readonly maxRecordChars = 1 << 20,
  ) {}

  push(text: string): string[][] {
    return this.parse(this.pending + text, false);
  }

  end(): string[][] {
    const text = this.pending;
    this.pending = '';
    return this.parse(text, true);
  }

  private parse(text: string, isFinal: boolean): string[][] {
    const rows: string[][] = [];
    const n = text.length;
    const delimiter = this.delimiter.charCodeAt(0);
    let i = 0;
    records: while (i < n) {
      const recordStart = i;
      const fields: string[] = [];
      for (;;) {
        let value: string;
        if (i < n && text.charCodeAt(i) === QUOTE) {
          value = '';
          let segment = i + 1;
          for (;;) {
            const q = text.indexOf('"', segment);
            if (q < 0 || (q + 1 >= n && !isFinal)) {
              if (!isFinal) return this.suspend(rows, text, recordStart);
              throw new ImportFileError(
                'csv-syntax',
                `CSV 文件第 ${this.recordsEmitted + rows.length + 1} 行的引号没有闭合，请检查文件格式`,
              );
            }
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(segment, q + 1);
              segment = q + 2;
              continue;
            }
            value += text.slice(segment, q);
            i = q + 1;
            break;
          }
          const rest = i;
          while (i < n) {
            const c = text.charCodeAt(i);
            if (c === delimiter || c === LF || c === CR) break;
            i++;
          }
          if (i > rest) value += text.slice(rest, i);
        } else {
          const start = i;
          while (i < n) {
            const c = text.charCodeAt(i);
            if (c === delimiter || c === LF || c === CR) break;
            i++;
          }
          value = text.slice(start, i);
        }

        if (i >= n) {
          if (!isFinal) return this.suspend(rows, text, recordStart);
          fields.push(value);
          rows.push(fields);
          break records;
        }
        const c = text.charCodeAt(i);
        fields.push(value);
        if (c === delimiter) {
          i++;
          if (i >= n) {
            if (!isFinal) return this.suspend(rows, text, recordStart);
            fields.push('');
            rows.push(fields);
            break records;
          }
          continue;
        }
        if (c === CR) {
          if (i + 1 >= n && !isFinal) return this.suspend(rows, text, recordStart);
          i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        } else {
          i++;
        }
        rows.push(fields);
        continue records;
      }
    }
    this.pending = '';
    this.recordsEmitted += rows.length;
    return rows;
  }

  private suspend(rows: string[][], text: string, recordStart: number): string[][] {
    this.pending = text.slice(recordStart);
    this.recordsEmitted += rows.length;
    if (this.pending.length > this.maxRecordChars) {
      throw new ImportFileError(
        'csv-syntax',
        `CSV 文件第 ${this.recordsEmitted + 1} 行过长或引号没有闭合，请检查文件格式`,
      );
    }
    return rows;
  }
}
