import type { LoginBody } from '@fengqiao/shared';
import { AppError } from '../../http/app-error.js';
import { burnPasswordCheck, verifyPassword } from '../../lib/security/password-hash.js';
import { hashSecret, newSecret } from '../../lib/security/secret-hash.js';
import { openTotpSecret, totpStepOf } from '../../lib/security/totp.js';
import type { SystemContext } from '../../security/context.js';
import { recordAudit } from '../audit/index.js';
import {
  type Account,
  findAccount,
  recordSignIn,
  recordSignInFailure,
  takeTotpStep,
} from '../users/index.js';
import { AUTH_POLICY } from './auth-policy.js';
import { countLoginAttempt, deleteDeadSessions, insertSession, revokeSession } from './session.repository.js';

export interface LoginRequest {
  body: LoginBody;
  ip: string;
  userAgent: string | null;
  /** The session cookie the browser still had, dropped so a planted id never survives login. */
  previousCookie?: string;
}

export interface LoginResult {
  user: Account;
  cookieValue: string;
  sessionId: string;
  expiresAt: Date;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials');

function formatShanghai(date: Date): string {
  return date.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export async function login(ctx: SystemContext, request: LoginRequest): Promise<LoginResult> {
  const { body, ip } = request;
  const audit = (result: 'ok' | 'failed' | 'denied', user: Account | undefined, reason?: string) =>
    recordAudit(ctx.db, ctx.keys.audit, {
      actor: user ? { id: user.id, username: user.username, stationId: user.stationId } : null,
      action: 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      result,
      ip,
      detail: { username: body.username, ...(reason ? { reason } : {}) },
    });

  const attempts = await countLoginAttempt(ctx.db, ip, AUTH_POLICY.loginWindowSeconds);
  if (attempts > AUTH_POLICY.loginAttemptsPerWindow) {
    await audit('denied', undefined, 'rate_limited');
    throw new AppError(429, 'rate_limited', undefined, undefined, {
      headers: { 'retry-after': String(AUTH_POLICY.loginWindowSeconds) },
    });
  }

  const user = await findAccount(ctx.db, body.username);
  if (!user) {
    await burnPasswordCheck(body.password);
    await audit('failed', undefined, 'unknown_user');
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await audit('denied', user, 'locked');
    throw new AppError(423, 'account_locked', { until: formatShanghai(user.lockedUntil) });
  }

  const fail = async (reason: string, error: AppError): Promise<never> => {
    const { lockedUntil } = await recordSignInFailure(ctx.db, user.id, AUTH_POLICY);
    await audit('failed', user, reason);
    if (lockedUntil && lockedUntil > new Date()) {
      throw new AppError(423, 'account_locked', { until: formatShanghai(lockedUntil) }, undefined, {
        key: 'account_locked.now',
      });
    }
    throw error;
  };

  if (!(await verifyPassword(user.passwordHash, body.password))) {
    return fail('bad_password', invalidCredentials());
  }
  if (user.disabled) {
    await audit('denied', user, 'disabled');
    throw new AppError(403, 'account_disabled');
  }
  if (user.totpEnabled && user.totpSecret) {
    if (!body.totp) throw new AppError(401, 'totp_required');
    const step = totpStepOf(openTotpSecret(ctx.keys.field, user.totpSecret), body.totp);
    if (step === null) return fail('bad_totp', new AppError(401, 'totp_invalid'));
    if (!(await takeTotpStep(ctx.db, user.id, step))) {
      return fail('totp_replayed', new AppError(401, 'totp_replayed'));
    }
  }

  if (request.previousCookie) await revokeSession(ctx.db, hashSecret(ctx.keys.token, request.previousCookie));
  const cookieValue = newSecret();
  const sessionId = hashSecret(ctx.keys.token, cookieValue);
  const expiresAt = new Date(Date.now() + AUTH_POLICY.absoluteHours * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    await deleteDeadSessions(tx, user.id);
    await insertSession(tx, {
      id: sessionId,
      userId: user.id,
      expiresAt,
      ip,
      userAgent: request.userAgent?.slice(0, 300) ?? null,
    });
    await recordSignIn(tx, user.id);
    await recordAudit(tx, ctx.keys.audit, {
      actor: { id: user.id, username: user.username, stationId: user.stationId },
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      result: 'ok',
      ip,
    });
  });
  return { user, cookieValue, sessionId, expiresAt };
}
