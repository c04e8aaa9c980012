/**
 * Tables the app's database role may only read and append to (GRANT SELECT, INSERT): the audit trail.
 * Triggers refuse UPDATE, DELETE and TRUNCATE on them as well, for any role that is not superuser.
 */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_seals'] as const;
