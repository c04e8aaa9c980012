/** dry-run: report every row's errors and write nothing; commit: all or nothing; commit-valid: the valid rows. */
export const IMPORT_MODES = ['dry-run', 'commit', 'commit-valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The largest import file accepted: 100,000 households in xlsx are about 15 MB; room for wide sheets. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
