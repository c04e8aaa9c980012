import type { Db } from '../db/client.js';
import type { Actor } from './actor.js';
import type { Keys } from './secret-key.js';

/** What a service needs to act for a caller: the database, the keys, who is asking and from where. */
export interface ServiceContext {
  db: Db;
  keys: Keys;
  actor: Actor;
  ip: string | null;
}

/** The same for system work with no signed-in caller (CLI, seeding). */
export interface SystemContext {
  db: Db;
  keys: Keys;
}
