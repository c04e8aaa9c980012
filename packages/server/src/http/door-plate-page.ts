import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { type Authenticator, SESSION_COOKIE } from '../modules/auth/index.js';
import { resolveQrCode } from '../modules/households/index.js';
import { can } from '../security/policy.js';
import type { Keys } from '../security/secret-key.js';
import { AppError } from './app-error.js';

const QR_CODE = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Who scanned a door plate, as the public page (qr.html) is told: not signed in; signed in, without
 * access to households; or allowed to read households, but not this one.
 */
export type DoorPlateViewer = 'stranger' | 'staff' | 'not-yours';

export type DoorPlateVisit = { householdId: string } | { viewer: DoorPlateViewer };

/**
 * `/h/:code`: staff who may see the household go to its file; anyone else gets the public page.
 * The session cookie is read here because this page lies outside the API, where authentication runs.
 */
export function doorPlateVisits(deps: { db: Db; keys: Keys; authenticator: Authenticator }) {
  return async function visit(request: FastifyRequest, code: string): Promise<DoorPlateVisit> {
    const cookie = request.cookies[SESSION_COOKIE];
    const session = cookie ? await deps.authenticator.resolveSession(cookie) : null;
    const actor = session && 'actor' in session ? session.actor : null;
    if (!actor || actor.totpEnrollmentRequired) return { viewer: 'stranger' };
    if (!can(actor, 'household.read') || !QR_CODE.test(code)) return { viewer: 'staff' };
    try {
      return await resolveQrCode({ db: deps.db, keys: deps.keys, actor, ip: request.ip }, code);
    } catch (err) {
      // Outside their area (audited as a denial) or no such plate: the public page, as for anyone.
      if (err instanceof AppError && err.status === 404) return { viewer: 'not-yours' };
      throw err;
    }
  };
}

export type DoorPlateVisits = ReturnType<typeof doorPlateVisits>;

/** The public page with the viewer filled in where qr.html leaves room for it. */
export function doorPlatePage(template: string, viewer: DoorPlateViewer): string {
  return template.replace('<!-- fengqiao:viewer -->', `<meta name="fengqiao-viewer" content="${viewer}" />`);
}
