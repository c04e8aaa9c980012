import { authenticator } from 'otplib';
import { decryptField, encryptField, type FieldKeys } from '../../lib/crypto/sm.js';

authenticator.options = { window: 1, step: 30, digits: 6 };

export function createTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUrl(username: string, secret: string): string {
  return authenticator.keyuri(username, '枫桥 Fengqiao', secret);
}

export function checkTotp(secret: string, code: string): boolean {
  return authenticator.check(code, secret);
}

export function currentTotp(secret: string): string {
  return authenticator.generate(secret);
}

/** TOTP secrets are stored encrypted like personal data. */
export const sealTotpSecret = (keys: FieldKeys, secret: string) => encryptField(keys, secret, 'totp');
export const openTotpSecret = (keys: FieldKeys, sealed: string) => decryptField(keys, sealed, 'totp');
