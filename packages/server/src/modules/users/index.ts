// The users module's surface: what other modules may call. (Minimal here; the other public pieces of
// the module join it as they are needed.)
export { findOfficerContacts, type OfficerContactRow } from './officer-contacts.js';
