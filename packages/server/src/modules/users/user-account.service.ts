import type { DbOrTx } from '../../db/client.js';
import {
  addLoginFailure,
  claimTotpStep,
  countUsersInOrg,
  findUserById,
  findUserByUsername,
  type UserRow,
  updateUser,
} from './user.repository.js';

// What other modules may do with an account, each as one named step: signing in and TOTP (auth),
// owners of API tokens (tokens), the importer's account (household import). The repository and its
// generic patch stay private to users.

/** The whole account, password hash and sealed TOTP secret included: for signing in, never for answers. */
export type Account = UserRow;

export function findAccount(db: DbOrTx, username: string): Promise<Account | undefined> {
  return findUserByUsername(db, username);
}

export function findAccountById(db: DbOrTx, id: string): Promise<Account | undefined> {
  return findUserById(db, id);
}

/** Counts a failed sign-in and, at the threshold, locks the account until `lockedUntil`. */
export function recordSignInFailure(
  db: DbOrTx,
  id: string,
  policy: { maxFailedLogins: number; lockMinutes: number },
): Promise<{ lockedUntil: Date | null }> {
  return addLoginFailure(db, id, policy.maxFailedLogins, policy.lockMinutes);
}

/** A successful sign-in clears the failure count. */
export function recordSignIn(db: DbOrTx, id: string): Promise<void> {
  return updateUser(db, id, { failedLogins: 0, lastLoginAt: new Date() });
}

/** Takes a TOTP step if it is newer than the last one taken; false means the code was replayed. */
export function takeTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  return claimTotpStep(db, id, step);
}

/** Keeps a new sealed TOTP secret that counts only once `confirmTotp` has seen a code from it. */
export function storePendingTotpSecret(db: DbOrTx, id: string, sealedSecret: string): Promise<void> {
  return updateUser(db, id, { totpSecret: sealedSecret });
}

export function confirmTotp(db: DbOrTx, id: string, step: number): Promise<void> {
  return updateUser(db, id, { totpEnabled: true, totpLastStep: step });
}

/** Whether any account belongs to the unit or has it as its scope: such a unit can't be deleted. */
export async function hasAccountsIn(db: DbOrTx, orgUnitId: string): Promise<boolean> {
  return (await countUsersInOrg(db, orgUnitId)) > 0;
}
