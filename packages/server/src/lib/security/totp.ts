import { authenticator } from 'otplib';
import { decryptField, encryptField, type FieldKeys } from '../crypto/sm.js';

const TOTP_OPTIONS = { window: 1, step: 30, digits: 6 };
authenticator.options = TOTP_OPTIONS;

export function createTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUrl(username: string, secret: string): string {
  return authenticator.keyuri(username, '枫桥 Fengqiao', secret);
}

const STEP_MS = 30_000;

/**
 * The time step a code belongs to, or null when it is wrong or expired. The caller keeps the last
 * accepted step per user and refuses any step not after it, so a code works once.
 */
export function totpStepOf(secret: string, code: string, now = Date.now()): number | null {
  const delta = authenticator.clone({ ...TOTP_OPTIONS, epoch: now }).checkDelta(code, secret);
  return delta === null ? null : Math.floor(now / STEP_MS) + delta;
}

/** The code for now, or for `stepsAhead` steps later (still inside the accepted window). */
export function currentTotp(secret: string, stepsAhead = 0): string {
  return authenticator.clone({ ...TOTP_OPTIONS, epoch: Date.now() + stepsAhead * STEP_MS }).generate(secret);
}

/** TOTP secrets are stored encrypted like personal data. */
export const sealTotpSecret = (keys: FieldKeys, secret: string) => encryptField(keys, secret, 'totp');
export const openTotpSecret = (keys: FieldKeys, sealed: string) => decryptField(keys, sealed, 'totp');
