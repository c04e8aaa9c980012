import { conflict, invalid } from '../../http/app-error.js';
import {
  createTotpSecret,
  openTotpSecret,
  sealTotpSecret,
  totpStepOf,
  totpUrl,
} from '../../lib/security/totp.js';
import type { ServiceContext } from '../../security/context.js';
import { recordAudit } from '../audit/index.js';
import { confirmTotp, findAccount, storePendingTotpSecret } from '../users/index.js';

/** Starts enrolment: a fresh secret is stored sealed and shown once; it counts only after `enableTotp`. */
export async function setUpTotp(ctx: ServiceContext): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await findAccount(ctx.db, ctx.actor.username);
  if (user?.totpEnabled) throw conflict('totp_already_enabled');
  const secret = createTotpSecret();
  await storePendingTotpSecret(ctx.db, ctx.actor.userId, sealTotpSecret(ctx.keys.field, secret));
  return { secret, otpauthUrl: totpUrl(ctx.actor.username, secret) };
}

export async function enableTotp(ctx: ServiceContext, code: string): Promise<void> {
  const user = await findAccount(ctx.db, ctx.actor.username);
  if (user?.totpEnabled) throw conflict('totp_already_enabled');
  if (!user?.totpSecret) throw conflict('totp_not_set_up');
  const step = totpStepOf(openTotpSecret(ctx.keys.field, user.totpSecret), code);
  if (step === null) {
    throw invalid('totp_invalid', undefined, [{ field: 'totp', key: 'field.totp_invalid' }]);
  }
  await ctx.db.transaction(async (tx) => {
    await confirmTotp(tx, user.id, step);
    await recordAudit(tx, ctx.keys.audit, {
      actor: { id: user.id, username: user.username, stationId: user.stationId },
      action: 'auth.totp_enable',
      objectType: 'user',
      objectId: user.id,
      result: 'ok',
      ip: ctx.ip,
    });
  });
}
