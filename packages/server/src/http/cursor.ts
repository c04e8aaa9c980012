import { AppError } from './app-error.js';

/** Opaque keyset cursors: the client hands back what it was given and never builds one. */
export function encodeCursor(value: string | number | SortedCursor): string {
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
  sortKeyOf: (row: Row) => string | number | SortedCursor,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortKeyOf(last)) : null,
  };
}

/** The cursor of a sorted list: the sort it was made under, and the last row's sort key and id. */
export interface SortedCursor {
  sort: string;
  order: 'asc' | 'desc';
  key: string | number;
  id: string | number;
}

/** A sorted list's cursor, refused when it was made under another sort (its key would mean nothing). */
export function decodeSortedCursor(cursor: string, sort: string, order: 'asc' | 'desc'): SortedCursor {
  const value = decodeCursor<SortedCursor>(cursor);
  const valid =
    typeof value === 'object' &&
    value !== null &&
    value.sort === sort &&
    value.order === order &&
    (typeof value.key === 'string' || typeof value.key === 'number') &&
    (typeof value.id === 'string' || typeof value.id === 'number');
  if (!valid) throw new AppError(400, 'invalid_cursor');
  return value;
}
