import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditActorOf, recordAudit } from '../modules/audit/index.js';
import type { SystemContext } from '../security/context.js';
import { AppError } from './app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a request comes from another site, or null when nothing says so. */
export function crossSiteReason(headers: FastifyRequest['headers'], host: string): string | null {
  // The browser computes Sec-Fetch-Site itself, and no page can set it; it also holds behind a proxy
  // that rewrites Host. Origin is the fallback for browsers that do not send it.
  const fetchSite = headers['sec-fetch-site'];
  if (typeof fetchSite === 'string')
    return fetchSite === 'same-origin' || fetchSite === 'none' ? null : `sec-fetch-site: ${fetchSite}`;
  const origin = headers.origin;
  if (typeof origin !== 'string') return null;
  try {
    const from = new URL(origin);
    // Read the Host the same way, so a default port written out (":80") compares equal.
    return from.host === new URL(`${from.protocol}//${host}`).host ? null : `origin: ${origin}`;
  } catch {
    return `origin: ${origin.slice(0, 100)}`;
  }
}

/**
 * A browser sends the session cookie with a request another site starts; SameSite=Strict is one wall,
 * the request's own Origin and Sec-Fetch-Site are the second. Bearer tokens are never sent by a
 * browser on its own, so token requests pass.
 */
export function registerCrossSiteGuard(app: FastifyInstance, system: SystemContext): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.headers.authorization?.startsWith('Bearer ')) return;
    const reason = crossSiteReason(request.headers, request.host);
    if (!reason) return;
    const actor = request.actor;
    await recordAudit(system.db, system.keys.audit, {
      actor: actor ? auditActorOf(actor) : null,
      action: 'request.cross_site',
      result: 'denied',
      ip: request.ip,
      detail: { method: request.method, path: request.url.split('?')[0], reason },
    });
    throw new AppError(403, 'cross_site_request');
  });
}
