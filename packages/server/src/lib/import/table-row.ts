/** One non-blank row of an uploaded table. */
export interface TableRow {
  /** The row number the user sees in Excel: the header is normally row 1; blank rows still count. */
  rowNumber: number;
  /** Trimmed cell texts, one per column from column A; missing cells are ''. */
  cells: string[];
}
