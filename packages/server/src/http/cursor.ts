import { AppError } from './app-error.js';

/** Opaque keyset cursors: the client hands back what it was given and never builds one. */
export function encodeCursor(value: string | number): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T = string>(cursor: string): T {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw new AppError(400, 'invalid_cursor');
  }
}

/**
 * Turns `limit + 1` fetched rows into one page: the extra row only says that more exist, and the
 * cursor is the sort key of the page's last row.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
  sortKeyOf: (row: Row) => string | number,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortKeyOf(last)) : null,
  };
}
