/** Mirrors exceljs's own test, so formula results get the same date treatment as plain cells. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const stripped = numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(stripped);
}

/** Excel serial day number (1900 system, or 1904 when the workbook says so) to a UTC instant. */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400) * 1000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Dates from spreadsheets carry no zone; exceljs gives them as UTC, so format in UTC. */
export function formatSpreadsheetDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // Serial numbers are fractions of a day; round to the second so 00:00 doesn't print as 23:59:59.
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Excel keeps 15 significant digits; anything that needs more has already lost digits. */
const EXACT_DIGITS_LIMIT = 1e15;

/**
 * Numbers as text. Integers of 16+ digits (an 18-digit ID number typed into a General cell) are
 * shown the way Excel shows them, e.g. '3.30681199001011E+17', so that validation can recognise
 * a number that has lost digits instead of seeing a plausible but wrong 18-digit string.
 */
export function formatSpreadsheetNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Math.abs(n) >= EXACT_DIGITS_LIMIT) {
    return n
      .toPrecision(15)
      .replace(/\.?0+e/, 'e')
      .replace('e', 'E');
  }
  return String(n);
}

export interface CellLike {
  value: unknown;
  numFmt?: string;
}

/** Any exceljs cell value as the trimmed text a user would type for it. */
export function cellValueToText(value: unknown, numFmt?: string, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    return isDateFormat(numFmt)
      ? formatSpreadsheetDate(excelSerialToDate(value, date1904))
      : formatSpreadsheetNumber(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatSpreadsheetDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return v.richText
        .map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : ''))
        .join('')
        .trim();
    }
    if ('formula' in v || 'sharedFormula' in v) {
      return 'result' in v ? cellValueToText(v.result, numFmt, date1904) : '';
    }
    if ('error' in v) return String(v.error);
    if ('hyperlink' in v) return cellValueToText(v.text, numFmt, date1904);
    if ('text' in v) return cellValueToText(v.text, numFmt, date1904);
  }
  return String(value).trim();
}
