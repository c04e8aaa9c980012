// The users module's public surface: other modules and the composition roots import only this file.

export { findOfficerContacts, type OfficerContactRow } from './officer-contacts.js';
export { type AccessLostHandler, createUserEvents, type UserEvents } from './user.events.js';
export { userRoutes } from './user.routes.js';
export { createUserAsSystem, getMeUser } from './user.service.js';
export {
  type Account,
  confirmTotp,
  findAccount,
  findAccountById,
  hasAccountsIn,
  recordSignIn,
  recordSignInFailure,
  storePendingTotpSecret,
  takeTotpStep,
} from './user-account.service.js';
export { nameUsersForAudit } from './user-audit-names.js';
