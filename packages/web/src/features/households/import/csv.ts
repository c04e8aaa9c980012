/** A UTF-8 byte-order mark: without it Excel reads a CSV as the local code page and garbles Chinese. */
const BOM = '\uFEFF';

/** Cells Excel would run as formulas (CSV injection): text from uploaded files must stay text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed; a leading formula character is neutralised with an apostrophe. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A cell Excel keeps as text: `="0571"` (the server unwraps it on import). */
export function csvTextCell(value: string): string {
  const text = value.replace(/"/g, '');
  return text ? `"=""${text}"""` : '';
}

/** CRLF lines, UTF-8 with BOM. */
export function csvBlob(lines: readonly string[]): Blob {
  return new Blob([BOM, lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
}

export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map(csvCell).join(',');
}
