import { randomBytes } from 'node:crypto';
import { hmacSm3 } from '../crypto/sm.js';

/** Session ids and API tokens are stored only as keyed hashes; a database dump cannot replay them. */
export function hashSecret(key: Buffer, secret: string): string {
  return hmacSm3(key, secret).toString('hex');
}

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}
