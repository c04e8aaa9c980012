import type { CookieSerializeOptions } from '@fastify/cookie';

/** Set and cleared with the same attributes: a browser keeps a cookie whose clearing does not match. */
export function sessionCookieAttributes(secure: boolean): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure };
}
