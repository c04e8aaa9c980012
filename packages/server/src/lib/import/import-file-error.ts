/** Why a whole file cannot be read; row-level problems are reported as row errors instead. */
export type ImportFileErrorCode =
  | 'empty'
  | 'not-xlsx'
  | 'xls'
  | 'corrupt'
  | 'no-worksheet'
  | 'too-large'
  | 'not-text'
  | 'csv-syntax'
  | 'stalled'
  | 'header-row';

/** A file that cannot be imported at all. `message` is Chinese and safe to show to the user. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
