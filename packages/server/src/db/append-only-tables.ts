/**
 * Tables the app's role may only read and append to: after migrations it is granted SELECT and INSERT on
 * these and nothing more, so even a compromised app cannot rewrite history.
 */
export const APPEND_ONLY_TABLES: readonly string[] = ['audit_log'];
