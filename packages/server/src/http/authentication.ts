import type { FastifyInstance } from 'fastify';
import { type Authenticator, SESSION_COOKIE } from '../modules/auth/index.js';
import { AppError } from './app-error.js';
import { sessionCookieAttributes } from './session-cookie.js';

/** Resolves the caller on every API request; routes are private unless their config says `public`. */
export function registerAuthentication(
  app: FastifyInstance,
  authenticator: Authenticator,
  options: { cookieSecure: boolean },
): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.actor = await authenticator.resolveToken(header.slice(7).trim());
      if (!request.actor) throw new AppError(401, 'invalid_token');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const result = await authenticator.resolveSession(cookie);
        if (result && 'actor' in result) request.actor = result.actor;
        else reply.clearCookie(SESSION_COOKIE, sessionCookieAttributes(options.cookieSecure));
      }
    }
    const config = request.routeOptions.config;
    if (config?.public) return;
    if (!request.actor) {
      if (!request.routeOptions.url) return; // unknown route: let the 404 handler answer
      throw new AppError(401, 'unauthenticated', undefined, undefined, {
        key: cookie(request) ? 'unauthenticated.expired' : 'unauthenticated',
      });
    }
    if (request.actor.totpEnrollmentRequired && !config?.duringTotpEnrollment) {
      throw new AppError(403, 'totp_enrollment_required');
    }
  });
}

function cookie(request: { cookies: Record<string, string | undefined> }) {
  return Boolean(request.cookies[SESSION_COOKIE]);
}
