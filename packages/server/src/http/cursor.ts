import { AppError } from './app-error.js';

/** Opaque keyset cursors: the client hands back what it was given and never builds one. */
export function encodeCursor(value: string | number): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T = string>(cursor: string): T {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw new AppError(400, 'invalid_cursor', '分页游标无效');
  }
}
