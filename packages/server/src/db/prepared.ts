import type { Db } from './client.js';

/**
 * One prepared query per database handle: Drizzle builds the SQL once and PostgreSQL plans it once per
 * connection, which is what keeps the hot list endpoints close to a bare route.
 */
export function preparedPerDb<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let query = cache.get(db);
    if (!query) {
      query = prepare(db);
      cache.set(db, query);
    }
    return query;
  };
}
